extension XMLReferenceRepair.Scanner {
    private static let maximumEntities = 1_000
    private static let maximumValueLength = 64 << 10

    /// Records `<!ENTITY name "plain text">` declarations of the internal subset. Parameter
    /// entities, external ones (SYSTEM/PUBLIC) and values with markup, `%`, or references
    /// other than character references and XML's five predefined entities are skipped.
    mutating func readEntityDeclarations(in range: Range<Int>) {
        var i = range.lowerBound
        while i < range.upperBound, let start = find("<!ENTITY", from: i), start < range.upperBound {
            i = start + 8
            skipSpaces(&i, before: range.upperBound)
            guard i < range.upperBound, input[i] != UInt8(ascii: "%") else { continue }
            let nameStart = i
            while i < range.upperBound, !isSpace(input[i]), input[i] != UInt8(ascii: ">") { i += 1 }
            let name = String(decoding: input[nameStart..<i], as: UTF8.self)
            skipSpaces(&i, before: range.upperBound)
            guard i < range.upperBound, input[i] == UInt8(ascii: "\"") || input[i] == UInt8(ascii: "'") else { continue }
            let quote = input[i]
            let valueStart = i + 1
            var end = valueStart
            while end < range.upperBound, input[end] != quote { end += 1 }
            i = end + 1
            let value = input[valueStart..<min(end, range.upperBound)]
            guard !name.isEmpty, declaredEntities[name] == nil, declaredEntities.count < Self.maximumEntities,
                  value.count <= Self.maximumValueLength,
                  !value.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "%") }),
                  Self.referencesOnlyCharacters(value)
            else { continue }
            declaredEntities[name] = Self.escapedForAttributes(value)
        }
    }

    /// True when every `&` in the value starts a character reference or one of XML's five
    /// predefined entities: such a value can never expand into more references.
    private static func referencesOnlyCharacters(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var i = value.startIndex
        while let amp = value[i...].firstIndex(of: UInt8(ascii: "&")) {
            guard let semicolon = value[amp...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return false }
            let name = String(decoding: value[(amp + 1)..<semicolon], as: UTF8.self)
            let isCharacter = name.hasPrefix("#") && name.count > 1
                && (name.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
                    || (name.dropFirst().first == "x" && name.count > 2 && name.dropFirst(2).allSatisfy { $0.isASCII && $0.isHexDigit }))
            guard isCharacter || ["lt", "gt", "amp", "quot", "apos"].contains(name) else { return false }
            i = semicolon + 1
        }
        return true
    }

    /// The value may land inside a quoted attribute: its quotes become references.
    private static func escapedForAttributes(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        for byte in value {
            switch byte {
            case UInt8(ascii: "\""): out += Array("&#34;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return out
    }

    private func skipSpaces(_ i: inout Int, before end: Int) {
        while i < end, isSpace(input[i]) { i += 1 }
    }

    private func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }
}
