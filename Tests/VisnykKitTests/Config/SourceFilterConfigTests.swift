import Testing
@testable import VisnykKit

/// `include` and `exclude` in [[source]] tables.
@Suite struct SourceFilterConfigTests {
    static func text(_ extra: String) -> String {
        """
        state_dir = "/var/lib/visnyk"

        [[source]]
        name = "Leopolis.news"
        url = "https://leopolis.news/feed/"
        \(extra)
        """
    }

    static func found(_ text: String) -> [String] {
        do {
            _ = try ConfigLoader.parse(text, path: "/etc/visnyk/visnyk.toml")
            return []
        } catch {
            return error.problems.map { "\($0.line.map(String.init) ?? "-"): \($0.key ?? "-"): \($0.message)" }
        }
    }

    @Test("the patterns are read as written")
    func read() throws {
        let config = try ConfigLoader.parse(Self.text("include = [\"Львів\", \"/^Lviv/i\"]\nexclude = [\"реклама\"]"),
                                            path: "/etc/visnyk/visnyk.toml")
        #expect(config.sources[0].include == ["Львів", "/^Lviv/i"])
        #expect(config.sources[0].exclude == ["реклама"])
    }

    @Test("bad patterns and values name file, line and key")
    func errors() {
        #expect(Self.found(Self.text("exclude = [\"ok\", \"/[unclosed/\"]")) == [
            "6: source.exclude: invalid strip pattern \"/[unclosed/\": \"[unclosed\" is not a valid regular expression (ICU syntax): write literal text, or a regular expression between slashes, like \"/^Sport/i\"",
        ])
        #expect(Self.found(Self.text("include = \"Львів\"")).map { String($0.prefix(19)) } == ["6: source.include: "])
        #expect(Self.found(Self.text("include = [\"  \"]")).count == 1)
    }
}
