/// Accumulates plain text with collapsed white space and pending line/paragraph breaks that
/// are written only before the next visible character (so nothing dangles at the ends).
struct HTMLTextBuilder {
    let inline: Bool
    private var out: [UInt8] = []
    private var scratch: [UInt8] = []
    /// 0: none, 1: new line, 2: one empty line.
    private var pendingBreak = 0
    private var pendingSpace = false

    init(inline: Bool) {
        self.inline = inline
    }

    /// Room for about `count` bytes of text.
    mutating func reserve(_ count: Int) {
        out.reserveCapacity(count)
    }

    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, decode: Bool, preformatted: Bool) {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return }
        if HTMLTextDecoder.firstSpecial(bytes, range) == range.upperBound {
            collapse(UnsafeBufferPointer(rebasing: bytes[range]), preformatted: preformatted)
            return
        }
        var decoded = scratch
        scratch = []
        decoded.removeAll(keepingCapacity: true)
        HTMLTextDecoder.append(bytes, range, decode: decode, inAttribute: false, escape: false, to: &decoded)
        decoded.withUnsafeBufferPointer { collapse($0, preformatted: preformatted) }
        scratch = decoded
    }

    /// Text with nothing to decode (no '&', CR or NUL).
    mutating func appendPlain(_ p: UnsafeBufferPointer<UInt8>, preformatted: Bool) {
        collapse(p, preformatted: preformatted)
    }

    /// Writes decoded text, collapsing white space (ASCII white space and U+00A0). A single
    /// space between visible characters stays inside the copied run: collapsing would write
    /// the same byte.
    private mutating func collapse(_ p: UnsafeBufferPointer<UInt8>, preformatted: Bool) {
        let count = p.count
        var i = 0
        while i < count {
            let start = i
            while i < count {
                // White space at the start of a run is never kept in it: look at it here.
                if i > start || (p[i] > 0x20 && p[i] != 0xC2) { i = Self.nextCandidate(p, from: i) }
                guard i < count else { break }
                let b = p[i]
                if b > 0x20 {
                    if b != 0xC2 || i + 1 >= count || p[i + 1] != 0xA0 {
                        i += 1
                        continue
                    }
                } else if b == 0x20, i > start, i + 1 < count, Self.isVisible(p, i + 1) {
                    i += 2
                    continue
                } else if !Self.isWhitespace(b) {
                    i += 1
                    continue
                }
                break
            }
            if i > start {
                flush()
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<i]))
            }
            guard i < count else { break }
            let b = p[i]
            if b == 0xC2 {
                pendingSpace = true
                i += 2
            } else {
                if b == 0x0A, preformatted { lineBreak() } else { pendingSpace = true }
                i += 1
            }
        }
    }

    /// Index of the next byte that may be white space to collapse (≤ 0x20, or 0xC2 of
    /// U+00A0), or the end, eight bytes at a time. A space followed by a byte above 0x20
    /// other than 0xC2 is skipped: the caller would keep it in the run anyway, and words
    /// are short.
    @inline(__always)
    private static func nextCandidate(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let count = p.count
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            // Seventeen bytes, then nine: each byte's test looks at the byte after it.
            let spaces = SIMD16<UInt8>(repeating: 0x20)
            let leads = SIMD16<UInt8>(repeating: 0xC2)
            while i + 17 <= count {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let next = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD16<UInt8>.self)
                let singleSpace = v .== spaces .& .!(next .<= spaces) .& .!(next .== leads)
                let found = (v .<= spaces) .& .!singleSpace .| v .== leads
                if let lane = HTMLByteSearch.firstTrueLane(found) { return i + lane }
                i += 16
            }
            while i + 9 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let next = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 1, as: UInt64.self))
                let white = atMost20(word)
                let singleSpace = equal(word, 0x20) & ~atMost20(next) & ~equal(next, 0xC2)
                let found = (white & ~singleSpace) | equal(word, 0xC2)
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < count {
            let b = p[i]
            if b <= 0x20 || b == 0xC2 { return i }
            i += 1
        }
        return count
    }

    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// High bit set in exactly the bytes of `word` that are ≤ 0x20.
    @inline(__always)
    private static func atMost20(_ word: UInt64) -> UInt64 {
        ~((word | highs) &- 0x2121_2121_2121_2121) & ~word & highs
    }

    /// High bit set in exactly the bytes of `word` equal to `byte`.
    @inline(__always)
    private static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let y = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((y & lows) &+ lows) | y) & highs
    }

    @inline(__always)
    private static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
    }

    /// The byte at `i` starts a character that is not collapsible white space.
    @inline(__always)
    private static func isVisible(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        if b > 0x20 { return b != 0xC2 || i + 1 >= p.count || p[i + 1] != 0xA0 }
        return !isWhitespace(b)
    }

    /// A word separator (table cells).
    mutating func space() {
        pendingSpace = true
    }

    /// What an element's start or end tag means for the text: a line break, a new line, or
    /// a new paragraph.
    mutating func boundary(_ element: HTMLElement, _ flags: HTMLElementInfo.Flags) {
        if element == .br {
            lineBreak()
        } else if flags.contains(.paragraphInText) {
            blockBreak(2)
        } else if flags.contains(.lineInText) {
            blockBreak(1)
        }
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
        HTMLOutputString.make(out)
    }
}
