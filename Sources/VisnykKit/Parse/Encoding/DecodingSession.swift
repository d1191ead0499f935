/// One run of `DocumentDecoder.decode`: walks the sources of authority in order and decodes
/// with the first that the bytes do not contradict.
struct DecodingSession {
    let input: UnsafeBufferPointer<UInt8>
    let original: [UInt8]
    let declarations: [CharsetDeclaration]
    var warnings: [String] = []

    typealias Result = (utf8: [UInt8], encoding: String)

    init(input: UnsafeBufferPointer<UInt8>, original: [UInt8], declarations: [CharsetDeclaration]) {
        self.input = input
        self.original = original
        self.declarations = declarations
    }

    mutating func run() -> Result {
        if let detection = ByteSniffer.byteOrderMark(input) ?? ByteSniffer.wideUnicodePattern(input) {
            let evidence = detection.skip > 0 ? "the byte order mark" : "the byte pattern"
            for declaration in declarations where !isSameFamily(declaration.method, detection.method) {
                warnings.append("\(evidence) says \(detection.canonicalName); ignored charset "
                    + "\(declaration.canonicalName) from \(declaration.source.rawValue)")
            }
            if detection.method.isUTF8 {
                return decodeUTF8(from: detection.skip, declared: nil, allowGuessing: false)
            }
            return decodeWide(detection.method, name: detection.canonicalName, from: detection.skip)
        }
        for (position, declaration) in declarations.enumerated() {
            switch declaration.method {
            case .utf8:
                return decodeUTF8(from: 0, declared: declaration, allowGuessing: true,
                                  fallback: declarations[(position + 1)...].first { !$0.method.isUTF8 && !$0.method.isWide })
            case .utf16, .utf32:
                let unitSize = if case .utf32 = declaration.method { 4 } else { 2 }
                guard let bigEndian = ByteSniffer.wideByteOrder(input, unitSize: unitSize) else {
                    warnings.append("declared charset \(declaration.canonicalName) in \(declaration.source.rawValue) "
                        + "but the bytes are not \(unitSize == 2 ? "UTF-16" : "UTF-32"); ignored it")
                    continue
                }
                let method: DecodingMethod = unitSize == 2 ? .utf16(bigEndian: bigEndian) : .utf32(bigEndian: bigEndian)
                let name = "UTF-\(unitSize * 8)\(bigEndian ? "BE" : "LE")"
                return decodeWide(method, name: name, from: 0)
            case .singleByte, .iconv:
                if let result = decodeDeclaredLegacy(declaration) { return result }
            }
        }
        return decodeUTF8(from: 0, declared: nil, allowGuessing: true)
    }

    private func isSameFamily(_ first: DecodingMethod, _ second: DecodingMethod) -> Bool {
        switch (first, second) {
        case (.utf8, .utf8), (.utf16, .utf16), (.utf32, .utf32): true
        default: false
        }
    }
}
