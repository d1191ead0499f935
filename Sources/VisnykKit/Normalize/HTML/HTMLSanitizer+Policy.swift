extension HTMLSanitizer {
    /// Attributes allowed on every allowed element.
    static let globalAttributes: Set<String> = ["title", "lang", "dir"]

    private static let cellAttributes: Set<String> = [
        "colspan", "rowspan", "headers", "scope", "abbr", "align", "valign", "width", "height",
    ]
    private static let alignAttributes: Set<String> = ["align", "valign"]

    /// Allowed elements → their allowed attributes (besides the global ones).
    static let allowedElements: [String: Set<String>] = [
        "a": ["href", "hreflang"],
        "abbr": [], "acronym": [], "address": [], "b": [], "bdi": [], "bdo": [], "big": [],
        "blockquote": ["cite"], "br": [], "caption": ["align"], "center": [], "cite": [], "code": [],
        "col": ["span", "width", "align", "valign"], "colgroup": ["span", "width", "align", "valign"],
        "dd": [], "del": ["cite", "datetime"], "details": ["open"], "dfn": [], "div": ["align"],
        "dl": [], "dt": [], "em": [], "figcaption": [], "figure": [], "font": ["color", "face", "size"],
        "h1": ["align"], "h2": ["align"], "h3": ["align"], "h4": ["align"], "h5": ["align"], "h6": ["align"],
        "hr": ["align", "width", "size", "noshade"], "i": [],
        "img": ["src", "srcset", "sizes", "alt", "width", "height", "loading", "align", "border", "hspace", "vspace"],
        "ins": ["cite", "datetime"], "kbd": [], "li": ["value", "type"], "mark": [],
        "ol": ["start", "reversed", "type"], "p": ["align"], "picture": [], "pre": [], "q": ["cite"],
        "rp": [], "rt": [], "ruby": [], "s": [], "samp": [], "small": [],
        "source": ["src", "srcset", "sizes", "type", "media", "width", "height"],
        "span": [], "strike": [], "strong": [], "sub": [], "summary": [], "sup": [],
        "table": ["border", "cellpadding", "cellspacing", "summary", "width", "align"],
        "tbody": alignAttributes, "td": cellAttributes, "tfoot": alignAttributes, "th": cellAttributes,
        "thead": alignAttributes, "time": ["datetime"], "tr": alignAttributes, "tt": [], "u": [],
        "ul": ["type"], "var": [], "wbr": [],
        "audio": ["src", "controls", "loop", "muted", "preload"],
        "video": ["src", "poster", "width", "height", "controls", "loop", "muted", "preload", "playsinline"],
        "track": ["src", "kind", "srclang", "label", "default"],
    ]

    /// Elements removed together with everything inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "applet", "form", "input", "button",
        "select", "datalist", "textarea", "noscript", "noembed", "noframes", "xmp", "template",
        "svg", "math", "frame", "frameset", "base", "link", "meta", "title", "param", "canvas",
        "dialog", "keygen",
    ]

    /// What a URL attribute may point to.
    enum URLKind {
        /// Followed by the reader: http, https, ftp, mailto, tel, news.
        case link
        /// Loaded by the browser: http, https.
        case media
        /// Loaded as an image: http, https, or a base64 PNG/GIF/JPEG/WebP data URL.
        case image
    }

    static func urlKind(element: HTMLElement, attribute: HTMLAttributeName) -> URLKind? {
        switch attribute {
        case .href, .cite: return .link
        case .src: return element == .img ? .image : .media
        case .poster, .srcset: return .image
        default: return nil
        }
    }

    /// `scheme` is lowercased.
    static func allows(scheme: String, for kind: URLKind) -> Bool {
        switch scheme {
        case "http", "https": return true
        case "ftp", "mailto", "tel", "news": return kind == .link
        default: return false
        }
    }
}
