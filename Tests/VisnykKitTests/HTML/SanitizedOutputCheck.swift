@testable import VisnykKit

/// Checks sanitizer output independently of the sanitizer's own rules: only allowed elements
/// and attributes, balanced nesting, no comments/doctypes, no dangerous URL schemes, no NUL.
enum SanitizedOutputCheck {
    static func problems(_ html: String) -> [String] {
        Array(html.utf8).withUnsafeBufferPointer { problems(html, HTMLTokenizer($0)) }
    }

    private static func problems(_ html: String, _ tokenizer: HTMLTokenizer) -> [String] {
        var tokenizer = tokenizer
        var problems: [String] = []
        var stack: [String] = []
        if html.utf8.contains(0) { problems.append("NUL in output") }
        while let token = tokenizer.next() {
            switch token {
            case .comment, .doctype:
                problems.append("comment or doctype")
            case .rawText:
                problems.append("raw text")
            case .text:
                break
            case .startTag:
                let name = tokenizer.tagName
                guard let allowed = HTMLSanitizer.allowedElements[name] else {
                    problems.append("element \(name)")
                    continue
                }
                if tokenizer.selfClosing { problems.append("self-closing \(name)") }
                for attribute in tokenizer.attributes {
                    let attributeName = tokenizer.name(of: attribute)
                    if !allowed.contains(attributeName), !HTMLSanitizer.globalAttributes.contains(attributeName) {
                        problems.append("attribute \(name) \(attributeName)")
                    }
                    let value = HTMLEntities.decode(String(decoding: tokenizer.bytes[attribute.value], as: UTF8.self), inAttribute: true)
                    let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
                    for bad in ["javascript:", "vbscript:", "livescript:", "data:text", "data:image/svg"] where squeezed.hasPrefix(bad) || squeezed.contains("," + bad) {
                        if ["href", "src", "srcset", "cite", "poster"].contains(attributeName) { problems.append("\(bad) in \(attributeName)") }
                    }
                }
                if !HTMLElements.void.contains(name) { stack.append(name) }
            case .endTag:
                let name = tokenizer.tagName
                if HTMLElements.void.contains(name) { problems.append("end tag of void \(name)") }
                if stack.last == name { stack.removeLast() } else { problems.append("misnested </\(name)>") }
            }
        }
        if !stack.isEmpty { problems.append("unclosed \(stack)") }
        return problems
    }
}
