import Crypto

/// The content hash of the dedup stage (DESIGN.md, "Content hash (contract)").
public enum ContentHash {
    /// Normalized texts shorter than this many Unicode scalars get the fallback link appended.
    public static let shortTextLimit = 32

    /// "sha256:" + 64 lowercase hex of SHA-256 over the UTF-8 of
    /// `normalize(title) + "\n" + normalize(text)`, plus `"\n" + fallbackLink` when
    /// `normalize(text)` has fewer than 32 Unicode scalars (code points, as Python's `len`).
    ///
    /// `title` and `text` are plain text; `text` already has boilerplate lines removed. A nil
    /// title counts as empty. `fallbackLink` (the entry's link, or its id when it has none) is
    /// appended verbatim, not normalized, since URLs are case-sensitive; nil or empty appends
    /// nothing.
    public static func compute(title: String?, text: String, fallbackLink: String?) -> String {
        let normalizedText = TextNormalizer.normalize(text)
        var input = TextNormalizer.normalize(title ?? "")
        input.append("\n")
        input.append(normalizedText)
        if let link = fallbackLink, !link.isEmpty, isShort(normalizedText) {
            input.append("\n")
            input.append(link)
        }
        var hasher = SHA256()
        var bytes = input
        bytes.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return format(hasher.finalize())
    }

    /// Whether `text` has fewer than `shortTextLimit` scalars (counted from UTF-8 lead bytes).
    static func isShort(_ text: String) -> Bool {
        var scalars = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 {
            scalars += 1
            if scalars >= shortTextLimit { return false }
        }
        return true
    }

    private static func format(_ digest: SHA256.Digest) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var result = Array("sha256:".utf8)
        result.reserveCapacity(7 + 64)
        for byte in digest {
            result.append(hexDigits[Int(byte >> 4)])
            result.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
