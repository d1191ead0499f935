import TOMLKit

extension ConfigReader {
    /// A string key that names one of an enum's cases (spool_format, dedup, transport, tls);
    /// anything else is reported with `problem`, which says what to write.
    mutating func choice<Choice: RawRepresentable<String>>(
        _ value: any TOMLValueConvertible, at path: [TOMLPathComponent], example: String,
        problem: (String) -> String
    ) -> Choice? {
        guard let text = string(value, at: path, example: example) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            report(path, problem(text))
            return nil
        }
        return choice
    }
}
