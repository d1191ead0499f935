/// Reads repaired character data between markup (`XMLReferenceRepair` output) as libxml2
/// reports it: the five predefined entities and numeric character references decoded, all
/// else as it is. Anything libxml2 would treat otherwise — a carriage return (line endings are
/// normalized), `]]>` or `<` (errors), any other reference — makes the run stay with libxml2.
/// Input is valid UTF-8 without characters XML forbids (`DecodedDocument`).
enum XMLTextRunDecoder {
    /// Appends the character data of `run` to `out` and returns its number of line feeds, or
    /// returns nil, `out` unchanged, when the run must be left to libxml2.
    static func decode(_ run: UnsafeBufferPointer<UInt8>, appendingTo out: inout [UInt8]) -> Int? {
        guard let lineFeeds = XMLByteSearch.lineFeedCount(in: run, from: 0, to: run.count) else { return nil }
        let start = out.count
        // Geometric growth: reserving exactly what each run needs would copy the arena every time.
        if out.capacity < start + run.count { out.reserveCapacity(max(start + run.count, 2 * out.capacity)) }
        let n = run.count
        var copied = 0
        var i = 0
        while true {
            i = XMLByteSearch.firstReferenceOrAngleBracket(in: run, from: i, to: n)
            guard i < n else { break }
            let b = run[i]
            if b == UInt8(ascii: ">") {
                if i >= 2, run[i - 1] == UInt8(ascii: "]"), run[i - 2] == UInt8(ascii: "]") { break }
                i += 1
                continue
            }
            guard b == UInt8(ascii: "&"), let (value, end) = reference(run, at: i) else { break }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: run[copied..<i]))
            appendUTF8(value, to: &out)
            i = end
            copied = end
        }
        guard i >= n else {
            out.removeSubrange(start...)
            return nil
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: run[copied..<n]))
        return lineFeeds
    }

    /// The character the reference at `i` stands for and where the reference ends, or nil
    /// for anything but a predefined entity or a well-formed numeric reference to a
    /// character XML allows.
    private static func reference(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let n = p.count
        guard i + 3 < n else { return nil }
        if p[i + 1] == UInt8(ascii: "#") {
            var j = i + 2
            let hex = p[j] == UInt8(ascii: "x")
            if hex { j += 1 }
            let digitsStart = j
            var value: UInt32 = 0
            while j < n, j - digitsStart < 12 {
                let c = p[j]
                let digit: UInt32
                if c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                    digit = UInt32(c - UInt8(ascii: "0"))
                } else if hex, (c | 0x20) >= UInt8(ascii: "a"), (c | 0x20) <= UInt8(ascii: "f") {
                    digit = UInt32((c | 0x20) - UInt8(ascii: "a")) + 10
                } else {
                    break
                }
                value = min(value * (hex ? 16 : 10) + digit, 0x110000)
                j += 1
            }
            guard j > digitsStart, j < n, p[j] == UInt8(ascii: ";"),
                  XMLReferenceRepair.Scanner.isXMLCharacter(value) else { return nil }
            return (value, j + 1)
        }
        let a = p[i + 1], b = p[i + 2], c = p[i + 3]
        if c == UInt8(ascii: ";"), b == UInt8(ascii: "t") {
            if a == UInt8(ascii: "l") { return (0x3C, i + 4) }
            if a == UInt8(ascii: "g") { return (0x3E, i + 4) }
            return nil
        }
        guard i + 4 < n else { return nil }
        let d = p[i + 4]
        if a == UInt8(ascii: "a"), b == UInt8(ascii: "m"), c == UInt8(ascii: "p"), d == UInt8(ascii: ";") {
            return (0x26, i + 5)
        }
        guard i + 5 < n, p[i + 5] == UInt8(ascii: ";") else { return nil }
        if a == UInt8(ascii: "q"), b == UInt8(ascii: "u"), c == UInt8(ascii: "o"), d == UInt8(ascii: "t") {
            return (0x22, i + 6)
        }
        if a == UInt8(ascii: "a"), b == UInt8(ascii: "p"), c == UInt8(ascii: "o"), d == UInt8(ascii: "s") {
            return (0x27, i + 6)
        }
        return nil
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            out.append(UInt8(truncatingIfNeeded: scalar))
        case ..<0x800:
            out.append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        case ..<0x10000:
            out.append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        }
    }
}
