/// A small, fast JSON object writer: keys in the contract's order, absent values omitted.
/// (JSONEncoder would sort or shuffle keys and costs more than the parse on big feeds.)
struct JSONWriter {
    private(set) var output = ""
    private var needsComma: [Bool] = []

    mutating func beginObject(_ key: String? = nil) {
        prefix(key)
        output += "{"
        needsComma.append(false)
    }

    mutating func endObject() {
        output += "}"
        needsComma.removeLast()
    }

    mutating func beginArray(_ key: String? = nil) {
        prefix(key)
        output += "["
        needsComma.append(false)
    }

    mutating func endArray() {
        output += "]"
        needsComma.removeLast()
    }

    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        prefix(key)
        appendString(value)
    }

    mutating func field(_ key: String, _ value: Int64?) {
        guard let value else { return }
        prefix(key)
        output += String(value)
    }

    mutating func element(_ value: String) {
        prefix(nil)
        appendString(value)
    }

    private mutating func prefix(_ key: String?) {
        if let last = needsComma.last {
            if last { output += "," }
            needsComma[needsComma.count - 1] = true
        }
        if let key {
            appendString(key)
            output += ":"
        }
    }

    private mutating func appendString(_ value: String) {
        output += "\""
        let needsEscaping = value.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        if !needsEscaping {
            output += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case let s where s.value < 0x20:
                    let hex = String(s.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
