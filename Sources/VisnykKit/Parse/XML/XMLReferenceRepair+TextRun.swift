extension XMLReferenceRepair.Scanner {
    /// Where the text after the start or end tag at `i` begins: after its `>`, quoted
    /// attribute values skipped. Nil when a `<` comes first or the tag never ends (such a
    /// document is malformed anyway: no text after it is offloaded).
    func textStart(afterTagAt i: Int) -> Int? {
        let n = input.count
        var j = i + 1
        while true {
            j = XMLByteSearch.firstTagDelimiter(in: input, from: j, to: n)
            guard j < n else { return nil }
            let b = input[j]
            if b == UInt8(ascii: ">") { return j + 1 }
            if b == UInt8(ascii: "<") { return nil }
            let close = HTMLByteSearch.firstIndex(of: b, in: input, from: j + 1, to: n)
            guard close < n, HTMLByteSearch.firstIndex(of: UInt8(ascii: "<"), in: input, from: j + 1, to: close) == close
            else { return nil }
            j = close + 1
        }
    }

    /// The text between a tag and the markup at `run.upperBound` is complete and repaired:
    /// offloads it when it is long enough and `XMLTextRunDecoder` can read it exactly as
    /// libxml2 would.
    mutating func offloadTextRun(_ run: Range<Int>) {
        let outputStart = textRunOutputStart
        textRunStart = nil
        textRunOutputStart = nil
        guard var offloaded, run.count >= XMLOffloadedText.minimumLength,
              run.count <= XMLOffloadedText.maximumTextRunLength
        else { return }
        self.offloaded = nil
        defer { self.offloaded = offloaded }
        let decodedStart = offloaded.decoded.count
        guard let start = outputStart else {
            // No repair inside the run: it is the input as it is.
            guard let lineFeeds = XMLTextRunDecoder.decode(UnsafeBufferPointer(rebasing: input[run]),
                                                           appendingTo: &offloaded.decoded)
            else { return }
            let instruction = offloaded.instruction(lineFeeds: lineFeeds)
            offloaded.sections.append(XMLOffloadedText.Section(range: decodedStart..<offloaded.decoded.count,
                                                               isDecoded: true))
            replace(run, with: instruction, isRepair: false)
            return
        }
        flush(upTo: run.upperBound)
        let lineFeeds = output!.withUnsafeBufferPointer { all in
            XMLTextRunDecoder.decode(UnsafeBufferPointer(rebasing: all[start...]), appendingTo: &offloaded.decoded)
        }
        guard let lineFeeds else { return }
        let instruction = offloaded.instruction(lineFeeds: lineFeeds)
        offloaded.sections.append(XMLOffloadedText.Section(range: decodedStart..<offloaded.decoded.count,
                                                           isDecoded: true))
        output!.removeSubrange(start...)
        output!.append(contentsOf: instruction)
    }
}
