/// Strings from output bytes that are valid UTF-8 by construction: slices of a `String`'s
/// UTF-8 cut only at ASCII bytes or around whole scalars, ASCII, and the UTF-8 of valid
/// scalars (character references never yield surrogates or values past U+10FFFF). Validating
/// them again would cost a sizeable part of sanitizing; debug builds still check.
enum HTMLOutputString {
    static func make(_ bytes: [UInt8]) -> String {
        #if DEBUG
        let checked = String(validating: bytes, as: UTF8.self)
        assert(checked != nil, "HTML output is not valid UTF-8")
        return checked ?? String(decoding: bytes, as: UTF8.self)
        #else
        if #available(macOS 26, iOS 26, watchOS 26, tvOS 26, visionOS 26, *) {
            return bytes.withUnsafeBufferPointer { p in
                unsafe String(copying: UTF8Span(unchecked: Span(_unsafeElements: p)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
        #endif
    }
}
