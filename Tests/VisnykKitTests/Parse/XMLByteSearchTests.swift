import Testing
@testable import VisnykKit

struct XMLByteSearchTests {
    /// The vector count against a byte-by-byte one, at every alignment and length around the
    /// 16-byte steps and the 255-step lane flush.
    @Test func lineFeedCountMatchesAPlainCount() {
        var random = SeededRandom(seed: 0x4C46)
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x20, 0x61, 0xD0, 0xB0, 0x09, 0x0B]
        for length in [0, 1, 15, 16, 17, 31, 33, 255 * 16 - 1, 255 * 16, 255 * 16 + 17, 10_000] {
            let bytes = (0..<length + 8).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            for start in 0..<min(8, length + 1) {
                let end = start + length
                let expected = bytes[start..<end].filter { $0 == 0x0A }.count
                let counted = bytes.withUnsafeBufferPointer { XMLByteSearch.lineFeedCount(in: $0, from: start, to: end) }
                #expect(counted == expected, "length \(length), start \(start)")
            }
        }
    }

    @Test func allLineFeedsOverflowNoLane() {
        let bytes = [UInt8](repeating: 0x0A, count: 300 * 16 + 5)
        #expect(bytes.withUnsafeBufferPointer { XMLByteSearch.lineFeedCount(in: $0, from: 0, to: $0.count) } == bytes.count)
    }

    @Test func aCarriageReturnAnywhereGivesNil() {
        for position in [0, 7, 15, 16, 31, 4079, 4080, 4095] {
            var bytes = [UInt8](repeating: 0x0A, count: 4096)
            bytes[position] = 0x0D
            #expect(bytes.withUnsafeBufferPointer { XMLByteSearch.lineFeedCount(in: $0, from: 0, to: $0.count) } == nil,
                    "carriage return at \(position)")
        }
    }
}
