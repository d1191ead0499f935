import Testing
@testable import VisnykKit

@Suite("near_duplicates")
struct NearDuplicateConfigTests {
    @Test("mark by default; mark, drop and off are read")
    func values() throws {
        #expect(try ConfigLoader.parse("", path: "/etc/visnyk/visnyk.toml").nearDuplicates == .mark)
        for mode in NearDuplicateMode.allCases {
            let config = try ConfigLoader.parse("near_duplicates = \"\(mode.rawValue)\"\n", path: "/etc/visnyk/visnyk.toml")
            #expect(config.nearDuplicates == mode)
        }
    }

    @Test("another word, or another type, is refused with its file and line")
    func errors() throws {
        let path = "/etc/visnyk/visnyk.toml"
        let wrongWord = #expect(throws: ConfigError.self) {
            try ConfigLoader.parse("interval = \"1h\"\nnear_duplicates = \"merge\"\n", path: path)
        }
        #expect(try #require(wrongWord).description == "\(path):2: near_duplicates: \"merge\" is not a near-duplicate mode: "
                + "write \"mark\" (spool a later telling of a story with sameStoryAs), \"drop\" (do not spool it) or \"off\"")
        let wrongType = #expect(throws: ConfigError.self) { try ConfigLoader.parse("near_duplicates = true\n", path: path) }
        #expect(try #require(wrongType).description.hasPrefix("\(path):1: near_duplicates: must be a string in quotes, like near_duplicates = \"mark\""))
    }

    @Test("a key below a table header is named as the global setting it is")
    func misplaced() throws {
        let error = #expect(throws: ConfigError.self) {
            try ConfigLoader.parse("[[source]]\nname = \"A\"\nurl = \"https://example.org/feed\"\nnear_duplicates = \"drop\"\n",
                                   path: "/etc/visnyk/visnyk.toml")
        }
        #expect(try #require(error).description.contains("near_duplicates is a global setting"))
    }
}
