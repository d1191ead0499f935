/// The byte scanner behind `TOMLKeyLines`: a TOML document as tables, keys and values,
/// remembering the first line of each path.
struct TOMLKeyScanner {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private(set) var lines: [[TOMLPathComponent]: Int] = [:]
    /// Elements so far of each `[[array]]` table.
    private var arrayTableCounts: [[TOMLPathComponent]: Int] = [:]
    private var currentTable: [TOMLPathComponent] = []
    /// The first of the two syntax errors on which TOMLKit's toml++ asserts (aborts) instead
    /// of reporting them, so that the loader refuses them before TOMLKit sees the text.
    private(set) var trap: TOMLTrap?

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // Most lines record one path: sized once, the table of a 10,000-source config is not
        // rehashed a dozen times while it grows.
        lines.reserveCapacity(bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) })
    }

    mutating func scan() {
        while position < bytes.count {
            skipBlanks()
            guard let byte = peek() else { break }
            switch byte {
            case UInt8(ascii: "["): header()
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
            default: keyValue(in: currentTable)
            }
            skipRestOfLine()
        }
    }

    // MARK: Structure

    private mutating func header() {
        position += 1
        let isArrayTable = peek() == UInt8(ascii: "[")
        if isArrayTable { position += 1 }
        skipBlanks()
        if let byte = peek(), !Self.isBareKeyByte(byte), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "'"),
           byte != UInt8(ascii: "]") {
            setTrap("a table header needs a name between its brackets, like [[source]]")
        }
        guard let keys = dottedKey(), !keys.isEmpty else { return }
        var path: [TOMLPathComponent] = []
        for (offset, key) in keys.enumerated() {
            path.append(.key(key))
            record(path)
            let isLast = offset == keys.count - 1
            if isLast && isArrayTable {
                let index = arrayTableCounts[path, default: 0]
                arrayTableCounts[path] = index + 1
                path.append(.index(index))
                record(path)
            } else if !isLast, let count = arrayTableCounts[path] {
                path.append(.index(count - 1))
            }
        }
        currentTable = path
    }

    private mutating func keyValue(in table: [TOMLPathComponent]) {
        guard let keys = dottedKey(), !keys.isEmpty else { return }
        var path = table
        for key in keys {
            path.append(.key(key))
            record(path)
        }
        skipBlanks()
        guard peek() == UInt8(ascii: "=") else { return }
        position += 1
        skipBlanks()
        value(at: path)
    }

    private mutating func value(at path: [TOMLPathComponent]) {
        guard let byte = peek() else { return }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            _ = string()
        case UInt8(ascii: "["):
            array(at: path)
        case UInt8(ascii: "{"):
            inlineTable(at: path)
        default:
            let start = position
            while let byte = peek(), !Self.endsScalar(byte) { position += 1 }
            checkDateTime(bytes[start..<position])
        }
    }

    private mutating func array(at path: [TOMLPathComponent]) {
        position += 1
        var index = 0
        while true {
            skipBlanksNewlinesAndComments()
            guard let byte = peek(), byte != UInt8(ascii: "]") else { break }
            if byte == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if byte == UInt8(ascii: "}") {
                setTrap("an array element cannot start with '}': check the brackets")
                break
            }
            let start = position
            let element = path + [.index(index)]
            record(element)
            value(at: element)
            index += 1
            if position == start { position += 1 }
        }
        if peek() == UInt8(ascii: "]") { position += 1 }
    }

    private mutating func inlineTable(at path: [TOMLPathComponent]) {
        position += 1
        while true {
            skipBlanksNewlinesAndComments()
            guard let byte = peek(), byte != UInt8(ascii: "}") else { break }
            if byte == UInt8(ascii: ",") {
                position += 1
                continue
            }
            let start = position
            keyValue(in: path)
            if position == start { position += 1 }
        }
        if peek() == UInt8(ascii: "}") { position += 1 }
    }

    /// A date whose "T" is not followed by a time, like `2025-04-23T_7:30`: a value starting
    /// with a digit has a T only as the separator of a date and a time.
    private mutating func checkDateTime(_ token: ArraySlice<UInt8>) {
        guard let first = token.first, Self.isDigit(first),
              let separator = token.firstIndex(where: { $0 | 0x20 == UInt8(ascii: "t") })
        else { return }
        let next = token.index(after: separator)
        if next == token.endIndex || !Self.isDigit(token[next]) {
            setTrap("a date and time needs the time right after its T, like 2025-04-23T07:30:00Z")
        }
    }

    // MARK: Keys and strings

    /// `a.b."c.d".'e'`: the keys, decoded.
    private mutating func dottedKey() -> [String]? {
        var keys: [String] = []
        while true {
            skipBlanks()
            guard let byte = peek() else { return nil }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let key = string() else { return nil }
                keys.append(key)
            } else {
                let start = position
                while let byte = peek(), Self.isBareKeyByte(byte) { position += 1 }
                guard position > start else { return nil }
                keys.append(String(decoding: bytes[start..<position], as: UTF8.self))
            }
            skipBlanks()
            guard peek() == UInt8(ascii: ".") else { return keys }
            position += 1
        }
    }

    /// Any of the four kinds of string at the position; returns its text (escapes of basic
    /// strings decoded well enough for key names).
    private mutating func string() -> String? {
        guard let quote = peek() else { return nil }
        let isBasic = quote == UInt8(ascii: "\"")
        if peek(1) == quote && peek(2) == quote {
            position += 3
            return multiLineString(quote: quote, isBasic: isBasic)
        }
        position += 1
        var text: [UInt8] = []
        while let byte = peek(), byte != UInt8(ascii: "\n") {
            position += 1
            if byte == quote { return String(decoding: text, as: UTF8.self) }
            if isBasic && byte == UInt8(ascii: "\\") {
                appendEscape(to: &text)
            } else {
                text.append(byte)
            }
        }
        return nil
    }

    private mutating func multiLineString(quote: UInt8, isBasic: Bool) -> String? {
        var text: [UInt8] = []
        while let byte = peek() {
            if byte == quote && peek(1) == quote && peek(2) == quote {
                position += 3
                // Up to two more quotes belong to the string: """a""""" is `a""`.
                var extra = 0
                while extra < 2, peek() == quote { position += 1; extra += 1 }
                return String(decoding: text, as: UTF8.self)
            }
            position += 1
            if byte == UInt8(ascii: "\n") { line += 1 }
            if isBasic && byte == UInt8(ascii: "\\") {
                if peek() == UInt8(ascii: "\n") { line += 1 }
                appendEscape(to: &text)
            } else {
                text.append(byte)
            }
        }
        return nil
    }

    /// After a backslash: the common escapes decoded; others kept as the character itself.
    private mutating func appendEscape(to text: inout [UInt8]) {
        guard let byte = peek() else { return }
        position += 1
        switch byte {
        case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let length = byte == UInt8(ascii: "u") ? 4 : 8
            let end = min(position + length, bytes.count)
            let hex = String(decoding: bytes[position..<end], as: UTF8.self)
            position = end
            if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                text.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
        default: text.append(byte)
        }
    }

    // MARK: Bytes

    private mutating func setTrap(_ message: String) {
        if trap == nil { trap = TOMLTrap(line: line, column: column, message: message) }
    }

    private mutating func record(_ path: [TOMLPathComponent]) {
        // Inserts the line only when the path is new, in one hash lookup instead of two.
        lines[path, default: line] += 0
    }

    /// The 1-based column of the position, in Unicode scalars, as toml++ counts.
    private var column: Int {
        var start = position
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return bytes[start..<position].count(where: { $0 & 0xC0 != 0x80 }) + 1
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func skipBlanks() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { position += 1 }
    }

    private mutating func skipBlanksNewlinesAndComments() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                line += 1
            case UInt8(ascii: "#"):
                while let byte = peek(), byte != UInt8(ascii: "\n") { position += 1 }
            default:
                return
            }
        }
    }

    private mutating func skipRestOfLine() {
        while let byte = peek() {
            position += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                return
            }
        }
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"),
             UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            true
        default:
            false
        }
    }
}

/// A syntax error that must not reach TOMLKit (see `TOMLKeyScanner.trap`).
struct TOMLTrap: Sendable, Equatable {
    var line: Int
    var column: Int
    var message: String
}
