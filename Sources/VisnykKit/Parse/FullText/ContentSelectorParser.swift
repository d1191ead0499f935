/// Reads the selector syntax of `ContentSelector`, one character at a time.
struct ContentSelectorParser {
    private let source: String
    private var characters: [Character]
    private var position = 0

    init(_ source: String) {
        self.source = source
        characters = Array(source)
    }

    mutating func parse() throws(ContentSelectorError) -> [ContentSelector.Compound] {
        var compounds: [ContentSelector.Compound] = []
        skipSpace()
        while position < characters.count {
            compounds.append(try compound())
            skipSpace()
        }
        guard !compounds.isEmpty else { throw failure("it is empty") }
        return compounds
    }

    private mutating func compound() throws(ContentSelectorError) -> ContentSelector.Compound {
        var compound = ContentSelector.Compound()
        let start = position
        if let first = peek, Self.isNameCharacter(first) { compound.tag = name().lowercased() }
        while let character = peek, !character.isWhitespace {
            position += 1
            switch character {
            case ".":
                let token = name()
                guard !token.isEmpty else { throw failure("a class name must follow \".\"") }
                compound.classes.append(token)
            case "#":
                let token = name()
                guard !token.isEmpty else { throw failure("an id must follow \"#\"") }
                compound.id = token
            case "[":
                compound.attributes.append(try attribute())
            default:
                throw failure("\"\(character)\" at character \(position) is not supported")
            }
        }
        guard position > start else { throw failure("it has nothing to match at character \(position + 1)") }
        return compound
    }

    private mutating func attribute() throws(ContentSelectorError) -> ContentSelector.Attribute {
        skipSpace()
        let attributeName = name().lowercased()
        guard !attributeName.isEmpty else { throw failure("an attribute name must follow \"[\"") }
        skipSpace()
        var value: String?
        if peek == "=" {
            position += 1
            skipSpace()
            if let quote = peek, quote == "\"" || quote == "'" {
                position += 1
                var text = ""
                while let character = peek, character != quote { text.append(character); position += 1 }
                guard peek == quote else { throw failure("a quoted value is not closed") }
                position += 1
                value = text
            } else {
                value = name()
                guard !value!.isEmpty else { throw failure("a value must follow \"=\"") }
            }
            skipSpace()
        }
        guard peek == "]" else { throw failure("\"[\(attributeName)\" is not closed by \"]\"") }
        position += 1
        return ContentSelector.Attribute(name: attributeName, value: value)
    }

    private var peek: Character? { position < characters.count ? characters[position] : nil }

    private mutating func name() -> String {
        var text = ""
        while let character = peek, Self.isNameCharacter(character) { text.append(character); position += 1 }
        return text
    }

    private mutating func skipSpace() {
        while let character = peek, character.isWhitespace { position += 1 }
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_" || character == ":"
    }

    private func failure(_ reason: String) -> ContentSelectorError {
        ContentSelectorError(selector: source, reason: reason)
    }
}
