extension XMLReferenceRepair.Scanner {
    private static let maximumNameLength = 40
    static let maximumExpansion = 1 << 20

    /// Handles the `&` at `i`; returns where scanning continues.
    mutating func reference(at i: Int) -> Int {
        let n = input.count
        var j = i + 1
        if j < n, input[j] == UInt8(ascii: "#") {
            return numericReference(at: i)
        }
        while j < n, j - i <= Self.maximumNameLength, isNameByte(input[j]) { j += 1 }
        let nameRange = (i + 1)..<j
        guard !nameRange.isEmpty, j < n, input[j] == UInt8(ascii: ";") else {
            replace(i..<i + 1, with: Array("&amp;".utf8))
            return i + 1
        }
        // The five XML entities, most references in feeds, are recognized without a String.
        if isPredefinedEntity(nameRange) { return j + 1 }
        let name = String(decoding: input[nameRange], as: UTF8.self)
        switch name {
        case "lt", "gt", "amp", "quot", "apos":
            return j + 1
        default:
            if let value = declaredEntities[name], expandedBytes + value.count <= Self.maximumExpansion {
                expandedBytes += value.count
                replace(i..<j + 1, with: value, isRepair: false)
            } else if let value = HTMLEntities.lookup(Substring(name)) {
                var replacement: [UInt8] = []
                for scalar in value.unicodeScalars where Self.isXMLCharacter(scalar.value) {
                    replacement += Array("&#\(scalar.value);".utf8)
                }
                replace(i..<j + 1, with: replacement)
            } else {
                replace(i..<i + 1, with: Array("&amp;".utf8))
            }
            return j + 1
        }
    }

    private mutating func numericReference(at i: Int) -> Int {
        let n = input.count
        var j = i + 2
        var hex = false
        // XML allows only a lowercase x: "&#X41;" is rewritten like an unterminated reference.
        var canonical = true
        if j < n, input[j] | 0x20 == UInt8(ascii: "x") {
            hex = true
            canonical = input[j] == UInt8(ascii: "x")
            j += 1
        }
        let digitsStart = j
        var value: UInt32 = 0
        while j < n, let digit = Self.digit(input[j], hex: hex) {
            value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + digit
            j += 1
        }
        guard j > digitsStart else {
            replace(i..<i + 1, with: Array("&amp;".utf8))
            return i + 1
        }
        let terminated = j < n && input[j] == UInt8(ascii: ";")
        let end = terminated ? j + 1 : j
        if !Self.isXMLCharacter(value) {
            replace(i..<end, with: Array("\u{FFFD}".utf8))
        } else if (0x80...0x9F).contains(value), HTMLEntities.numericValue(value) != value {
            // C1 controls written by windows-1252 tools mean that code page's characters
            // (&#150; is "–"), as HTML5 reads them too.
            replace(i..<end, with: Array("&#\(HTMLEntities.numericValue(value));".utf8))
        } else if !terminated || !canonical {
            replace(i..<end, with: Array("&#\(value);".utf8))
        }
        return end
    }

    private static func digit(_ b: UInt8, hex: Bool) -> UInt32? {
        if b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { return UInt32(b - UInt8(ascii: "0")) }
        guard hex else { return nil }
        let lower = b | 0x20
        if lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "f") { return UInt32(lower - UInt8(ascii: "a") + 10) }
        return nil
    }

    /// Whether `input[name]` is lt, gt, amp, quot or apos.
    private func isPredefinedEntity(_ name: Range<Int>) -> Bool {
        let a = input[name.lowerBound]
        switch name.count {
        case 2:
            return (a == UInt8(ascii: "l") || a == UInt8(ascii: "g")) && input[name.lowerBound + 1] == UInt8(ascii: "t")
        case 3:
            return a == UInt8(ascii: "a") && input[name.lowerBound + 1] == UInt8(ascii: "m")
                && input[name.lowerBound + 2] == UInt8(ascii: "p")
        case 4:
            let b = input[name.lowerBound + 1], c = input[name.lowerBound + 2], d = input[name.lowerBound + 3]
            return (a == UInt8(ascii: "q") && b == UInt8(ascii: "u") && c == UInt8(ascii: "o") && d == UInt8(ascii: "t"))
                || (a == UInt8(ascii: "a") && b == UInt8(ascii: "p") && c == UInt8(ascii: "o") && d == UInt8(ascii: "s"))
        default:
            return false
        }
    }

    private func isNameByte(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
            || b == UInt8(ascii: ".")
    }

    static func isXMLCharacter(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF)
            || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF)
    }
}
