import Foundation
import Testing
@testable import VisnykKit

@Suite("Config: [[digest]]")
struct DigestConfigTests {
    /// Two sources (lines 1–9) and a [mail] table (11–13); the digest header is line 14.
    static let base = """
        [[source]]
        name = "Leopolis.news"
        url = "https://leopolis.news/feed/"
        tags = ["ukraine", "lviv"]

        [[source]]
        name = "Zaxid"
        url = "https://zaxid.net/rss"
        tags = ["ukraine"]

        [mail]
        transport = "maildir"
        maildir = "outbox"

        """
    static let required: [(key: String, value: String)] = [
        ("name", "\"morning\""), ("to", "\"reader@example.org\""),
        ("from", "\"Visnyk <visnyk@example.org>\""), ("at", "\"07:30\""), ("timezone", "\"Europe/Kyiv\""),
    ]

    /// A digest with the required keys on lines 15–19 (`key` replaced by `value`, or left out
    /// when `value` is nil), then the `extra` lines.
    static func text(_ key: String? = nil, _ value: String? = nil, extra: String = "") -> String {
        var lines = ["[[digest]]"]
        for (name, defaultValue) in required {
            if name == key {
                if let value { lines.append("\(name) = \(value)") }
            } else {
                lines.append("\(name) = \(defaultValue)")
            }
        }
        return base + lines.joined(separator: "\n") + "\n" + extra
    }

    static func problems(_ text: String) -> [ConfigProblem] {
        do {
            _ = try ConfigLoader.parse(text, path: "/etc/visnyk/visnyk.toml")
            return []
        } catch {
            return error.problems
        }
    }

    /// `line: key: message` of each problem.
    static func found(_ text: String) -> [String] {
        problems(text).map { "\($0.line.map(String.init) ?? "-"): \($0.key ?? "-"): \($0.message)" }
    }

    /// `line: key` of each problem.
    static func places(_ text: String) -> [String] {
        problems(text).map { "\($0.line.map(String.init) ?? "-"): \($0.key ?? "-")" }
    }

