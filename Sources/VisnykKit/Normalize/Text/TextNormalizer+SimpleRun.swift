extension TextNormalizer {
    /// Where the one-pass normalization stands in the input, and where it restarts when a
    /// scalar needs the complete NFKC.
    struct Cursor {
        var index = 0
        /// An input offset at a scalar where NFKC can start afresh (ASCII or Cyrillic, both
        /// NFKC-stable and never the second of a composition), and the output count before it.
        var restartOffset = 0
        var restartCount: Int
    }

    /// Normalizes from `cursor.index` while the text is simple: ASCII, Cyrillic U+0400–U+047F,
    /// and the commonest typographic variants. Stops at the first other scalar (or the end).
    ///
    /// Needs room in `writer` for one output byte per input byte left plus 8: no simple scalar
    /// grows, and a block stores 8 bytes at once (16 with at least 17 input bytes left).
    static func appendSimpleRun(
        _ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Cursor, to writer: inout FoldedTextWriter
    ) {
        guard let input = bytes.baseAddress else { return }
        let count = bytes.count
        let segmentStart = writer.segmentStart
        let output = writer.sink.base
        var written = writer.sink.count
        var index = cursor.index
        defer {
            writer.sink.count = written
            cursor.index = index
        }
        let vector = SimpleTextVector()
        while index < count {
            if index + 8 <= count {
                var afterSpace = written == segmentStart || output[written - 1] == 0x20
                let runStart = index
                // Sixteen bytes at a time up to a stop, which the scalar path below takes; near
                // the end, eight. The vector reads a byte on each side; its first byte's
                // white-space stop depends on the output, so it starts only where that one
                // cannot stop.
                var vectorStopped = false
                if index > 0, !(afterSpace && Self.isSpace(input[index])) {
                    while index + 17 <= count {
                        let block = vector.normalize(UnsafeRawPointer(input), at: index)
                        UnsafeMutableRawPointer(output + written).storeBytes(of: block.folded, as: SIMD16<UInt8>.self)
                        if block.stop < 16 {
                            index += block.stop
                            written += block.stop
                            vectorStopped = true
                            break
                        }
                        // A lead last is taken again with its trail by the next block.
                        let length = input[index + 15] >= 0xC0 ? 15 : 16
                        index += length
                        written += length
                    }
                    if index != runStart { afterSpace = output[written - 1] == 0x20 }
                }
                var word: UInt64 = 0
                var block: (word: UInt64, stops: UInt64) = (0, 0)
                // Blocks with no stop. The next block's offset depends only on this block's
                // last byte, not on its result, so blocks overlap in the processor.
                while !vectorStopped, index + 8 <= count {
                    word = UInt64(littleEndian: UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self))
                    block = SimpleTextBlock.normalize(word, afterSpace: afterSpace)
                    if block.stops != 0 { break }
                    UnsafeMutableRawPointer(output + written).storeBytes(of: block.word.littleEndian, as: UInt64.self)
                    let length = SimpleTextBlock.length(of: 0, in: word)
                    index += length
                    written += length
                    afterSpace = UInt8(truncatingIfNeeded: block.word &>> (length &* 8 &- 8)) == 0x20
                }
                if index != runStart {
                    // Any scalar in a block is a restart point; take the last one (a block
                    // holds only ASCII and two-byte scalars, written in place).
                    let back = input[index - 1] < 0x80 ? 1 : 2
                    cursor.restartOffset = index - back
                    cursor.restartCount = written - back
                }
                if !vectorStopped {
                    guard block.stops != 0 else { continue }
                    let length = SimpleTextBlock.length(of: block.stops, in: word)
                    if length != 0 {
                        cursor.restartOffset = index
                        cursor.restartCount = written
                        UnsafeMutableRawPointer(output + written).storeBytes(of: block.word.littleEndian, as: UInt64.self)
                        index += length
                        written += length
                    }
                }
            }
            let lead = input[index]
            var folded: UInt8
            if lead < 0x80 {
                cursor.restartOffset = index
                cursor.restartCount = written
                index += 1
                switch lead {
                case 0x41...0x5A: folded = lead | 0x20
                case 0x09...0x0D, 0x20: folded = 0x20
                case 0x60: folded = 0x27
                default: folded = lead
                }
            } else if lead & 0xFE == 0xD0, index + 1 < count {
                let (first, second) = foldedCyrillic(lead, input[index + 1])
                output[written] = first
                output[written + 1] = second
                written += 2
                index += 2
                continue
            } else if let (replacement, length) = typographicVariant(input, at: index, count: count) {
                folded = replacement
                index += length
            } else {
                return
            }
            if folded != 0x20 {
                output[written] = folded
                written += 1
            } else if written > segmentStart, output[written - 1] != 0x20 {
                output[written] = 0x20
                written += 1
            }
        }
    }

    /// Tab, line feed, vertical tab, form feed, carriage return or space.
    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte &- 0x09 < 5
    }

    /// U+0400–U+047F (all NFKC-stable) folded on the bytes: capitals by fixed offsets.
    @inline(__always)
    private static func foldedCyrillic(_ lead: UInt8, _ trail: UInt8) -> (UInt8, UInt8) {
        if lead == 0xD0 {
            switch trail {
            case 0x80...0x8F: return (0xD1, trail &+ 0x10)   // Ѐ–Џ → ѐ–џ
            case 0x90...0x9F: return (0xD0, trail &+ 0x20)   // А–П → а–п
            case 0xA0...0xAF: return (0xD1, trail &- 0x20)   // Р–Я → р–я
            default: return (lead, trail)
            }
        }
        // U+0460–U+047F: historic letters in (capital, small) pairs.
        return (lead, trail >= 0xA0 ? trail | 1 : trail)
    }

    /// The common typographic variants that become one ASCII byte (0x20 for no-break space),
    /// with their UTF-8 length: « » ‘ ’ “ ” „ – — and U+00A0.
    @inline(__always)
    private static func typographicVariant(
        _ input: UnsafePointer<UInt8>, at index: Int, count: Int
    ) -> (UInt8, Int)? {
        let lead = input[index]
        if lead == 0xE2, index + 2 < count, input[index + 1] == 0x80 {
            switch input[index + 2] {
            case 0x93, 0x94: return (0x2D, 3)                 // – —
            case 0x98, 0x99: return (0x27, 3)                 // ‘ ’
            case 0x9C, 0x9D, 0x9E: return (0x22, 3)           // “ ” „
            default: return nil
            }
        }
        if lead == 0xC2, index + 1 < count {
            switch input[index + 1] {
            case 0xAB, 0xBB: return (0x22, 2)                 // « »
            case 0xA0: return (0x20, 2)                       // no-break space
            default: return nil
            }
        }
        return nil
    }
}
