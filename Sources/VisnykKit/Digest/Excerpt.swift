/// Plain text made fit for one line or paragraph of a digest.
enum Excerpt {
    /// `text` with every run of white space (line breaks included) as one space, without
    /// control characters, cut at a word boundary to at most `limit` characters, "…" included
    /// when cut. Reads no more of `text` than it needs.
    static func make(_ text: String, limit: Int) -> String {
        guard limit > 0 else { return "" }
        var out = ""
        out.reserveCapacity(min(text.utf8.count, limit * 4 + 8))
        var count = 0
        var pendingSpace = false
        for character in text {
            let scalars = character.unicodeScalars
            // Most characters are one scalar that is neither white space nor a control: kept
            // as they are, without building a string for each.
            let clean: Bool
            if let only = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
                if TypographicVariants.isWhiteSpace(only.value) {
                    pendingSpace = count > 0
                    continue
                }
                if isControl(only) { continue }
                clean = true
            } else if scalars.allSatisfy({ TypographicVariants.isWhiteSpace($0.value) }) {
                pendingSpace = count > 0
                continue
            } else {
                clean = !scalars.contains(where: isControl)
            }
            let cleaned = clean ? nil : String(String.UnicodeScalarView(scalars.filter { !isControl($0) }))
            if cleaned?.isEmpty == true { continue }
            if pendingSpace {
                out.append(" ")
                count += 1
                pendingSpace = false
            }
            if let cleaned { out += cleaned } else { out.append(character) }
            count += 1
            if count > limit { break }
        }
        return count > limit ? cut(out, to: limit) : out
    }

    /// The first `limit - 1` characters of a single-line `text` longer than `limit`, back to
    /// the last word boundary unless that would lose more than a third, then "…".
    private static func cut(_ text: String, to limit: Int) -> String {
        let budget = limit - 1
        guard budget > 0 else { return "…" }
        let end = text.index(text.startIndex, offsetBy: budget)
        var kept = text[..<end]
        if text[end] != " ", let space = kept.lastIndex(of: " "),
           kept.distance(from: kept.startIndex, to: space) >= budget * 2 / 3 {
            kept = kept[..<space]
        }
        while let last = kept.last, last == " " || ",;:-–—".contains(last) { kept = kept.dropLast() }
        return String(kept) + "…"
    }

    /// C0 and C1 controls and DEL; line breaks are white space and never get here.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
