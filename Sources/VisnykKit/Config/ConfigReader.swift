import TOMLKit

/// Turns a parsed TOML document into a `VisnykConfig`, collecting every problem instead of
/// stopping at the first, each with the line of its key.
struct ConfigReader {
    /// The file as the caller named it, for messages.
    let file: String
    /// The absolute directory of the file: relative paths are relative to it.
    let directory: String
    let keyLines: TOMLKeyLines
    private(set) var problems: [ConfigProblem] = []

    init(file: String, directory: String, keyLines: TOMLKeyLines) {
        self.file = file
        self.directory = directory
        self.keyLines = keyLines
    }

    mutating func report(_ path: [TOMLPathComponent], _ message: String) {
        problems.append(ConfigProblem(
            file: file, line: keyLines.line(of: path), key: Self.displayKey(path), message: message))
    }

    /// "interval", "source.url", "mail.url": keys as a reader finds them in the file.
    static func displayKey(_ path: [TOMLPathComponent]) -> String? {
        let keys = path.compactMap { component -> String? in
            if case .key(let key) = component { return key }
            return nil
        }
        return keys.isEmpty ? nil : keys.joined(separator: ".")
    }

    // MARK: Typed values

    mutating func string(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent], example: String) -> String? {
        guard let text = value.string else {
            report(path, "must be a string in quotes, like \(Self.lastKey(path)) = \(example); found \(Self.describe(value.type))")
            return nil
        }
        guard !Self.hasControlCharacter(text) else {
            report(path, "contains a control character (a line break, NUL, …): remove it")
            return nil
        }
        return text
    }

    /// True when `text` holds a control character (general category Cc) other than a tab.
    /// ASCII text, nearly every value, is checked byte by byte without Unicode properties.
    static func hasControlCharacter(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F { return true }
        }
        if ascii { return false }
        return text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\t" }
    }

    mutating func bool(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> Bool? {
        guard let flag = value.bool else {
            report(path, "must be true or false, without quotes; found \(Self.describe(value.type))")
            return nil
        }
        return flag
    }

    mutating func count(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent], range: ClosedRange<Int>) -> Int? {
        let key = Self.lastKey(path)
        guard let number = value.int else {
            if let text = value.string, Int(text) != nil {
                report(path, "must be a number without quotes: write \(key) = \(text)")
            } else {
                report(path, "must be a whole number, like \(key) = \(range.lowerBound + 1); found \(Self.describe(value.type))")
            }
            return nil
        }
        guard range.contains(number) else {
            report(path, "\(number) is out of range: use a number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func duration(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> Duration? {
        let text: String
        if let number = value.int {
            text = String(number)
        } else if let string = value.string {
            text = string
        } else {
            report(path, "must be a duration in quotes, like \(Self.lastKey(path)) = \"15m\"; found \(Self.describe(value.type))")
            return nil
        }
        switch DurationText.parse(text) {
        case .success(let duration):
            guard duration > .zero else {
                report(path, "must be longer than zero, like \"15m\"")
                return nil
            }
            return duration
        case .failure(let error):
            report(path, error.description)
            return nil
        }
    }

    mutating func byteSize(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> Int? {
        let result: Result<Int, ByteSizeTextError>
        if let number = value.int {
            result = .success(number)
        } else if let text = value.string {
            result = ByteSizeText.parse(text)
        } else {
            report(path, "must be a size like \"16MiB\" or a number of bytes; found \(Self.describe(value.type))")
            return nil
        }
        switch result {
        case .success(let bytes):
            return bytes
        case .failure(let error):
            report(path, error.description)
            return nil
        }
    }

    /// An array of strings, each checked by `check` (which reports its own problems).
    mutating func strings(
        _ value: any TOMLValueConvertible, at path: [TOMLPathComponent], example: String,
        check: (inout ConfigReader, String, [TOMLPathComponent]) -> Bool = { _, _, _ in true }
    ) -> [String]? {
        guard let array = value.array else {
            report(path, "must be an array of strings, like \(Self.lastKey(path)) = \(example); found \(Self.describe(value.type))")
            return nil
        }
        var result: [String] = []
        var valid = true
        for (index, element) in array.enumerated() {
            let elementPath = path + [.index(index)]
            guard element.type == .string else {
                report(elementPath, "every element must be a string in quotes, like \(Self.lastKey(path)) = \(example); element \(index + 1) is \(Self.describe(element.type))")
                valid = false
                continue
            }
            guard let text = string(element, at: elementPath, example: example) else {
                valid = false
                continue
            }
            if check(&self, text, elementPath) { result.append(text) } else { valid = false }
        }
        return valid ? result : nil
    }

    /// A directory or file path: relative ones are taken from the config file's directory.
    mutating func path(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> String? {
        guard let text = string(value, at: path, example: "\"/var/lib/visnyk\"") else { return nil }
        guard !text.isEmpty else {
            report(path, "is empty: write a path, absolute or relative to this file")
            return nil
        }
        guard !text.hasPrefix("~") else {
            report(path, "\"\(text)\": ~ is not expanded here: write the full path, or one relative to this file")
            return nil
        }
        return ConfigPath.absolute(text, relativeTo: directory)
    }

    // MARK: Unknown keys

    mutating func unknown(
        _ key: String, at path: [TOMLPathComponent], known: [String], later: [String: String],
        elsewhere: [String], elsewhereHint: String
    ) {
        if let message = later[key] {
            report(path, message)
        } else if elsewhere.contains(key) {
            report(path, "unknown key here: \(elsewhereHint)")
        } else if let suggestion = ConfigKeys.closest(to: key, among: known) {
            report(path, "unknown key: did you mean \"\(suggestion)\"?")
        } else {
            report(path, "unknown key: the keys here are \(known.joined(separator: ", "))")
        }
    }

    // MARK: Words

    static func lastKey(_ path: [TOMLPathComponent]) -> String {
        for component in path.reversed() {
            if case .key(let key) = component { return key }
        }
        return "value"
    }

    static func describe(_ type: TOMLType) -> String {
        switch type {
        case .string: "a string"
        case .int: "a whole number"
        case .double: "a number with a fraction"
        case .bool: "true or false"
        case .date: "a date"
        case .time: "a time"
        case .dateTime: "a date and time"
        case .array: "an array"
        case .table: "a table"
        }
    }
}
