/// Large CDATA sections that `XMLReferenceRepair` took out of the document before libxml2
/// sees it: libxml2 checks CDATA one character at a time, which cost a sizeable part of
/// parsing feeds whose `content:encoded` is long non-ASCII HTML. Each section is replaced by
/// a processing instruction `<?TARGET K\n…?>` (as many line feeds as the section had, so
/// libxml2's line numbers stay the same), and `XMLTreeBuilder` appends section K's bytes as
/// the character data it stands for. TARGET holds a random nonce made per parse, so that no
/// document can forge one.
struct XMLOffloadedCDATA {
    /// Sections with less content are left to libxml2: the processing instruction would not pay.
    static let minimumLength = 256
    /// libxml2 refuses CDATA sections of `XML_MAX_TEXT_LENGTH` (10,000,000 bytes) and more without
    /// `XML_PARSE_HUGE`: those stay, so that the document fails as it would have.
    static let maximumLength = 10_000_000 - 1

    /// The processing instruction target, `visnyk-cdata-` and 32 random hex digits.
    let target: [UInt8]
    /// The document the sections' ranges index: the repair's input.
    let source: [UInt8]
    var sections: [Range<Int>] = []

    init(source: [UInt8]) {
        self.source = source
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var target = Array("visnyk-cdata-".utf8)
        for _ in 0..<2 {
            let word = generator.next() as UInt64
            for shift in stride(from: 60, through: 0, by: -4) { target.append(digits[Int(word >> UInt64(shift) & 0xF)]) }
        }
        self.target = target
    }

    /// The section a processing instruction stands for, or nil when it is not one of ours.
    func section(target candidate: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?) -> Range<Int>? {
        for k in 0..<target.count where candidate[k] != target[k] { return nil }
        guard candidate[target.count] == 0, let data else { return nil }
        var index = 0
        var k = 0
        while k < 10, data[k] >= UInt8(ascii: "0"), data[k] <= UInt8(ascii: "9") {
            index = index * 10 + Int(data[k] - UInt8(ascii: "0"))
            k += 1
        }
        guard k > 0, index < sections.count else { return nil }
        return sections[index]
    }
}
