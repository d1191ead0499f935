import Testing
@testable import VisnykKit

@Suite("DurationText and ByteSizeText")
struct DurationTextTests {
    @Test("durations with one or several units", arguments: [
        ("90s", 90), ("15m", 900), ("2h", 7_200), ("1d", 86_400), ("1h30m", 5_400),
        ("1d12h", 129_600), (" 1h 30m ", 5_400), ("0s", 0), ("3650d", 315_360_000),
    ] as [(String, Int64)])
    func durations(text: String, seconds: Int64) throws {
        #expect(try DurationText.parse(text).get() == .seconds(seconds))
    }

    @Test("bare numbers are refused with a hint to add a unit")
    func bareNumber() {
        guard case .failure(let error) = DurationText.parse("30") else {
            Issue.record("\"30\" was accepted")
            return
        }
        #expect(error.description == "\"30\" has no unit: write \"30s\" for seconds or \"30m\" for minutes (units: s, m, h, d)")
    }

    @Test("malformed durations are refused", arguments: ["", "m", "15x", "1.5h", "15M", "1h30", "-5m", "h1", "99999999999999s", "3700d"])
    func malformed(text: String) {
        if case .success(let duration) = DurationText.parse(text) {
            Issue.record("\"\(text)\" was read as \(duration)")
        }
    }

    @Test("format writes what parse reads back")
    func format() throws {
        #expect(DurationText.format(.seconds(5_400)) == "1h30m")
        #expect(DurationText.format(.seconds(90 * 86_400)) == "90d")
        #expect(DurationText.format(.seconds(45)) == "45s")
        #expect(DurationText.format(.zero) == "0s")
        for seconds: Int64 in [1, 59, 61, 3_601, 86_399, 90_061] {
            #expect(try DurationText.parse(DurationText.format(.seconds(seconds))).get() == .seconds(seconds))
        }
    }

    @Test("sizes, binary and decimal", arguments: [
        ("16MiB", 16 << 20), ("512KiB", 512 << 10), ("1GiB", 1 << 30), ("500KB", 500_000),
        ("2MB", 2_000_000), ("1GB", 1_000_000_000), ("100B", 100), ("4096", 4_096),
        ("16 MiB", 16 << 20), ("16mib", 16 << 20),
    ] as [(String, Int)])
    func sizes(text: String, bytes: Int) throws {
        #expect(try ByteSizeText.parse(text).get() == bytes)
    }

    @Test("malformed sizes are refused", arguments: ["", "MiB", "1.5MiB", "16 MiBs", "16TB", "-1", "99999999999999GiB"])
    func malformedSizes(text: String) {
        if case .success(let bytes) = ByteSizeText.parse(text) {
            Issue.record("\"\(text)\" was read as \(bytes)")
        }
    }

    @Test("sizes are shown in binary units when whole")
    func formatSizes() {
        #expect(ByteSizeText.format(16 << 20) == "16 MiB")
        #expect(ByteSizeText.format(1_536) == "1536 bytes")
        #expect(ByteSizeText.format(3 << 10) == "3 KiB")
        #expect(ByteSizeText.format(1) == "1 byte")
    }
}
