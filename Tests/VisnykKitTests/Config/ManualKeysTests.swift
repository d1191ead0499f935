import Foundation
import Testing
@testable import VisnykKit

/// man/visnyk.toml.5 against ConfigKeys: a key the parser reads but the manual does not
/// document, or documents without its default, fails here; so does a documented key that no
/// longer exists.
@Suite("Manual keys")
struct ManualKeysTests {
    static let manualPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("man/visnyk.toml.5").path

    /// The global keys that are tables: documented as sections of their own.
    static let tables: [(key: String, section: String, keys: [String])] = [
        ("source", "SOURCES", ConfigKeys.source),
        ("digest", "DIGESTS", ConfigKeys.digest),
        ("mail", "MAIL", ConfigKeys.mail),
        ("state", "STATE", ConfigKeys.state),
    ]

    @Test func everyGlobalKeyIsDocumented() throws {
        let manual = try ManualPage(path: Self.manualPath)
        let settings = ConfigKeys.global.filter { key in !Self.tables.contains { $0.key == key } }
        let documented = manual.keys(in: "GLOBAL SETTINGS")
        #expect(Set(settings).subtracting(documented).sorted() == [], "global keys not documented in man/visnyk.toml.5")
        #expect(Set(documented).subtracting(settings).sorted() == [], "documented global keys the parser does not know")
    }

    @Test(arguments: ManualKeysTests.tables.map { [$0.section] + $0.keys })
    func everyTableKeyIsDocumented(_ sectionAndKeys: [String]) throws {
        let manual = try ManualPage(path: Self.manualPath)
        let section = sectionAndKeys[0], keys = Array(sectionAndKeys.dropFirst())
        #expect(manual.sections.contains(section), "man/visnyk.toml.5 has no section \(section)")
        let documented = manual.keys(in: section)
        #expect(Set(keys).subtracting(documented).sorted() == [], "\(section) keys not documented in man/visnyk.toml.5")
        #expect(Set(documented).subtracting(keys).sorted() == [], "documented \(section) keys the parser does not know")
    }

    @Test func everyDocumentedKeySaysItsDefault() throws {
        let manual = try ManualPage(path: Self.manualPath)
        for section in ["GLOBAL SETTINGS"] + Self.tables.map(\.section) {
            for entry in manual.entries(in: section) {
                let head = entry.body.prefix(6).joined(separator: " ")
                #expect(head.contains("default") || head.contains("required"),
                        "\(section) \(entry.key): the first lines name no default (or \"required\")")
            }
        }
    }

    @Test func noKeyIsDocumentedTwice() throws {
        let manual = try ManualPage(path: Self.manualPath)
        for section in ["GLOBAL SETTINGS"] + Self.tables.map(\.section) {
            let keys = manual.keys(in: section)
            #expect(keys.count == Set(keys).count, "\(section): a key documented twice in \(keys)")
        }
    }
}
