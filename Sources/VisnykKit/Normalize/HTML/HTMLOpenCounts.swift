/// How many elements of each name the text extractor has seen open: by id for known
/// elements, by name for the rare others.
struct HTMLOpenCounts {
    private var known: [Int32] = []
    private var others: [String: Int] = [:]

    mutating func opened(_ tokenizer: HTMLTokenizer) {
        let element = tokenizer.tag
        if element == .unknown {
            others[tokenizer.tagName, default: 0] += 1
            return
        }
        if known.isEmpty { known = Array(repeating: 0, count: HTMLElement.allCases.count) }
        known[Int(element.rawValue)] += 1
    }

    func isOpen(_ tokenizer: HTMLTokenizer) -> Bool {
        let element = tokenizer.tag
        if element == .unknown { return !others.isEmpty && (others[tokenizer.tagName] ?? 0) > 0 }
        return !known.isEmpty && known[Int(element.rawValue)] > 0
    }

    mutating func closed(_ tokenizer: HTMLTokenizer) {
        let element = tokenizer.tag
        if element == .unknown {
            others[tokenizer.tagName, default: 1] -= 1
        } else if !known.isEmpty {
            known[Int(element.rawValue)] -= 1
        }
    }
}
