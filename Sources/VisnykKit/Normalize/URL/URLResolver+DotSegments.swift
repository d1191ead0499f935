extension URLResolver {
    /// RFC 3986 §5.2.4 remove_dot_segments, step by step as the RFC writes it.
    static func removeDotSegments(_ path: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        if !path.contains(dot) { return path }
        var input = path
        var i = 0
        var output: [UInt8] = []
        output.reserveCapacity(path.count)
        func at(_ k: Int) -> UInt8? { k < input.count ? input[k] : nil }
        while i < input.count {
            let a = at(i), b = at(i + 1), c = at(i + 2), d = at(i + 3)
            if a == dot, b == dot, c == slash {                       // A: "../"
                i += 3
            } else if a == dot, b == slash {                          // A: "./"
                i += 2
            } else if a == slash, b == dot, c == slash {              // B: "/./"
                i += 2
            } else if a == slash, b == dot, c == nil {                // B: "/."
                i += 1
                input[i] = slash
            } else if a == slash, b == dot, c == dot, d == slash {    // C: "/../"
                i += 3
                removeLastSegment(&output)
            } else if a == slash, b == dot, c == dot, d == nil {      // C: "/.."
                i += 2
                input[i] = slash
                removeLastSegment(&output)
            } else if a == dot, b == nil || (b == dot && c == nil) {  // D: "." or ".."
                i = input.count
            } else {                                                  // E
                var j = i + 1
                while j < input.count, input[j] != slash { j += 1 }
                if a != slash {
                    j = i
                    while j < input.count, input[j] != slash { j += 1 }
                }
                output.append(contentsOf: input[i..<j])
                i = j
            }
        }
        return output
    }

    private static func removeLastSegment(_ output: inout [UInt8]) {
        if let last = output.lastIndex(of: UInt8(ascii: "/")) {
            output.removeSubrange(last...)
        } else {
            output.removeAll()
        }
    }
}
