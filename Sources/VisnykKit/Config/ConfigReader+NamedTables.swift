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
}
