/// Large stretches of character data that `XMLReferenceRepair` took out of the document before
/// libxml2 sees it: libxml2 reads non-ASCII text one character at a time and hands every
/// reference over in a callback of its own, which cost a sizeable part of parsing feeds whose
/// content is long non-ASCII HTML, in CDATA sections or escaped. Each stretch is replaced by a
/// processing instruction `<?TARGET K\n…?>` (as many line feeds as the stretch had, so
/// libxml2's line numbers stay the same), and `XMLTreeBuilder` appends stretch K's bytes as
/// the character data it stands for. TARGET holds a random nonce made per parse, so that no
/// document can forge one.
///
/// Two kinds of stretch: the content of a CDATA section, read from `source` as it is, and the
/// text between a tag and the next markup, whose references are decoded here
/// (`XMLTextRunDecoder`) into `decoded`.
struct XMLOffloadedText {
    /// Stretches shorter than this are left to libxml2: the processing instruction would not pay.
    static let minimumLength = 256
    /// libxml2 refuses CDATA sections of `XML_MAX_TEXT_LENGTH` (10,000,000 bytes) and more without
    /// `XML_PARSE_HUGE`: those stay, so that the document fails as it would have.
    static let maximumCDATALength = 10_000_000 - 1
    /// Text runs longer than this stay with libxml2, far from any of its length limits.
    static let maximumTextRunLength = 1 << 20

    struct Section {
        /// Offsets into `source` (a CDATA section) or into `decoded` (a text run).
        let range: Range<Int>
        let isDecoded: Bool
    }

    /// The processing instruction target, `visnyk-cdata-` and 32 random hex digits.
    let target: [UInt8]
    /// The document the CDATA sections' ranges index: the repair's input.
    let source: [UInt8]
    /// Decoded text runs, one after the other.
    var decoded: [UInt8] = []
    var sections: [Section] = []

    init(source: [UInt8]) {
        self.source = source
        // Decoded runs are never longer than the source: growing the arena run by run copied
        // all of it again several times per feed.
        decoded.reserveCapacity(source.count)
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var target = Array("visnyk-cdata-".utf8)
        for _ in 0..<2 {
            let word = generator.next() as UInt64
            for shift in stride(from: 60, through: 0, by: -4) { target.append(digits[Int(word >> UInt64(shift) & 0xF)]) }
        }
        self.target = target
    }

    /// The processing instruction standing for the next section, which had `lineFeeds` line feeds.
    func instruction(lineFeeds: Int) -> [UInt8] {
        var instruction: [UInt8] = []
        instruction.reserveCapacity(target.count + lineFeeds + 24)
        instruction.append(UInt8(ascii: "<"))
        instruction.append(UInt8(ascii: "?"))
        instruction.append(contentsOf: target)
        instruction.append(UInt8(ascii: " "))
        let digitsStart = instruction.count
        var index = sections.count
        repeat {
            instruction.append(UInt8(ascii: "0") + UInt8(index % 10))
            index /= 10
        } while index > 0
        instruction[digitsStart...].reverse()
        instruction.append(contentsOf: repeatElement(0x0A, count: lineFeeds))
        instruction.append(UInt8(ascii: "?"))
        instruction.append(UInt8(ascii: ">"))
        return instruction
    }

    /// The section a processing instruction stands for, or nil when it is not one of ours.
    func section(target candidate: UnsafePointer<UInt8>, data: UnsafePointer<UInt8>?) -> Section? {
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

    /// Whether `section` lies within its bytes (`withBytes` gives it nothing otherwise).
    func contains(_ section: Section) -> Bool {
        section.range.lowerBound >= 0 && section.range.upperBound <= (section.isDecoded ? decoded : source).count
    }

    /// Calls `body` with the bytes of `section`.
    func withBytes(of section: Section, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        (section.isDecoded ? decoded : source).withUnsafeBufferPointer { all in
            guard section.range.upperBound <= all.count else { return }
            body(UnsafeBufferPointer(rebasing: all[section.range]))
        }
    }
}
