import Foundation

extension ContentHash {
    /// The 32 digest bytes of "sha256:<64 hex>" (as the state stores them); nil if malformed.
    static func digestBytes(_ contentHash: String) -> Data? {
        let utf8 = contentHash.utf8
        guard utf8.count == 71, contentHash.hasPrefix("sha256:") else { return nil }
        var bytes = Data(capacity: 32)
        var high: UInt8?
        for byte in utf8.dropFirst(7) {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// "sha256:<64 hex>" of 32 digest bytes.
    static func string(digestBytes bytes: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = Array("sha256:".utf8)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
