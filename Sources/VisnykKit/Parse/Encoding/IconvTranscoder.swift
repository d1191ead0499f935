#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts the multibyte legacy encodings (CJK) to UTF-8 with the C library's iconv.
/// A byte iconv rejects becomes U+FFFD and conversion goes on after it.
enum IconvTranscoder {
    struct Transcoded {
        var utf8: [UInt8]
        var replaced: Int
    }

    /// Nil when the C library cannot convert from `iconvName`.
    static func transcode(_ input: UnsafeBufferPointer<UInt8>, from iconvName: String) -> Transcoded? {
        let descriptor = iconv_open("UTF-8", iconvName)
        guard let descriptor, descriptor != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }

        var output = [UInt8](repeating: 0, count: max(256, input.count * 2))
        var written = 0
        var replaced = 0
        var consumed = 0
        var flushing = false
        while true {
            var status = 0
            var failure: Int32 = 0
            output.withUnsafeMutableBytes { outputBytes in
                var outputPointer = outputBytes.baseAddress.map {
                    ($0 + written).assumingMemoryBound(to: CChar.self)
                }
                var outputLeft = outputBytes.count - written
                if flushing {
                    status = iconv(descriptor, nil, nil, &outputPointer, &outputLeft)
                } else {
                    var inputPointer = input.baseAddress.map {
                        UnsafeMutableRawPointer(mutating: $0 + consumed).assumingMemoryBound(to: CChar.self)
                    }
                    var inputLeft = input.count - consumed
                    status = iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                    consumed = input.count - inputLeft
                }
                failure = status == -1 ? errno : 0
                written = outputBytes.count - outputLeft
            }
            if status != -1 {
                if flushing { break }
                flushing = true
                continue
            }
            if failure == E2BIG {
                output.append(contentsOf: repeatElement(0, count: output.count))
                continue
            }
            if flushing { break }
            // EILSEQ (a bad sequence), EINVAL (one cut off at the end) or anything unexpected:
            // substitute and resume after the offending byte.
            if output.count - written < 3 { output.append(contentsOf: repeatElement(0, count: output.count)) }
            output.replaceSubrange(written..<written + 3, with: UTF8Cleaner.replacementCharacter)
            written += 3
            replaced += 1
            consumed = failure == EINVAL ? input.count : min(consumed + 1, input.count)
        }
        output.removeSubrange(written...)
        return Transcoded(utf8: output, replaced: replaced)
    }
}
