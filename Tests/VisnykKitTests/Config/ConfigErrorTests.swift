import Testing
@testable import VisnykKit

@Suite("ConfigError")
struct ConfigErrorTests {
    private func problems(_ text: String, file: String = "/etc/visnyk/visnyk.toml") -> [ConfigProblem] {
        do {
            _ = try ConfigLoader.parse(text, path: file)
            return []
        } catch {
            return error.problems
        }
    }

    /// `line: key` of each problem, in order.
    private func places(_ text: String) -> [String] {
        problems(text).map { "\($0.line.map(String.init) ?? "-"): \($0.key ?? "-")" }
    }

    @Test("every problem of a file, each with its exact line and key, in file order")
    func everyProblem() throws {
        let path = Fixture.url("config/errors.toml").path
        let error = #expect(throws: ConfigError.self) { try ConfigLoader.load(path: path) }
        let lines = try #require(error).description.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(path):1: spool_format: \"mbox\" is not a spool format: write \"json\" or \"eml\"",
            "\(path):2: interval: \"30\" has no unit: write \"30s\" for seconds or \"30m\" for minutes (units: s, m, h, d)",
            "\(path):3: min_interval: \"5x\" is not a duration: write a number and a unit, s, m, h or d, like \"90s\", \"15m\", \"2h\", \"1d\" or \"1h30m\"",
            "\(path):4: concurency: unknown key: did you mean \"concurrency\"?",
            "\(path):5: per_host: 0 is out of range: use a number from 1 to 1024",
            "\(path):6: max_download_size: \"lots\" is not a size: write a number and a unit, like \"16MiB\", \"512KiB\", \"1GiB\" or \"500KB\"",
            "\(path):7: timeout: must be a duration in quotes, like timeout = \"15m\"; found true or false",
            "\(path):11: source.url: \"ftp://example.org/feed\" is not an http or https URL: Visnyk fetches only http and https (use file = \"…\" for a local file)",
            "\(path):12: source.interval: 1m is shorter than min_interval (5m): poll less often, or lower min_interval",
            "\(path):13: source.tags: every element must be a string in quotes, like tags = [\"news\", \"lviv\"]; element 2 is a whole number",
            "\(path):14: source.strip: invalid strip pattern \"/[unclosed/\": \"[unclosed\" is not a valid regular expression (ICU syntax): write literal text, or a regular expression between slashes, like \"/^Read more/\"",
            "\(path):15: source.dedup: \"both\" is not a dedup scope: write \"global\" (an article is spooled once whichever sources carry it) or \"feed\" (once per source)",
            "\(path):16: source.enabled: must be true or false, without quotes; found a string",
            "\(path):17: source.concurrency: unknown key here: concurrency is a global setting: move it above the first [[source]] header (keys below a header belong to that source)",
            "\(path):20: source.name: \"A\" is already the name of the source on line 9: give each source its own name",
            "\(path):22: source.file: a source has exactly one of url, file or telegram, and this one has url and file: keep one, or split it into two sources",
            "\(path):24: source: this source has no name: add name = \"…\" (names identify sources in the state and in messages)",
            "\(path):25: source.telegram: \"ab\" is not a public Telegram channel: write its name (5 to 32 letters, digits or _), like telegram = \"leopolisnews\", or its https://t.me/… link",
            "\(path):26: source.nme: unknown key: did you mean \"name\"?",
            "\(path):28: source: this source has no url, file or telegram: add one, like url = \"https://example.org/feed.xml\"",
            "\(path):31: digest: this digest has no to: add to = \"reader@example.org\" (or a list of addresses)",
            "\(path):31: digest: this digest has no from: add from = \"Visnyk <visnyk@example.org>\"",
            "\(path):31: digest: this digest has no at: add at = \"07:30\" (or a list of times)",
            "\(path):31: digest: this digest has no timezone: add timezone = \"Europe/Kyiv\" (the zone of the times in at)",
            "\(path):35: mail.transport: transport = \"smtp\" needs a url: add url = \"smtp://mail.example.org:587\" (STARTTLS) or \"smtps://mail.example.org:465\" (TLS from the start)",
        ])
    }

    @Test("a TOML syntax error names line and column")
    func syntax() throws {
        let path = Fixture.url("config/syntax.toml").path
        let error = #expect(throws: ConfigError.self) { try ConfigLoader.load(path: path) }
        let problem = try #require(error?.problems.first)
        #expect(error?.problems.count == 1)
        #expect(problem.line == 4)
        #expect(problem.column != nil)
        #expect(problem.description.hasPrefix("\(path):4:\(problem.column ?? 0): TOML syntax error: "))
    }

    @Test("a NUL byte is refused with its line")
    func nul() {
        #expect(places("a = 1\nb = \"x\u{0}\"\n") == ["2: -"])
    }

    @Test("wrong types")
    func wrongTypes() {
        let text = """
            state_dir = 5
            spool_format = ["json"]
            concurrency = "32"
            per_host = 1.5
            interval = 2025-01-01
            user_agent_url = {}
            retention = [1]
            """
        let found = problems(text)
        #expect(found.map(\.line) == [1, 2, 3, 4, 5, 6, 7])
        #expect(found[0].message == "must be a string in quotes, like state_dir = \"/var/lib/visnyk\"; found a whole number")
        #expect(found[1].message == "must be a string in quotes, like spool_format = \"json\"; found an array")
        #expect(found[2].message == "must be a number without quotes: write concurrency = 32")
        #expect(found[3].message == "must be a whole number, like per_host = 2; found a number with a fraction")
        #expect(found[4].message == "must be a duration in quotes, like interval = \"15m\"; found a date")
        #expect(found[5].message.contains("found a table"))
        #expect(found[6].message.contains("found an array"))
    }

    @Test("source tables written wrong")
    func sourceShapes() {
        #expect(problems("[source]\nname = \"x\"\n").map(\.description)
                == ["/etc/visnyk/visnyk.toml:1: source: sources are written as [[source]] tables, with double brackets, one per source"])
        #expect(places("source = [\"x\"]\n") == ["1: source"])
        #expect(places("[[source]]\nname = \"a\"\nurl = \"https://e.org/f\"\n[source.extra]\nx = 1\n") == ["4: source.extra"])
    }

    @Test("URLs: scheme, host, spaces, ports")
    func urls() {
        for bad in ["notaurl", "https://", "https:/example.org/f", "https://exa mple.org/", "mailto:x@example.org", "https://e.org:70000/", ""] {
            #expect(places("[[source]]\nname = \"a\"\nurl = \"\(bad)\"\n") == ["3: source.url"], "\(bad)")
        }
        #expect(places("user_agent_url = \"mailto:ops@example.org\"\n") == [])
        #expect(places("user_agent_url = \"file:///etc/passwd\"\n") == ["1: user_agent_url"])
    }

    @Test("names: missing, empty, padded, duplicated")
    func names() {
        #expect(places("[[source]]\nurl = \"https://e.org/f\"\n") == ["1: source"])
        #expect(places("[[source]]\nname = \" \"\nurl = \"https://e.org/f\"\n") == ["2: source.name"])
        #expect(places("[[source]]\nname = \" a\"\nurl = \"https://e.org/f\"\n") == ["2: source.name"])
        #expect(places("[[source]]\nname = \"a\\nb\"\nurl = \"https://e.org/f\"\n") == ["2: source.name"])
        let duplicate = "[[source]]\nname = \"a\"\nurl = \"https://e.org/f\"\n\n[[source]]\nname = \"a\"\nfile = \"f.xml\"\n"
        #expect(problems(duplicate).map(\.description)
                == ["/etc/visnyk/visnyk.toml:6: source.name: \"a\" is already the name of the source on line 1: give each source its own name"])
    }

    @Test("intervals below min_interval, globally and per source")
    func intervalFloor() {
        #expect(places("min_interval = \"10m\"\ninterval = \"5m\"\n") == ["2: interval"])
        #expect(places("interval = \"10m\"\nmin_interval = \"10m\"\n") == [])
        #expect(places("min_interval = \"1h\"\ninterval = \"2h\"\n[[source]]\nname = \"a\"\nurl = \"https://e.org/f\"\ninterval = \"59m\"\n") == ["6: source.interval"])
        #expect(places("interval = \"0s\"\n") == ["1: interval"])
    }

    @Test("concurrency limits")
    func concurrency() {
        #expect(places("concurrency = 0\nper_host = -1\n") == ["1: concurrency", "2: per_host"])
        #expect(places("concurrency = 5000\n") == ["1: concurrency"])
        #expect(places("concurrency = 1\nper_host = 1\n") == [])
    }

    @Test("download size limits")
    func sizes() {
        #expect(places("max_download_size = 100\n") == ["1: max_download_size"])
        #expect(places("max_download_size = \"65MiB\"\n") == ["1: max_download_size"])
        #expect(places("max_download_size = 2048\n") == [])
        #expect(places("max_download_size = \"64MiB\"\n") == [])
    }

    @Test("paths: empty or with ~")
    func paths() {
        #expect(places("state_dir = \"\"\nspool_dir = \"~/spool\"\n") == ["1: state_dir", "2: spool_dir"])
    }

    @Test("unknown keys: suggestions, later features, keys in the wrong table")
    func unknownKeys() {
        let found = problems("""
            intervall = "1h"
            spool-dir = "x"
            name = "a"
            colour = "red"
            [[source]]
            name = "a"
            url = "https://e.org/f"
            tag = ["x"]
            fulltext = true
            discover = true
            state_dir = "/x"
            """)
        #expect(found.map(\.description) == [
            "/etc/visnyk/visnyk.toml:1: intervall: unknown key: did you mean \"interval\"?",
            "/etc/visnyk/visnyk.toml:2: spool-dir: unknown key: did you mean \"spool_dir\"?",
            "/etc/visnyk/visnyk.toml:3: name: unknown key here: name is a [[source]] key: put it below a [[source]] header",
            "/etc/visnyk/visnyk.toml:4: colour: unknown key: the keys here are state_dir, spool_dir, spool_format, user_agent_url, interval, min_interval, concurrency, per_host, timeout, connect_timeout, max_download_size, retention, max_backoff, allow_private_networks, ca_file, metrics, near_duplicates, state, source, digest, mail",
            "/etc/visnyk/visnyk.toml:8: source.tag: unknown key: did you mean \"tags\"?",
            "/etc/visnyk/visnyk.toml:9: source.fulltext: unknown key: did you mean \"full_text\"?",
            "/etc/visnyk/visnyk.toml:10: source.discover: discover (feed discovery on web pages) is not supported by this version yet: remove it for now",
            "/etc/visnyk/visnyk.toml:11: source.state_dir: unknown key here: state_dir is a global setting: move it above the first [[source]] header (keys below a header belong to that source)",
        ])
    }

    @Test("full text: a selector is checked at load, needs full_text, and Telegram sources have no pages")
    func fullText() throws {
        let base = "[[source]]\nname = \"a\"\nurl = \"https://e.org/f\"\n"
        let loaded = try ConfigLoader.parse(base + "full_text = true\ncontent_selector = \"article div.entry-content\"\n", path: "/x.toml")
        #expect(loaded.sources[0].fullText)
        #expect(loaded.sources[0].contentSelector == (try ContentSelector("article div.entry-content")))
        #expect(try ConfigLoader.parse(base, path: "/x.toml").sources[0].fullText == false)
        let bad = problems(base + "full_text = true\ncontent_selector = \"div..x\"\n")
        #expect(bad.map { "\($0.line ?? 0): \($0.key ?? "")" } == ["5: source.content_selector"])
        #expect(bad.first?.description.contains("like \"article div.entry-content\"") == true)
        #expect(problems(base + "content_selector = \"main\"\n").map(\.description) == [
            "/etc/visnyk/visnyk.toml:4: source.content_selector: content_selector picks the article on pages fetched for full_text, which is off for this source: add full_text = true, or remove content_selector",
        ])
        #expect(places("[[source]]\nname = \"t\"\ntelegram = \"leopolisnews\"\nfull_text = true\n") == ["4: source.full_text"])
    }

    @Test("strip patterns: empty regex, empty literal, valid case-insensitive regex")
    func strip() {
        let base = "[[source]]\nname = \"a\"\nurl = \"https://e.org/f\"\n"
        #expect(places(base + "strip = [\"//\"]\n") == ["4: source.strip"])
        #expect(places(base + "strip = [\"  \"]\n") == ["4: source.strip"])
        #expect(places(base + "strip = [\"ok\",\n  \"/(/\"]\n") == ["5: source.strip"])
        #expect(places(base + "strip = [\"/^Читайте/i\", \"plain\"]\n") == [])
    }
}
