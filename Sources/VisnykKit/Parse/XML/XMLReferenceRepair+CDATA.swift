extension XMLReferenceRepair.Scanner {
    /// Replaces the CDATA section `section` (markup included) with a processing instruction
    /// when offloading is on and its `content` qualifies (see `XMLOffloadedText`).
    mutating func offloadCDATA(_ section: Range<Int>, content: Range<Int>) {
        guard var offloaded, content.count >= XMLOffloadedText.minimumLength,
              content.count <= XMLOffloadedText.maximumCDATALength
        else { return }
        // libxml2 turns CR and CR LF into LF in character data: such rare sections stay.
        guard let lineFeeds = XMLByteSearch.lineFeedCount(in: input, from: content.lowerBound, to: content.upperBound)
        else { return }
        let instruction = offloaded.instruction(lineFeeds: lineFeeds)
        self.offloaded = nil
        offloaded.sections.append(XMLOffloadedText.Section(range: content, isDecoded: false))
        self.offloaded = offloaded
        replace(section, with: instruction, isRepair: false)
    }
}
