extension XMLReferenceRepair.Scanner {
    /// Replaces the CDATA section `section` (markup included) with a processing instruction
    /// when offloading is on and its `content` qualifies (see `XMLOffloadedCDATA`).
    mutating func offloadCDATA(_ section: Range<Int>, content: Range<Int>) {
        guard var offloaded = offloadedCDATA, content.count >= XMLOffloadedCDATA.minimumLength,
              content.count <= XMLOffloadedCDATA.maximumLength
        else { return }
        // libxml2 turns CR and CR LF into LF in character data: such rare sections stay.
        guard let lineFeeds = XMLByteSearch.lineFeedCount(in: input, from: content.lowerBound, to: content.upperBound)
        else { return }
        var instruction: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: "?")]
        instruction.reserveCapacity(offloaded.target.count + lineFeeds + 16)
        instruction += offloaded.target
        instruction.append(UInt8(ascii: " "))
        instruction += Array(String(offloaded.sections.count).utf8)
        instruction += repeatElement(0x0A, count: lineFeeds)
        instruction += [UInt8(ascii: "?"), UInt8(ascii: ">")]
        offloadedCDATA = nil
        offloaded.sections.append(content)
        offloadedCDATA = offloaded
        replace(section, with: instruction, isRepair: false)
    }
}
