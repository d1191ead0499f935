/// The attributes the sanitizer may keep, as small ids (so a set of them is a `UInt64`);
/// every other name is `unknown`. The case name is the attribute's (lowercase) name.
enum HTMLAttributeName: UInt8, CaseIterable {
    case unknown
    case abbr, align, alt, border, cellpadding, cellspacing, cite, color, colspan, controls
    case datetime, `default`, dir, face, headers, height, href, hreflang, hspace, kind
    case label, lang, loading, loop, media, muted, noshade, open, playsinline, poster, preload
    case reversed, rowspan, scope, size, sizes, span, src, srclang, srcset, start, summary
    case title, type, valign, value, vspace, width

    var name: String { Self.names[Int(rawValue)] }

    @inline(__always)
    static func named(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> HTMLAttributeName {
        HTMLAttributeName(rawValue: nameTable.id(p, range)) ?? .unknown
    }

    static func named(_ name: String) -> HTMLAttributeName {
        let utf8 = Array(name.utf8)
        return utf8.withUnsafeBufferPointer { named($0, 0..<$0.count) }
    }

    static let names: [String] = allCases.map { $0 == .unknown ? "" : String(describing: $0) }

    private static let nameTable = HTMLNameTable(Array(names.dropFirst()))

    /// ` name="` for every attribute, as bytes to copy into output.
    static let openings = HTMLByteTable(names.map { " " + $0 + "=\"" })
}

/// A set of attribute names.
struct HTMLAttributeSet {
    var bits: UInt64 = 0

    init() {}

    init(_ names: Set<String>) {
        for name in names {
            let attribute = HTMLAttributeName.named(name)
            precondition(attribute != .unknown, "attribute without an id: \(name)")
            bits |= 1 << UInt64(attribute.rawValue)
        }
    }

    @inline(__always)
    func contains(_ attribute: HTMLAttributeName) -> Bool {
        bits >> UInt64(attribute.rawValue) & 1 != 0
    }
}