    @Test("the required keys alone: every other key has its default")
    func defaults() throws {
        let config = try ConfigLoader.parse(Self.text(), path: "/etc/visnyk/visnyk.toml")
        #expect(config.digests == [DigestConfig(
            name: "morning", to: ["reader@example.org"], from: "Visnyk <visnyk@example.org>",
            at: [DigestTime(hour: 7, minute: 30)], timezone: "Europe/Kyiv", line: 14)])
        let digest = try #require(config.digests.first)
        #expect(digest.subject == "{{name}}: {{summary}} ({{date}})")
        #expect(digest.excerptLength == 280)
        #expect(digest.days == nil && digest.maxPerSource == nil && !digest.sendEmpty)
    }

    @Test("every key is read; times sorted without duplicates; template paths relative to the file")
    func everyKey() throws {
        let extra = """
            subject = "Новини за {{date}}"
            days = ["Mon", "TUE", "wednesday", "fri", "fri"]
            sources = ["Zaxid"]
            tags = ["lviv"]
            include = ["Львів", "/^Sport/i"]
            exclude = ["реклама"]
            max_per_source = 5
            excerpt_length = 0
            send_empty = true
            html_template = "templates/digest.html"
            text_template = "/srv/digest.txt"

            [[digest]]
            name = "evening"
            to = ["a@example.org", "\\"Reader, Second\\" <b@example.org>"]
            from = "visnyk@localhost"
            at = ["19:00", "7:05", "19:00"]
            timezone = "America/New_York"
            """
        let config = try ConfigLoader.parse(Self.text(extra: extra), path: "/etc/visnyk/visnyk.toml")
        #expect(config.digests == [
            DigestConfig(
                name: "morning", to: ["reader@example.org"], from: "Visnyk <visnyk@example.org>",
                subject: "Новини за {{date}}", at: [DigestTime(hour: 7, minute: 30)], timezone: "Europe/Kyiv",
                days: [.monday, .tuesday, .wednesday, .friday], sources: ["Zaxid"], tags: ["lviv"],
                include: ["Львів", "/^Sport/i"], exclude: ["реклама"], maxPerSource: 5, excerptLength: 0,
                sendEmpty: true, htmlTemplate: "/etc/visnyk/templates/digest.html",
                textTemplate: "/srv/digest.txt", line: 14),
            DigestConfig(
                name: "evening", to: ["a@example.org", "\"Reader, Second\" <b@example.org>"],
                from: "visnyk@localhost", at: [DigestTime(hour: 7, minute: 5), DigestTime(hour: 19, minute: 0)],
                timezone: "America/New_York", line: 32),
        ])
        #expect(config.mail == MailConfig(transport: .maildir, maildir: "/etc/visnyk/outbox", line: 11))
    }

    @Test("a digest needs [mail]")
    func needsMail() {
        let text = Self.text().replacingOccurrences(of: "[mail]\ntransport = \"maildir\"\nmaildir = \"outbox\"\n", with: "\n\n\n")
        #expect(Self.found(text) == [
            "14: digest: digests need a [mail] table saying how to send them: add [mail] with transport = \"smtp\" and url = \"smtp://mail.example.org:587\" (or transport = \"sendmail\", or \"maildir\" with maildir = \"/path\")",
        ])
    }

    @Test("each required key missing is named on the header's line")
    func required() {
        for (key, _) in Self.required {
            let found = Self.found(Self.text(key, nil))
            #expect(found.count == 1, "\(key)")
            #expect(found.first?.hasPrefix("14: digest: this digest has no \(key): add \(key) = ") == true, "\(key)")
        }
    }

    @Test("recipients: one or a list, each a plain address or Name <address>")
    func recipients() throws {
        for good in ["\"a@example.org\"", "[\"a@example.org\", \"Олена <b@example.org>\"]", "\"\\\"N, M\\\" <n@example.org>\"", "\" a@example.org \""] {
            #expect(Self.places(Self.text("to", good)) == [], "\(good)")
        }
        let bad: [(String, String)] = [
            ("\"reader\"", "\"reader\" has no \"@\": write reader@example.org or \"Name <reader@example.org>\""),
            ("\"a@b@example.org\"", "\"a@b@example.org\" has more than one \"@\" in its address: write reader@example.org or \"Name <reader@example.org>\""),
            ("\"a@example.org\\r\\nBcc: victim@example.org\"", "contains a control character (a line break, NUL, …): remove it"),
            ("\"a@example.org\\u0085\"", "contains a control character (a line break, NUL, …): remove it"),
            ("\"a\\t<b@example.org>\"", "an address contains a line break or control character: write reader@example.org or \"Name <reader@example.org>\""),
            ("\"a@example.org\\u2028\"", "an address contains a line break or control character: write reader@example.org or \"Name <reader@example.org>\""),
            ("\"@example.org\"", "\"@example.org\" needs a name before the \"@\" and a domain after it: write reader@example.org or \"Name <reader@example.org>\""),
            ("\"олена@example.org\"", "\"олена@example.org\": the address (the part with the \"@\") must be ASCII: write an international domain in its xn-- form"),
            ("\"a b@example.org\"", "\"a b@example.org\": the address contains a space or one of < > ( ) [ ] \\ , ; : \": write reader@example.org or \"Name <reader@example.org>\""),
            ("\"a@example..org\"", "\"a@example..org\": a dot cannot start or end the name or the domain, nor follow another dot: write reader@example.org or \"Name <reader@example.org>\""),
            ("\"<a@example.org> Name\"", "\"<a@example.org> Name\": an address in angle brackets comes last, like \"Name <reader@example.org>\""),
            ("\"\"", "an address is empty: write reader@example.org or \"Name <reader@example.org>\""),
            ("[]", "has no recipients: write to = \"reader@example.org\", or a list of addresses"),
            ("42", "must be an array of strings, like to = [\"reader@example.org\", \"Name <other@example.org>\"]; found a whole number"),
        ]
        for (value, message) in bad {
            #expect(Self.found(Self.text("to", value)) == ["16: digest.to: \(message)"], "\(value)")
        }
        // An element of a list spread over lines is named on its own line.
        #expect(Self.places(Self.text("to", "[\n  \"a@example.org\",\n  \"b-at-example.org\",\n]")) == ["18: digest.to"])
    }

    @Test("the sender is one address, checked like the recipients")
    func sender() {
        #expect(Self.found(Self.text("from", "\"Visnyk <visnyk>\"")) == ["17: digest.from: \"Visnyk <visnyk>\" has no \"@\": write reader@example.org or \"Name <reader@example.org>\""])
        #expect(Self.places(Self.text("from", "[\"a@example.org\"]")) == ["17: digest.from"])
        #expect(Self.places(Self.text("from", "\"Visnyk\\n <v@example.org>\"")) == ["17: digest.from"])
    }

    @Test("times: HH:MM from 00:00 to 23:59, one or a list")
    func times() throws {
        for good in ["\"00:00\"", "\"23:59\"", "\"7:30\"", "[\"12:00\", \"06:15\"]"] {
            #expect(Self.places(Self.text("at", good)) == [], "\(good)")
        }
        for bad in ["24:00", "07:60", "0730", "7.30", "07:30:00", "07:3", "", "-1:30", "٠٧:٣٠"] {
            #expect(Self.found(Self.text("at", "\"\(bad)\"")) == ["18: digest.at: \"\(bad)\" is not a time of day: write \"HH:MM\", 00:00 to 23:59, like at = \"07:30\""], "\(bad)")
        }
        #expect(Self.found(Self.text("at", "07:30:00")) == ["18: digest.at: write the time in quotes, as \"HH:MM\", like at = \"07:30\""])
        #expect(Self.found(Self.text("at", "[]")) == ["18: digest.at: has no times: write at = \"07:30\", or a list of times like [\"07:30\", \"19:00\"]"])
        #expect(Self.places(Self.text("at", "[\"07:30\", 8]")) == ["18: digest.at"])
        let config = try ConfigLoader.parse(Self.text("at", "[\"19:00\", \"07:30\", \"7:30\"]"), path: "/c.toml")
        #expect(config.digests.first?.at == [DigestTime(hour: 7, minute: 30), DigestTime(hour: 19, minute: 0)])
    }

    @Test("time zones: IANA names; a near miss is suggested")
    func zones() {
        #expect(Self.places(Self.text("timezone", "\"America/New_York\"")) == [])
        #expect(Self.places(Self.text("timezone", "\"UTC\"")) == [])
        #expect(Self.found(Self.text("timezone", "\"Kyiv\"")) == ["19: digest.timezone: \"Kyiv\" is not a time zone: did you mean \"Europe/Kyiv\"?"])
        #expect(Self.found(Self.text("timezone", "\"europe/kyiv\"")) == ["19: digest.timezone: \"europe/kyiv\" is not a time zone: did you mean \"Europe/Kyiv\"?"])
        #expect(Self.found(Self.text("timezone", "\"New York\"")) == ["19: digest.timezone: \"New York\" is not a time zone: did you mean \"America/New_York\"?"])
        #expect(Self.found(Self.text("timezone", "\"Europe/Kyjv\"")) == ["19: digest.timezone: \"Europe/Kyjv\" is not a time zone: did you mean \"Europe/Kyiv\"?"])
        #expect(Self.found(Self.text("timezone", "\"Moon Base Alpha\"")) == ["19: digest.timezone: \"Moon Base Alpha\" is not a time zone: write an IANA zone name, like \"Europe/Kyiv\" or \"America/New_York\" (timedatectl list-timezones lists them)"])
    }

    @Test("days: short or full English names in any case, at least one")
    func days() throws {
        let config = try ConfigLoader.parse(Self.text(extra: "days = [\"SAT\", \"Sunday\"]\n"), path: "/c.toml")
        #expect(config.digests.first?.days == [.saturday, .sunday])
        #expect(Self.found(Self.text(extra: "days = [\"mon\", \"weekend\"]\n")) == ["20: digest.days: \"weekend\" is not a day of the week: write mon, tue, wed, thu, fri, sat or sun (or the full English names)"])
        #expect(Self.places(Self.text(extra: "days = [\"mo\"]\n")) == ["20: digest.days"])
        #expect(Self.found(Self.text(extra: "days = [\"Tues\"]\n")) == ["20: digest.days: \"Tues\" is not a day of the week: did you mean \"tue\"? (days are mon, tue, wed, thu, fri, sat and sun, or the full English names)"])
        #expect(Self.found(Self.text(extra: "days = []\n")) == ["20: digest.days: names no day: remove days to send every day, or list the days, like days = [\"mon\", \"fri\"]"])
        #expect(Self.places(Self.text(extra: "days = \"mon\"\n")) == ["20: digest.days"])
    }

    @Test("sources: configured names, the closest suggested")
    func sources() {
        #expect(Self.found(Self.text(extra: "sources = [\"Zaxid\", \"leopolis.new\"]\n")) == ["20: digest.sources: no source is named \"leopolis.new\": did you mean \"Leopolis.news\"?"])
        #expect(Self.found(Self.text(extra: "sources = [\"leopolis\"]\n")) == ["20: digest.sources: no source is named \"leopolis\": did you mean \"Leopolis.news\"?"])
        #expect(Self.found(Self.text(extra: "sources = [\"Суспільне\"]\n")) == ["20: digest.sources: no source is named \"Суспільне\": write the name of a [[source]] exactly as its name = says"])
        // A source with a mistake of its own is still a source the digest may name.
        let broken = Self.text(extra: "sources = [\"Broken\"]\n") + "[[source]]\nname = \"Broken\"\nurl = \"ftp://example.org/f\"\n"
        #expect(Self.places(broken) == ["23: source.url"])
    }

    @Test("tags: carried by at least one source, the closest suggested")
    func tags() {
        #expect(Self.places(Self.text(extra: "tags = [\"lviv\", \"ukraine\"]\n")) == [])
        #expect(Self.found(Self.text(extra: "tags = [\"Ukrain\"]\n")) == ["20: digest.tags: no source has the tag \"Ukrain\": did you mean \"ukraine\"?"])
        #expect(Self.found(Self.text(extra: "tags = [\"sport\"]\n")) == ["20: digest.tags: no source has the tag \"sport\": add it to the tags of a [[source]], or remove it here"])
    }

    @Test("include and exclude: literal or /regex/, a bad one named by its key")
    func patterns() {
        #expect(Self.places(Self.text(extra: "include = [\"/^Львів/i\"]\nexclude = [\"реклама\", \"/(ad|promo)/\"]\n")) == [])
        #expect(Self.found(Self.text(extra: "include = [\"/[unclosed/\"]\n")) == ["20: digest.include: invalid strip pattern \"/[unclosed/\": \"[unclosed\" is not a valid regular expression (ICU syntax): write literal text, or a regular expression between slashes, like \"/^Sport/i\""])
        #expect(Self.places(Self.text(extra: "exclude = [\"ok\", \"//\"]\n")) == ["20: digest.exclude"])
    }

    @Test("numbers and flags: max_per_source ≥ 1, excerpt_length 0…2000, send_empty a boolean")
    func numbers() {
        #expect(Self.places(Self.text(extra: "max_per_source = 1\nexcerpt_length = 2000\nsend_empty = false\n")) == [])
        #expect(Self.found(Self.text(extra: "max_per_source = 0\n")) == ["20: digest.max_per_source: 0 is out of range: use a number from 1 to 100000"])
        #expect(Self.found(Self.text(extra: "excerpt_length = 2001\n")) == ["20: digest.excerpt_length: 2001 is out of range: use a number from 0 to 2000"])
        #expect(Self.places(Self.text(extra: "excerpt_length = -1\n")) == ["20: digest.excerpt_length"])
        #expect(Self.places(Self.text(extra: "max_per_source = \"5\"\n")) == ["20: digest.max_per_source"])
        #expect(Self.places(Self.text(extra: "send_empty = \"yes\"\n")) == ["20: digest.send_empty"])
        #expect(Self.places(Self.text(extra: "subject = \"  \"\n")) == ["20: digest.subject"])
    }

    @Test("names: missing, empty, duplicated")
    func names() {
        #expect(Self.places(Self.text("name", "\"\"")) == ["15: digest.name"])
        let twice = Self.text() + "\n[[digest]]\n" + Self.required.map { "\($0.key) = \($0.value)" }.joined(separator: "\n") + "\n"
        #expect(Self.found(twice) == ["22: digest.name: \"morning\" is already the name of the digest on line 14: give each digest its own name"])
    }

    @Test("unknown keys: suggestions, and keys of other tables named as such")
    func unknownKeys() {
        #expect(Self.found(Self.text(extra: "subjet = \"x\"\ninterval = \"1h\"\ntransport = \"smtp\"\nurl = \"https://e.org/\"\ncolour = 1\n")) == [
            "20: digest.subjet: unknown key: did you mean \"subject\"?",
            "21: digest.interval: unknown key here: interval is a global setting: move it above the first table header (keys below a header belong to that table)",
            "22: digest.transport: unknown key here: transport is a [mail] key: put it below the [mail] header",
            "23: digest.url: unknown key here: url is a [[source]] key: put it below a [[source]] header",
            "24: digest.colour: unknown key: the keys here are name, to, from, subject, at, timezone, days, sources, tags, include, exclude, max_per_source, excerpt_length, send_empty, html_template, text_template",
        ])
        #expect(Self.found("timezone = \"Europe/Kyiv\"\ntransport = \"smtp\"\n") == [
            "1: timezone: unknown key here: timezone is a [[digest]] key: put it below a [[digest]] header",
            "2: transport: unknown key here: transport is a [mail] key: put it below the [mail] header",
        ])
    }

    @Test("tables written wrong")
    func shapes() {
        #expect(Self.found(Self.base + "[digest]\nname = \"x\"\n") == ["14: digest: digests are written as [[digest]] tables, with double brackets, one per digest"])
        #expect(Self.found("[[mail]]\ntransport = \"sendmail\"\n") == ["1: mail: mail is one [mail] table, with single brackets"])
    }

    @Test("visnyk check: templates must exist and be readable")
    func templatesAtCheck() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data("<p>{{count}}</p>".utf8).write(to: URL(fileURLWithPath: directory.appending("digest.html")))
        try FileManager.default.createDirectory(atPath: directory.appending("dir.txt"), withIntermediateDirectories: false)
        let path = directory.appending("visnyk.toml")
        try Data(Self.text(extra: "html_template = \"digest.html\"\ntext_template = \"dir.txt\"\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        let loaded = try ConfigLoader.load(path: path)
        #expect(loaded.digests.first?.htmlTemplate == directory.appending("digest.html"))
        let error = #expect(throws: ConfigError.self) { try ConfigLoader.check(path: path) }
        #expect(error?.description == "\(path):21: digest.text_template: \(directory.appending("dir.txt")) is a directory: name a file")

        try Data(Self.text(extra: "html_template = \"missing.html\"\n").utf8).write(to: URL(fileURLWithPath: path))
        let missing = #expect(throws: ConfigError.self) { try ConfigLoader.check(path: path) }
        #expect(missing?.description == "\(path):20: digest.html_template: \(directory.appending("missing.html")) does not exist: fix the path (relative paths are relative to this config file)")

        try Data(Self.text(extra: "html_template = \"digest.html\"\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try ConfigLoader.check(path: path).digests.count == 1)
    }

    @Test("visnyk check: the subject and the templates must compile")
    func templateSyntaxAtCheck() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data("<ul>{{#groups}}<li>{{source}}</li>\n".utf8).write(to: URL(fileURLWithPath: directory.appending("digest.html")))
        let path = directory.appending("visnyk.toml")
        try Data(Self.text(extra: "html_template = \"digest.html\"\n").utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: ConfigError.self) { try ConfigLoader.check(path: path) }
        #expect(error?.description.hasPrefix("\(path):20: digest.html_template: digest \"morning\": \(directory.appending("digest.html"))") == true)
    }
}
