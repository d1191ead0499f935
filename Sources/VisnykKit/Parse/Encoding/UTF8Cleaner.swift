/// Copies UTF-8 bytes, turning each ill-formed subpart into U+FFFD and dropping characters
/// XML 1.0 forbids. Runs of good bytes are copied in bulk.
enum UTF8Cleaner {
    struct Counts {
        var replaced = 0
        var dropped = 0
    }

    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Appends the cleaned bytes of `input[start...]` to `output`.
    static func clean(_ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8]) -> Counts {
        var counts = Counts()
        guard let base = input.baseAddress else { return counts }
        let count = input.count
        var index = start
        while index < count {
            let issue = UTF8Validator.firstIssue(in: input, from: index)
            output.append(contentsOf: UnsafeBufferPointer(start: base + index, count: issue - index))
            guard issue < count else { break }
            let length = UTF8Validator.sequenceLength(base, issue, count)
            if length < 0 {
                output.append(contentsOf: replacementCharacter)
                counts.replaced += 1
                index = issue - length
            } else {
                counts.dropped += 1
                index = issue + length
            }
        }
        return counts
    }

    /// The cleaned copy of a whole buffer.
    static func cleaned(_ input: UnsafeBufferPointer<UInt8>) -> ([UInt8], Counts) {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        let counts = clean(input, from: 0, into: &output)
        return (output, counts)
    }
}
