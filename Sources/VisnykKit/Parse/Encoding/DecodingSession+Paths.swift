extension DecodingSession {
    /// UTF-8, whether declared or assumed. Mostly-invalid bytes are read in a legacy encoding
    /// instead (the next declaration's, or a guess) unless a byte order mark vouched for UTF-8.
    mutating func decodeUTF8(
        from start: Int, declared: CharsetDeclaration?, allowGuessing: Bool, fallback: CharsetDeclaration? = nil
    ) -> Result {
        let issue = UTF8Validator.firstIssue(in: input, from: start)
        if issue == input.count {
            return (start == 0 ? original : Array(input[start...]), "UTF-8")
        }
        let census = UTF8Census(of: input, from: start)
        if allowGuessing, census.isMostlyInvalid {
            let claim = declared.map { "declared charset UTF-8 in \($0.source.rawValue) but" } ?? "no charset declared and"
            if let fallback, let result = decodeLegacy(fallback.method, name: fallback.canonicalName) {
                warnings.append("\(claim) the bytes are not valid UTF-8; read as \(fallback.canonicalName) "
                    + "from \(fallback.source.rawValue)")
                return result
            }
            let guess = LegacyEncodingGuesser.guess(UnsafeBufferPointer(rebasing: input[start...]))
            if let page = SingleByteCodePage(canonicalName: guess) {
                warnings.append("\(claim) the bytes are not valid UTF-8; read as \(guess) (guessed from the text)")
                return decodeLegacy(.singleByte(page), name: guess, from: start) ?? ([], guess)
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count - start + census.invalidSequences * 2)
        output.append(contentsOf: input[start..<issue])
        let counts = UTF8Cleaner.clean(input, from: issue, into: &output)
        noteReplaced(counts.replaced, what: "invalid UTF-8 byte sequences")
        noteDropped(counts.dropped)
        return (output, "UTF-8")
    }

    /// A declared legacy encoding, unless the bytes are non-ASCII UTF-8 (a stale declaration).
    /// Nil when this system cannot convert the encoding.
    mutating func decodeDeclaredLegacy(_ declaration: CharsetDeclaration) -> Result? {
        let issue = UTF8Validator.firstIssue(in: input)
        let isASCII = !UTF8Validator.containsNonASCII(input)
        if issue == input.count, isASCII { return (original, declaration.canonicalName) }
        if !isASCII, UTF8Validator.isWellFormed(input, from: issue) {
            warnings.append("declared charset \(declaration.canonicalName) in \(declaration.source.rawValue) "
                + "but the bytes are valid UTF-8; read as UTF-8")
            return decodeUTF8(from: 0, declared: nil, allowGuessing: false)
        }
        guard let result = decodeLegacy(declaration.method, name: declaration.canonicalName) else {
            warnings.append("cannot convert charset \(declaration.canonicalName) from \(declaration.source.rawValue) "
                + "on this system; ignored it")
            return nil
        }
        return result
    }

    mutating func decodeLegacy(_ method: DecodingMethod, name: String, from start: Int = 0) -> Result? {
        let body = UnsafeBufferPointer(rebasing: input[start...])
        switch method {
        case .singleByte(let page):
            let decoded = page.decode(body)
            noteReplaced(decoded.undefined, what: "bytes undefined in \(name)")
            noteDropped(decoded.dropped)
            return (decoded.utf8, name)
        case .iconv(let iconvName):
            guard let transcoded = IconvTranscoder.transcode(body, from: iconvName) else { return nil }
            noteReplaced(transcoded.replaced, what: "byte sequences invalid in \(name)")
            let cleaned = transcoded.utf8.withUnsafeBufferPointer { output in
                UTF8Validator.firstIssue(in: output) == output.count ? nil : UTF8Cleaner.cleaned(output)
            }
            guard let (utf8, counts) = cleaned else { return (transcoded.utf8, name) }
            noteDropped(counts.dropped)
            return (utf8, name)
        case .utf8, .utf16, .utf32:
            return nil
        }
    }

    mutating func decodeWide(_ method: DecodingMethod, name: String, from start: Int) -> Result {
        let decoded: WideUnicodeDecoder.Decoded
        switch method {
        case .utf16(let bigEndian): decoded = WideUnicodeDecoder.decodeUTF16(input, from: start, bigEndian: bigEndian)
        case .utf32(let bigEndian): decoded = WideUnicodeDecoder.decodeUTF32(input, from: start, bigEndian: bigEndian)
        default: return decodeUTF8(from: start, declared: nil, allowGuessing: false)
        }
        noteReplaced(decoded.replaced, what: "invalid \(name) code units")
        noteDropped(decoded.dropped)
        return (decoded.utf8, name)
    }

    mutating func noteReplaced(_ count: Int, what: String) {
        guard count > 0 else { return }
        warnings.append("replaced \(count) \(what) with U+FFFD")
    }

    mutating func noteDropped(_ count: Int) {
        guard count > 0 else { return }
        warnings.append("dropped \(count) character\(count == 1 ? "" : "s") not allowed in XML")
    }
}
