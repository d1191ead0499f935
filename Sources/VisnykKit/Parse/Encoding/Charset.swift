/// Character-set labels, as found in HTTP headers and XML declarations.
public enum Charset {
    /// The canonical name for a charset label, following the WHATWG Encoding Standard's label
    /// table ("latin1" → "windows-1252", "cp1251" → "windows-1251", "koi8-ru" → "KOI8-U"),
    /// extended with "utf-32", "utf-32le" and "utf-32be". Case-insensitive; surrounding white
    /// space and quotes are ignored. Returns nil for labels that are unknown or that name an
    /// encoding Visnyk cannot read (WHATWG's "replacement" encodings such as ISO-2022-KR).
    public static func canonicalName(forLabel label: String) -> String? {
        labels[normalizedLabel(label)]
    }

    static func normalizedLabel(_ label: String) -> String {
        var bytes = Array(label.utf8)
        func isTrimmable(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
                || byte == 0x22 || byte == 0x27
        }
        while let last = bytes.last, isTrimmable(last) { bytes.removeLast() }
        let leading = bytes.prefix(while: isTrimmable).count
        bytes.removeFirst(leading)
        for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A {
            bytes[index] |= 0x20
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
