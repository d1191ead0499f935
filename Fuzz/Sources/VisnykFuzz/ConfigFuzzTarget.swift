import VisnykKit

/// The configuration reader on any text: TOMLKit, the key-line scanner and every key reader.
/// `parse` reads no file (only `check` looks at the mail files it names).
enum ConfigFuzzTarget {
    static func run(_ bytes: [UInt8]) {
        _ = try? ConfigLoader.parse(String(decoding: bytes, as: UTF8.self), path: "/nonexistent/visnyk-fuzz/visnyk.toml")
    }
}
