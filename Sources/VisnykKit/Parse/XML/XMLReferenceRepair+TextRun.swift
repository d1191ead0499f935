extension XMLReferenceRepair.Scanner {
    /// Where the text after the start or end tag at `i` begins: after its `>`, quoted
    /// attribute values skipped. Nil when a `<` comes first or the tag never ends (such a
    /// document is malformed anyway: no text after it is offloaded).
    func textStart(afterTagAt i: Int) -> Int? {
        var j = i + 1
        let n = input.count
        var quote: UInt8 = 0
        while j < n {
            let b = input[j]
            if b == UInt8(ascii: "<") { return nil }
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: ">") {
                return j + 1
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            }
            j += 1
        }
        return nil
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
