import TOMLKit

extension ConfigReader {
    /// The elements of an array of tables (`[[source]]`, `[[digest]]`), each read by `read`,
    /// which gives the element's valid name (nil when missing or wrong) and the element (nil
    /// when anything in it is wrong, the problems reported); a name used twice is reported at
    /// the second table, which is left out.
    mutating func readNamedTables<Item>(
        _ array: TOMLArray, at: [TOMLPathComponent], kind: String,
        read: (inout ConfigReader, TOMLTable, [TOMLPathComponent]) -> (String?, Item?)
    ) -> [Item] {
        var items: [Item] = []
        var nameLines: [String: Int] = [:]
        // Sized once: growing by doubling copies (and briefly doubles) an array of 10,000 sources.
        items.reserveCapacity(array.count)
        nameLines.reserveCapacity(array.count)
        for (index, element) in array.enumerated() {
            let elementPath = at + [.index(index)]
            guard let table = element.table else {
                report(elementPath, "each \(kind) must be a table: write a [[\(kind)]] header followed by its keys")
                continue
            }
            let (name, item) = read(&self, table, elementPath)
            guard let name else { continue }
            if let firstLine = nameLines[name] {
                report(elementPath + [.key("name")], "\"\(name)\" is already the name of the \(kind) on line \(firstLine): give each \(kind) its own name")
                continue
            }
            nameLines[name] = keyLines.line(of: elementPath) ?? 0
            if let item { items.append(item) }
        }
        return items
    }

    /// A table's `name`: a string, not empty, without spaces at its ends, at most 200 characters.
    mutating func tableName(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent], kind: String,
                            example: String) -> String? {
        guard let name = string(value, at: path, example: example) else { return nil }
        if name.trimmingWhiteSpace().isEmpty {
            report(path, "the name is empty: give the \(kind) a name, like name = \(example)")
        } else if name.trimmingWhiteSpace().count != name.count {
            report(path, "\"\(name)\" has spaces at the start or end: remove them")
        } else if name.count > 200 {
            report(path, "the name is longer than 200 characters: shorten it")
        } else {
            return name
        }
        return nil
    }
}
