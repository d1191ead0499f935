import Foundation
import Testing
@testable import VisnykKit

@Suite struct DigestLineTests {
    @Test func cleanTextIsKeptAndEverythingElseIsMadeOneLine() {
        for clean in ["", "a", "Новини «Львова» — ґ…", "a b c", "emoji 🇺🇦 ok", "¡¿«»"] {
            #expect(DigestLine.isOneLine(clean), "\(clean)")
            #expect(DigestLine.oneLine(clean) == clean)
        }
        let messy = [" lead", "trail ", "two  spaces", "tab\there", "line\nbreak", "nbsp\u{A0}x", "nel\u{85}x",
                     "c1\u{9B}x", "em\u{2003}space", "ls\u{2028}x", "nnbsp\u{202F}x", "mm\u{205F}x", "ideo\u{3000}x",
                     "ogham\u{1680}x", "del\u{7F}x"]
        for text in messy {
            #expect(!DigestLine.isOneLine(text), "\(text.debugDescription)")
            #expect(DigestLine.oneLine(text) == MailHeader.clean(text))
        }
    }
}
