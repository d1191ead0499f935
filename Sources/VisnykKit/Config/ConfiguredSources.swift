import TOMLKit

/// The names and tags of the `[[source]]` tables as written, valid or not: a digest that names
/// a source with a mistake elsewhere in its table is not also told that the source is unknown.
struct ConfiguredSources {
    var names: [String] = []
    var tags: Set<String> = []

    init(_ value: (any TOMLValueConvertible)?) {
        for element in value?.array ?? TOMLArray() {
            guard let table = element.table else { continue }
            if let name = table["name"]?.string { names.append(name) }
            for tag in table["tags"]?.array ?? TOMLArray() {
                if let tag = tag.string { tags.insert(tag) }
            }
        }
    }
}
