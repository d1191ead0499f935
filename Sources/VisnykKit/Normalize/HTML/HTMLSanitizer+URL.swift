extension HTMLSanitizer {
    /// The URL to write for an attribute value (already entity-decoded), or nil when refused.
    static func safeURL(_ value: String, kind: URLKind, baseURL: String?) -> String? {
        if value.utf8.withContiguousStorageIfAvailable(HTMLURLBase.isPlainHTTP) == true { return value }
        let cleaned = URLResolver.cleaned(value)
        // An empty src would resolve to the page itself: a pointless request.
        if cleaned.isEmpty, kind != .link { return nil }
        if let length = URIComponents.schemeLength(cleaned) {
            let scheme = lowercasedASCII(cleaned[0..<length])
            if scheme == "data" {
                return kind == .image && isSafeDataImage(cleaned) ? String(decoding: cleaned, as: UTF8.self) : nil
            }
            guard allows(scheme: scheme, for: kind) else { return nil }
            return URLResolver.resolve(value, against: nil)
        }
        // "java\0script:", "&#1078;s:" and the like: a ':' before any '/', '?', '#' without a
        // valid scheme. Browsers would resolve these as paths; nothing good comes of them.
        for byte in cleaned {
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            if byte == UInt8(ascii: ":") { return nil }
        }
        let resolved = URLResolver.resolve(value, against: baseURL)
        let resolvedBytes = Array(resolved.utf8)
        if let length = URIComponents.schemeLength(resolvedBytes) {
            // The base itself may be hostile (xml:base="javascript:...").
            guard allows(scheme: lowercasedASCII(resolvedBytes[0..<length]), for: kind) else { return nil }
        }
        return resolved
    }

    /// `data:image/{png,gif,jpeg,webp};base64,` followed by base64 only.
    static func isSafeDataImage(_ url: [UInt8]) -> Bool {
        guard let comma = url.firstIndex(of: UInt8(ascii: ",")) else { return false }
        let header = lowercasedASCII(url[0..<comma])
        let allowed = ["data:image/png;base64", "data:image/gif;base64", "data:image/jpeg;base64", "data:image/webp;base64"]
        guard allowed.contains(header) else { return false }
        for byte in url[(comma + 1)...] {
            let ok = byte.isHTMLASCIIAlpha || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: " ")
            if !ok { return false }
        }
        return true
    }

    /// A `srcset` with only its safe candidates (HTML "parse a srcset attribute"), joined by
    /// ", "; nil when none is left.
    static func safeSrcset(_ value: String, baseURL: String?) -> String? {
        let bytes = Array(value.utf8)
        var candidates: [String] = []
        var i = 0
        while i < bytes.count {
            while i < bytes.count, bytes[i].isHTMLWhitespace || bytes[i] == UInt8(ascii: ",") { i += 1 }
            guard i < bytes.count else { break }
            let urlStart = i
            while i < bytes.count, !bytes[i].isHTMLWhitespace { i += 1 }
            var urlEnd = i
            var hasDescriptors = true
            if bytes[urlEnd - 1] == UInt8(ascii: ",") {
                while urlEnd > urlStart, bytes[urlEnd - 1] == UInt8(ascii: ",") { urlEnd -= 1 }
                hasDescriptors = false
            }
            var descriptors = ""
            if hasDescriptors {
                let descriptorStart = i
                var depth = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b == UInt8(ascii: "(") { depth += 1 }
                    if b == UInt8(ascii: ")"), depth > 0 { depth -= 1 }
                    if b == UInt8(ascii: ","), depth == 0 { break }
                    i += 1
                }
                descriptors = cleanDescriptors(bytes[descriptorStart..<i])
            }
            guard urlEnd > urlStart else { continue }
            let url = String(decoding: bytes[urlStart..<urlEnd], as: UTF8.self)
            if let safe = safeURL(url, kind: .image, baseURL: baseURL), !safe.isEmpty, safe.utf8.last != UInt8(ascii: ",") {
                candidates.append(descriptors.isEmpty ? safe : safe + " " + descriptors)
            }
        }
        return candidates.isEmpty ? nil : candidates.joined(separator: ", ")
    }

    /// Keeps descriptors of the form number + w/x/h; drops anything else.
    private static func cleanDescriptors(_ bytes: ArraySlice<UInt8>) -> String {
        let words = bytes.split(whereSeparator: { $0.isHTMLWhitespace })
        let kept = words.filter { word in
            guard let unit = word.last, unit == UInt8(ascii: "w") || unit == UInt8(ascii: "x") || unit == UInt8(ascii: "h"),
                  word.count > 1 else { return false }
            return word.dropLast().allSatisfy {
                ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".")
                    || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
            }
        }
        return kept.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }

    static func lowercasedASCII(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
