import Foundation

/// One text part of a MIME message: its headers and its body, encoded.
enum MIMEBody {
    /// The longest encoded line (RFC 2045 §6.7, §6.8), the soft break's "=" included.
    static let lineLimit = 76

    /// Headers, a blank line and the encoded body; the delimiter line that follows starts with
    /// the CRLF that ends the body's last line.
    static func part(subtype: String, text: String) -> [UInt8] {
        let content = crlf(text)
        let b64 = base64(content)
        // Quoted-printable is built only when it may be the smaller: each byte it must encode
        // costs two more, so mostly-Cyrillic text goes to base64 without the attempt.
        let qp = quotedPrintableLowerBound(content) <= b64.count ? quotedPrintable(content) : nil
        let useQP = qp.map { $0.count <= b64.count } ?? false
        var out = Array("Content-Type: text/\(subtype); charset=UTF-8\r\n".utf8)
        out += Array("Content-Transfer-Encoding: \(useQP ? "quoted-printable" : "base64")\r\n\r\n".utf8)
        // The CRLF before the next delimiter line belongs to that line (RFC 2046 §5.1.1): base64
        // drops its last line end, QP keeps the text's own ending.
        return out + (useQP ? qp ?? [] : Array(b64.dropLast(2)))
    }

    /// The UTF-8 bytes with every LF, CR and CRLF as CRLF.
    static func crlf(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 40)
        var previousCR = false
        for byte in text.utf8 {
            if byte == 0x0A {
                if !previousCR {
                    out.append(0x0D)
                    out.append(0x0A)
                }
                previousCR = false
            } else if byte == 0x0D {
                out.append(0x0D)
                out.append(0x0A)
                previousCR = true
            } else {
                out.append(byte)
                previousCR = false
            }
        }
        return out
    }

    /// Base64 in lines of 76 characters, each ended by CRLF.
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let encoded = Array(Data(bytes).base64EncodedString().utf8)
        var out: [UInt8] = []
        out.reserveCapacity(encoded.count + encoded.count / 38 + 2)
        var start = 0
        while start < encoded.count {
            let end = min(start + lineLimit, encoded.count)
            out += encoded[start..<end]
            out.append(0x0D)
            out.append(0x0A)
            start = end
        }
        return out
    }

    /// Quoted-printable (RFC 2045 §6.7) of CRLF text: hard line breaks stay CRLF, long lines get
    /// soft breaks, white space before a line end is encoded. A "." or "F" that starts a line is
    /// encoded too, so no encoded line is a lone "." or starts with "From " (mbox, SMTP relays).
    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        let hex: StaticString = "0123456789ABCDEF"
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var lineLength = 0
        bytes.withUnsafeBufferPointer { input in
            let count = input.count
            var index = 0
            while index < count {
                let byte = input[index]
                if byte == 0x0D, index + 1 < count, input[index + 1] == 0x0A {
                    out.append(0x0D)
                    out.append(0x0A)
                    lineLength = 0
                    index += 2
                    continue
                }
                let atLineEnd = index + 1 == count || (input[index + 1] == 0x0D && index + 2 < count && input[index + 2] == 0x0A)
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || ((byte == 0x20 || byte == 0x09) && !atLineEnd)
                var encoded = !literal || (lineLength == 0 && Self.mustNotStartLine(byte))
                // Room for the byte, and for a soft break's "=" unless the line ends right here.
                if lineLength + (encoded ? 3 : 1) > lineLimit - (atLineEnd ? 0 : 1) {
                    out.append(UInt8(ascii: "="))
                    out.append(0x0D)
                    out.append(0x0A)
                    lineLength = 0
                    encoded = encoded || Self.mustNotStartLine(byte)
                }
                if encoded {
                    out.append(UInt8(ascii: "="))
                    out.append(hex.utf8Start[Int(byte >> 4)])
                    out.append(hex.utf8Start[Int(byte & 0x0F)])
                    lineLength += 3
                } else {
                    out.append(byte)
                    lineLength += 1
                }
                index += 1
            }
        }
        return out
    }

    /// The size quoted-printable cannot be below: every byte, plus two for each one that is
    /// always encoded (not printable ASCII, or "=").
    static func quotedPrintableLowerBound(_ bytes: [UInt8]) -> Int {
        var encoded = 0
        for byte in bytes where byte > 126 || byte == UInt8(ascii: "=") || (byte < 32 && byte != 0x09 && byte != 0x0D && byte != 0x0A) {
            encoded += 1
        }
        return bytes.count + 2 * encoded
    }

    /// "." and "F" are encoded at the start of a line, hard or soft.
    private static func mustNotStartLine(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "F")
    }
}
