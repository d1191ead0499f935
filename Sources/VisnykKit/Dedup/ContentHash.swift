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
        var title = title ?? ""
        var text = text
        return title.withUTF8 { title in
            text.withUTF8 { text in compute(title: title, text: text, fallbackLink: fallbackLink) }
        }
    }

    /// `compute` over valid UTF-8: both normalizations go into one buffer, which is hashed
    /// once, with no intermediate strings.
    static func compute(
        title: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>, fallbackLink: String?
    ) -> String {
        var writer = FoldedTextWriter(capacity: title.count + text.count + 32)
        TextNormalizer.appendNormalized(title, to: &writer)
        let newline: StaticString = "\n"
        writer.appendVerbatim(UnsafeBufferPointer(start: newline.utf8Start, count: 1))
        let textStart = writer.checkpoint
        TextNormalizer.appendNormalized(text, to: &writer)
        if var link = fallbackLink, !link.isEmpty,
           writer.sink.withBytes({ isShort(UnsafeBufferPointer(rebasing: $0[textStart...])) }) {
            writer.appendVerbatim(UnsafeBufferPointer(start: newline.utf8Start, count: 1))
            link.withUTF8 { writer.appendVerbatim($0) }
        }
        var hasher = SHA256()
        writer.sink.withBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return format(hasher.finalize())
    }

    /// Whether UTF-8 `text` has fewer than `shortTextLimit` scalars (counted from lead bytes).
    static func isShort(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if text.count < shortTextLimit { return true }
        if text.count >= shortTextLimit * 4 { return false }
        var scalars = 0
        for byte in text where byte & 0xC0 != 0x80 {
            scalars += 1
        }
        return scalars < shortTextLimit
    }

    private static func format(_ digest: SHA256.Digest) -> String {
        let hexDigits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 7 + 64) { result in
            var count = 0
            for byte in "sha256:".utf8 {
                result[count] = byte
                count += 1
            }
            let digits = hexDigits.utf8Start
            for byte in digest {
                result[count] = digits[Int(byte >> 4)]
                result[count + 1] = digits[Int(byte & 0x0F)]
                count += 2
            }
            return count
        }
    }
}
