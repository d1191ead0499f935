import Foundation
import Testing
@testable import VisnykKit

@Suite("ConfigLoader")
struct ConfigLoaderTests {
    private static let configDirectory = Fixture.url("config").path

    @Test("a file with one source gets every default")
    func defaults() throws {
        let config = try ConfigLoader.load(path: Fixture.url("config/minimal.toml").path)
        #expect(config.path == Self.configDirectory + "/minimal.toml")
        #expect(config.stateDir == "/var/lib/visnyk")
        #expect(config.spoolDir == "/var/spool/visnyk")
        #expect(config.spoolFormat == .json)
        #expect(config.userAgentURL == "https://github.com/visnyk/visnyk")
        #expect(config.userAgent == "visnyk/\(VisnykVersion.current) (+https://github.com/visnyk/visnyk)")
        #expect(config.interval == .seconds(1_800))
        #expect(config.minInterval == .seconds(300))
        #expect(config.concurrency == 32)
        #expect(config.perHost == 2)
        #expect(config.timeout == .seconds(60))
        #expect(config.connectTimeout == .seconds(15))
        #expect(config.maxDownloadSize == 16 * 1_048_576)
        #expect(config.retention == .seconds(90 * 86_400))
        #expect(config.maxBackoff == .seconds(86_400))
        #expect(config.sources == [SourceConfig(
            name: "Only", location: .url("http://127.0.0.1:8080/feed.xml"), interval: nil,
            tags: [], strip: [], dedup: .global, enabled: true, line: 1)])
        #expect(config.interval(of: config.sources[0]) == .seconds(1_800))
    }

    @Test("an empty file is a valid configuration with no sources")
    func empty() throws {
        let config = try ConfigLoader.parse("# nothing yet\n", path: "/etc/visnyk/visnyk.toml")
        #expect(config == VisnykConfig(path: "/etc/visnyk/visnyk.toml"))
    }

    @Test("every key is read")
    func everyKey() throws {
        let config = try ConfigLoader.load(path: Fixture.url("config/full.toml").path)
        #expect(config.stateDir == "/srv/visnyk/state")
        #expect(config.spoolDir == "/srv/visnyk/spool")
        #expect(config.spoolFormat == .eml)
        #expect(config.userAgentURL == "https://example.org/visnyk-contact")
        #expect(config.userAgent == "visnyk/0.1 (+https://example.org/visnyk-contact)")
        #expect(config.interval == .seconds(45 * 60))
        #expect(config.minInterval == .seconds(600))
        #expect(config.concurrency == 8)
        #expect(config.perHost == 1)
        #expect(config.timeout == .seconds(120))
        #expect(config.connectTimeout == .seconds(20))
        #expect(config.maxDownloadSize == 4 << 20)
        #expect(config.retention == .seconds(30 * 86_400))
        #expect(config.maxBackoff == .seconds(12 * 3_600))
        #expect(config.sources == [
            SourceConfig(name: "Leopolis.news", location: .url("https://leopolis.news/feed/"),
                         interval: .seconds(5_400), tags: ["ukraine", "lviv"],
                         strip: ["Не пропустіть важливе!", "/^Читайте нас на Телеграм/i"],
                         dedup: .feed, enabled: false, line: 16),
            SourceConfig(name: "Leopolis Telegram", location: .telegram("leopolisnews"), line: 25),
            SourceConfig(name: "Local export",
                         location: .file(Self.configDirectory + "/nested/feeds/export.xml"), line: 29),
        ])
    }

    @Test("relative paths are relative to the config file's directory, tidied")
    func relativePaths() throws {
        let config = try ConfigLoader.load(path: Fixture.url("config/nested/visnyk.toml").path)
        #expect(config.stateDir == Self.configDirectory + "/var/state")
        #expect(config.spoolDir == Self.configDirectory + "/nested/var/spool")
        #expect(config.sources.map(\.location) == [
            .file(Self.configDirectory + "/nested/feeds/export.xml"),
            .file("/nonexistent/visnyk/feed.xml"),
        ])
    }

    @Test("a relative config path is taken from the working directory")
    func relativeConfigPath() throws {
        let config = try ConfigLoader.parse("state_dir = \"state\"\n", path: "conf/visnyk.toml")
        let cwd = FileManager.default.currentDirectoryPath
        #expect(config.path == ConfigPath.absolute("conf/visnyk.toml", relativeTo: cwd))
        #expect(config.stateDir == ConfigPath.absolute("conf/state", relativeTo: cwd))
    }

    @Test("check names the line of a file source that does not exist; load does not look")
    func missingFile() throws {
        let path = Fixture.url("config/nested/visnyk.toml").path
        #expect(try ConfigLoader.load(path: path).sources.count == 2)
        let error = #expect(throws: ConfigError.self) { try ConfigLoader.check(path: path) }
        #expect(error?.problems == [ConfigProblem(
            file: path, line: 10, key: "source.file",
            message: "/nonexistent/visnyk/feed.xml does not exist: fix the path (relative paths are relative to this config file)")])
    }

    @Test("check accepts existing file sources")
    func checkFull() throws {
        let config = try ConfigLoader.check(path: Fixture.url("config/full.toml").path)
        #expect(config.sources.count == 3)
    }

    @Test("telegram channels: names, @names and t.me links")
    func telegram() throws {
        for (written, channel) in [("leopolisnews", "leopolisnews"), ("@Leopolis_News", "Leopolis_News"),
                                   ("https://t.me/leopolisnews", "leopolisnews"), ("t.me/s/leopolisnews/", "leopolisnews"),
                                   ("https://t.me/s/abcde", "abcde")] {
            let config = try ConfigLoader.parse("[[source]]\nname = \"T\"\ntelegram = \"\(written)\"\n", path: "/c.toml")
            #expect(config.sources.first?.location == .telegram(channel))
        }
        for bad in ["abcd", String(repeating: "a", count: 33), "leopolis-news", "https://t.me/", "канал_новин"] {
            #expect(throws: ConfigError.self) {
                try ConfigLoader.parse("[[source]]\nname = \"T\"\ntelegram = \"\(bad)\"\n", path: "/c.toml")
            }
        }
    }

    @Test("sources written as an array of inline tables")
    func inlineSources() throws {
        let text = """
            source = [
              { name = "one", url = "https://a.example/feed" },
              { name = "two", url = "https://b.example/feed", tags = ["x"] },
            ]
            """
        let config = try ConfigLoader.parse(text, path: "/c.toml")
        #expect(config.sources.map(\.name) == ["one", "two"])
        #expect(config.sources.map(\.line) == [2, 3])
        #expect(config.sources[1].tags == ["x"])
    }

    @Test("a file that does not exist, a directory, invalid UTF-8")
    func unreadable() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("visnyk-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.toml").path
        let notUTF8 = directory.appendingPathComponent("latin1.toml")
        try Data([0x6E, 0x3D, 0x22, 0xE9, 0x22, 0x0A]).write(to: notUTF8)
        for (path, words) in [(missing, "does not exist"), (directory.path, "is a directory"), (notUTF8.path, "not valid UTF-8")] {
            let error = #expect(throws: ConfigError.self) { try ConfigLoader.load(path: path) }
            #expect(error?.problems.count == 1)
            #expect(error?.problems.first?.line == nil)
            #expect(error?.description.hasPrefix(path + ": ") == true)
            #expect(error?.description.contains(words) == true)
        }
    }
}
