/// An HTML5 tokenizer over UTF-8 bytes (WHATWG HTML §13.2.5), for sanitizing and text
/// extraction: it never builds a tree, allocates little per token and never fails.
/// The consumer sets `foreignContent` while inside SVG/MathML (no raw-text switching there,
/// CDATA sections allowed), as the tree builder would.
///
/// It reads the bytes in place (an article's HTML, straight from its String's storage, with
/// no copy): they must stay alive and unchanged while the tokenizer is used.
struct HTMLTokenizer {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var foreignContent = false
    /// The current tag's element, and its name as written.
    var tag = HTMLElement.unknown
    var tagNameRange = 0..<0
    var attributes: [HTMLAttribute] = []
    /// Known attributes of the current tag, as bits by id (for the duplicate check).
    var seenAttributes: UInt64 = 0
    var selfClosing = false
    var pendingTextMode: (mode: HTMLTextMode, name: [UInt8])?

    /// Attributes past this many on one tag are ignored (keeps duplicate checks bounded).
    static let maxAttributes = 128

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func next() -> HTMLToken? {
        if let pending = pendingTextMode {
            pendingTextMode = nil
            if let token = scanContent(pending.mode, endName: pending.name) { return token }
        }
        let end = bytes.count
        while position < end {
            let start = position
            let i = markupStart(from: start)
            if i > start {
                position = i
                return .text(start..<i)
            }
            if let token = markup(at: i) { return token }
        }
        return nil
    }

    /// Index of the first '<' from `start` that begins markup, or the end of input.
    private func markupStart(from start: Int) -> Int {
        let p = bytes
        let end = p.count
        var i = start
        while true {
            i = HTMLByteSearch.firstIndex(of: UInt8(ascii: "<"), in: p, from: i, to: end)
            if i >= end || (i + 1 < end && startsMarkup(p[i + 1], at: i + 1)) { return i }
            i += 1
        }
    }

    @inline(__always)
    private func startsMarkup(_ byte: UInt8, at index: Int) -> Bool {
        if byte.isHTMLASCIIAlpha || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") { return true }
        return byte == UInt8(ascii: "/") && index + 1 < bytes.count
    }

    /// Tokenizes the markup starting with '<' at `i`; nil when it produced no token
    /// (`</>`, or a tag cut off by the end of input, which HTML drops).
    private mutating func markup(at i: Int) -> HTMLToken? {
        let next = bytes[i + 1]
        if next.isHTMLASCIIAlpha { return tag(nameAt: i + 1, isEnd: false) }
        if next == UInt8(ascii: "!") { return declaration(at: i + 2) }
        if next == UInt8(ascii: "?") { return bogusComment(from: i + 1) }
        // "</"
        let afterSlash = i + 2
        let c = bytes[afterSlash]
        if c.isHTMLASCIIAlpha { return tag(nameAt: afterSlash, isEnd: true) }
        if c == UInt8(ascii: ">") {
            position = afterSlash + 1
            return nil
        }
        return bogusComment(from: afterSlash)
    }

    /// After "<!": comment, DOCTYPE, CDATA section or bogus comment.
    private mutating func declaration(at i: Int) -> HTMLToken? {
        let end = bytes.count
        if i + 1 < end, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-") {
            return comment(from: i + 2)
        }
        if matches("doctype", at: i, caseInsensitive: true) {
            let close = firstIndex(of: UInt8(ascii: ">"), from: i)
            position = close.map { $0 + 1 } ?? end
            return .doctype
        }
        if foreignContent, matches("[CDATA[", at: i, caseInsensitive: false) {
            let start = i + 7
            var j = start
            while j + 2 < end, !(bytes[j] == UInt8(ascii: "]") && bytes[j + 1] == UInt8(ascii: "]") && bytes[j + 2] == UInt8(ascii: ">")) {
                j += 1
            }
            if j + 2 >= end {
                position = end
                return .rawText(start..<end)
            }
            position = j + 3
            return .rawText(start..<j)
        }
        return bogusComment(from: i)
    }

    /// Comment body starting after "<!--"; ends at "-->", "--!>", or the abrupt "<!-->" / "<!--->".
    private mutating func comment(from start: Int) -> HTMLToken {
        let end = bytes.count
        if start < end, bytes[start] == UInt8(ascii: ">") {
            position = start + 1
            return .comment(start..<start)
        }
        if start + 1 < end, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: ">") {
            position = start + 2
            return .comment(start..<start)
        }
        var j = start
        while j + 2 < end {
            if bytes[j] == UInt8(ascii: "-"), bytes[j + 1] == UInt8(ascii: "-") {
                if bytes[j + 2] == UInt8(ascii: ">") {
                    position = j + 3
                    return .comment(start..<j)
                }
                if j + 3 < end, bytes[j + 2] == UInt8(ascii: "!"), bytes[j + 3] == UInt8(ascii: ">") {
                    position = j + 4
                    return .comment(start..<j)
                }
            }
            j += 1
        }
        position = end
        return .comment(start..<end)
    }

    private mutating func bogusComment(from start: Int) -> HTMLToken {
        let close = firstIndex(of: UInt8(ascii: ">"), from: start)
        position = close.map { $0 + 1 } ?? bytes.count
        return .comment(start..<(close ?? bytes.count))
    }

    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        let count = bytes.count
        guard start < count else { return nil }
        let found = HTMLByteSearch.firstIndex(of: byte, in: bytes, from: max(start, 0), to: count)
        return found < count ? found : nil
    }

    func matches(_ word: StaticString, at i: Int, caseInsensitive: Bool) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        return word.withUTF8Buffer { w in
            for k in 0..<count {
                let a = bytes[i + k], b = w[k]
                if a == b { continue }
                if caseInsensitive, a.isHTMLASCIIAlpha, (a | 0x20) == (b | 0x20) { continue }
                return false
            }
            return true
        }
    }
}
