/// The elements the sanitizer and the text extractor have rules for, as small ids; every other
/// name is `unknown`. The case name is the element's (lowercase) tag name.
enum HTMLElement: UInt8, CaseIterable {
    case unknown
    case a, abbr, acronym, address, applet, area, article, aside, audio
    case b, base, basefont, bdi, bdo, bgsound, big, blockquote, body, br, button
    case canvas, caption, center, cite, code, col, colgroup
    case datalist, dd, del, details, dfn, dialog, dir, div, dl, dt
    case em, embed, fieldset, figcaption, figure, font, footer, form, frame, frameset
    case h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html
    case i, iframe, img, input, ins, kbd, keygen, legend, li, link, listing
    case main, mark, marquee, math, menu, meta, nav, nobr, noembed, noframes, noscript
    case object, ol, optgroup, option, p, param, picture, plaintext, pre, q
    case rp, rt, ruby, s, samp, script, search, section, select, small, source, span
    case strike, strong, style, sub, summary, sup, svg
    case table, tbody, td, template, textarea, tfoot, th, thead, time, title, tr, track, tt
    case u, ul, `var`, video, wbr, xmp

    /// The lowercase tag name ("" for `unknown`).
    var name: String { Self.names[Int(rawValue)] }

    /// The element named by `p[range]` (ASCII case-insensitively).
    @inline(__always)
    static func named(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> HTMLElement {
        HTMLElement(rawValue: nameTable.id(p, range)) ?? .unknown
    }

    static func named(_ name: String) -> HTMLElement {
        let utf8 = Array(name.utf8)
        return utf8.withUnsafeBufferPointer { named($0, 0..<$0.count) }
    }

    static let names: [String] = allCases.map { $0 == .unknown ? "" : String(describing: $0) }

    private static let nameTable = HTMLNameTable(Array(names.dropFirst()))

    /// "<name" for every element, then "</name>", as bytes to copy into output.
    static let startTags = HTMLByteTable(names.map { "<" + $0 })
    static let endTags = HTMLByteTable(names.map { "</" + $0 + ">" })
}

/// Short byte strings by index, stored back to back.
struct HTMLByteTable {
    private let bytes: [UInt8]
    private let offsets: [Int]

    init(_ strings: [String]) {
        var bytes: [UInt8] = []
        var offsets = [0]
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            offsets.append(bytes.count)
        }
        self.bytes = bytes
        self.offsets = offsets
    }

    @inline(__always)
    func append(_ index: Int, to out: inout [UInt8]) {
        guard index >= 0, index + 1 < offsets.count else { return }
        let range = offsets[index]..<offsets[index + 1]
        bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
