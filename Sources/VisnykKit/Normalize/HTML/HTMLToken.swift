/// One token of the HTML tokenizer; byte ranges index the tokenizer's input.
enum HTMLToken: Equatable {
    /// Character data whose character references are still to be decoded.
    case text(Range<Int>)
    /// Character data taken literally (script, style, plaintext, CDATA sections).
    case rawText(Range<Int>)
    /// A start tag: name, attributes and self-closing flag are in the tokenizer.
    case startTag
    /// An end tag: its name is in the tokenizer (attributes are discarded).
    case endTag
    case comment(Range<Int>)
    case doctype
}

/// An attribute of the current start tag: its name's id (`unknown` for names the sanitizer
/// never keeps), the raw bytes of its name, and the raw bytes of its value (character
/// references not yet decoded; an empty range when written without a value).
struct HTMLAttribute: Equatable {
    var id: HTMLAttributeName
    var nameRange: Range<Int>
    var value: Range<Int>
}

/// How the content of an element is tokenized (HTML5 §13.2.5 state switches by the tree builder).
enum HTMLTextMode {
    case script
    case rawText
    case rcdata
    case plaintext

    static func of(_ element: HTMLElement) -> HTMLTextMode? {
        switch element {
        case .script: return .script
        case .style, .xmp, .iframe, .noembed, .noframes, .noscript: return .rawText
        case .textarea, .title: return .rcdata
        case .plaintext: return .plaintext
        default: return nil
        }
    }
}

extension UInt8 {
    /// HTML "ASCII whitespace" as the tokenizer sees it (tab, LF, FF, CR, space).
    @inline(__always)
    var isHTMLWhitespace: Bool {
        self == 0x20 || self == 0x0A || self == 0x09 || self == 0x0C || self == 0x0D
    }

    @inline(__always)
    var isHTMLASCIIAlpha: Bool {
        (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z")
    }
}
