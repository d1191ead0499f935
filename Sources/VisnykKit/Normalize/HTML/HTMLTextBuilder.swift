/// Accumulates plain text with collapsed white space and pending line/paragraph breaks that
/// are written only before the next visible character (so nothing dangles at the ends).
struct HTMLTextBuilder {
    let inline: Bool
    private var out: [UInt8] = []
    private var scratch: [UInt8] = []
    /// 0: none, 1: new line, 2: one empty line.
    private var pendingBreak = 0
    private var pendingSpace = false

    /// White space for collapsing: ASCII white space; 0xC2 starts a possible U+00A0.
    private static let interesting: [Bool] = (0..<256).map { b in
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0xC2
    }

    init(inline: Bool) {
        self.inline = inline
    }

    mutating func appendText(_ bytes: [UInt8], _ range: Range<Int>, decode: Bool, preformatted: Bool) {
        scratch.removeAll(keepingCapacity: true)
        HTMLTextDecoder.append(bytes, range, decode: decode, inAttribute: false, escape: false, to: &scratch)
        let count = scratch.count
        var i = 0
        while i < count {
            let start = i
            while i < count {
                let b = scratch[i]
                if Self.interesting[Int(b)] {
                    if b != 0xC2 || (i + 1 < count && scratch[i + 1] == 0xA0) { break }
                }
                i += 1
            }
            if i > start {
                flush()
                out.append(contentsOf: scratch[start..<i])
            }
            guard i < count else { break }
            let b = scratch[i]
            if b == 0xC2 {
                pendingSpace = true
                i += 2
            } else {
                if b == 0x0A, preformatted { lineBreak() } else { pendingSpace = true }
                i += 1
            }
        }
    }

    /// A word separator (table cells).
    mutating func space() {
        pendingSpace = true
    }

    /// `br`: ends the line, or on an empty line makes an empty line.
    mutating func lineBreak() {
        if inline {
            pendingSpace = true
        } else if !out.isEmpty {
            pendingBreak = min(pendingBreak + 1, 2)
        }
    }

    /// A block boundary: at least `lines` (1: new line, 2: empty line) before the next text.
    mutating func blockBreak(_ lines: Int) {
        if inline {
            pendingSpace = true
        } else if !out.isEmpty {
            pendingBreak = max(pendingBreak, lines)
        }
    }

    private mutating func flush() {
        if out.isEmpty {
            pendingBreak = 0
            pendingSpace = false
            return
        }
        if pendingBreak > 0 {
            out.append(0x0A)
            if pendingBreak > 1 { out.append(0x0A) }
        } else if pendingSpace {
            out.append(0x20)
        }
        pendingBreak = 0
        pendingSpace = false
    }

    func result() -> String {
        String(decoding: out, as: UTF8.self)
    }
}
