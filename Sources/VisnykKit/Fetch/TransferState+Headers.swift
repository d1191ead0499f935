extension TransferState {
    /// Takes one raw header line (CRLF included) as libcurl delivers it.
    func receiveHeaderLine(_ raw: UnsafeBufferPointer<UInt8>) {
        var end = raw.count
        while end > 0, raw[end - 1] == UInt8(ascii: "\n") || raw[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end > 0 else { return }
        let line = UnsafeBufferPointer(rebasing: raw[0..<end])

        if Self.hasHTTPPrefix(line) {
            headers.removeAll(keepingCapacity: true)
            if let status = Self.statusCode(line), status >= 200 { statuses.append(status) }
            return
        }
        if line[0] == UInt8(ascii: " ") || line[0] == UInt8(ascii: "\t") {
            // obs-fold (RFC 9112 §5.2): a continuation of the previous field's value.
            guard let last = headers.indices.last else { return }
            let more = Self.trimmed(line, from: 0, to: line.count)
            if !more.isEmpty { headers[last].value += " " + more }
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return }
        let name = Self.trimmed(line, from: 0, to: colon)
        guard !name.isEmpty else { return }
        headers.append((name: name, value: Self.trimmed(line, from: colon + 1, to: line.count)))
    }

    private static func hasHTTPPrefix(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.count >= 5 && line[0] == UInt8(ascii: "H") && line[1] == UInt8(ascii: "T")
            && line[2] == UInt8(ascii: "T") && line[3] == UInt8(ascii: "P") && line[4] == UInt8(ascii: "/")
    }

    /// "HTTP/1.1 301 Moved Permanently" or "HTTP/2 200" → the three-digit code.
    static func statusCode(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")), space + 4 <= line.count else { return nil }
        var code = 0
        for index in space + 1..<space + 4 {
            let digit = line[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            code = code * 10 + Int(digit)
        }
        return code
    }

    private static func trimmed(_ line: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        var low = start, high = end
        while low < high, line[low] == UInt8(ascii: " ") || line[low] == UInt8(ascii: "\t") { low += 1 }
        while high > low, line[high - 1] == UInt8(ascii: " ") || line[high - 1] == UInt8(ascii: "\t") { high -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: line[low..<high]), as: UTF8.self)
    }
}
