/// Readability-style scores: every paragraph of 25 characters or more gives its parent
/// 1 + its commas + one point per 100 characters (at most 3), its grandparent half of that
/// and the next level a sixth; a container starts from its tag and class/id weight, and its
/// total is scaled by the share of its text outside links.
struct ContentScore {
    /// Elements of the cleaned page in document order, with their parent's index.
    private(set) var nodes: [HTMLNode] = []
    private var parents: [Int?] = []
    private(set) var scores: [Int: Double] = [:]

    static let minimumParagraphLength = 25

    init(root: HTMLNode) {
        flatten(root, parent: nil)
        for index in nodes.indices where Self.isParagraph(nodes[index]) {
            let length = nodes[index].visibleLength
            guard length >= Self.minimumParagraphLength else { continue }
            let points = 1 + Double(Self.commas(in: nodes[index].textContent)) + min(Double(length) / 100, 3)
            var ancestor = parents[index]
            var level = 0
            while let current = ancestor, level < 3 {
                if nodes[current].name == "html" { break }
                if scores[current] == nil { scores[current] = Self.initialScore(nodes[current]) }
                let divider = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                scores[current, default: 0] += points / divider
                ancestor = parents[current]
                level += 1
            }
        }
    }

    /// The best container and its final score, or nil when no paragraph scored.
    var best: (node: HTMLNode, score: Double)? {
        var top: (node: HTMLNode, score: Double)?
        for (index, score) in scores.sorted(by: { $0.key < $1.key }) {
            let final = score * (1 - nodes[index].linkDensity)
            if top == nil || final > top!.score { top = (nodes[index], final) }
        }
        return top
    }

    private mutating func flatten(_ node: HTMLNode, parent: Int?) {
        let index = nodes.count
        nodes.append(node)
        parents.append(parent)
        for child in node.children where !child.isText { flatten(child, parent: index) }
    }

    private static let paragraphs: Set<String> = ["p", "pre", "td", "blockquote"]
    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "table", "ul", "ol", "dl", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "main",
    ]

    /// A `p`-like element, or a `div`/`section` holding text but no blocks (a paragraph
    /// written without `p`).
    static func isParagraph(_ node: HTMLNode) -> Bool {
        if paragraphs.contains(node.name) { return true }
        guard node.name == "div" || node.name == "section" else { return false }
        return !node.children.contains { !$0.isText && blocks.contains($0.name) }
    }

    static func initialScore(_ node: HTMLNode) -> Double {
        let base: Double
        switch node.name {
        case "article", "main": base = 10
        case "div": base = 5
        case "pre", "td", "blockquote": base = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": base = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": base = -5
        default: base = 0
        }
        return base + ContentHints.weight(of: node)
    }

    static func commasOutsideLinks(in node: HTMLNode) -> Int {
        if node.isText { return commas(in: node.text) }
        if node.name == "a" { return 0 }
        return node.children.reduce(0) { $0 + commasOutsideLinks(in: $1) }
    }

    static func commas(in text: String) -> Int {
        text.reduce(0) { $0 + ($1 == "," || $1 == "，" || $1 == "、" || $1 == "،" ? 1 : 0) }
    }
}
