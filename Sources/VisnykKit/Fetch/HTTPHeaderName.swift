/// Header field names compare without regard to ASCII case (RFC 9110 §5.1).
enum HTTPHeaderName {
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        return zip(x, y).allSatisfy { lowered($0) == lowered($1) }
    }

    /// The value of the last field named `name`: for the single-valued fields looked up this
    /// way (ETag, Content-Type, …) a repeated field is a server bug, and the last one wins.
    static func lastValue(of name: String, in headers: [(name: String, value: String)]) -> String? {
        headers.last { equal($0.name, name) }?.value
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
