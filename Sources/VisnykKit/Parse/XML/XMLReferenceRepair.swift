/// Repairs the two mistakes that make most real feeds ill-formed XML, before libxml2 sees
/// them, so that they parse strictly instead of in recovery mode (which silently drops text):
///
/// - entity references XML does not define: HTML names (`&nbsp;`, `&mdash;`, `&laquo;`) become
///   numeric character references; unknown names and bare `&` become `&amp;` (literal text);
///   numeric references missing their `;` get one; references to characters XML forbids vanish.
/// - a `<` that cannot start markup (`a < b`, `<3`) becomes `&lt;`.
///
/// CDATA sections, comments, processing instructions and the DOCTYPE are copied untouched
/// (large CDATA sections and text runs may be offloaded instead, see `XMLOffloadedText`).
/// libxml2 never expands entities (see `XMLTreeBuilder`); instead, internal entities the
/// DOCTYPE declares with plain literal text (`<!ENTITY brand "Вісник">`, XML 1.0 §4.4) are
/// substituted here, up to 1 MiB in all. Values holding references or markup — the stuff
/// of entity bombs — and external entities are never expanded: those references become
/// literal text.
enum XMLReferenceRepair {
    struct Outcome {
        let bytes: [UInt8]
        let repairs: Int
        /// The CDATA sections taken out of `bytes`, nil when none was.
        let offloaded: XMLOffloadedText?
    }

    /// `offloading`: large CDATA sections and text runs become processing instructions
    /// (`XMLOffloadedText`).
    static func repair(_ input: [UInt8], offloading: Bool = false) -> Outcome {
        input.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(input: buffer)
            if offloading { scanner.offloaded = XMLOffloadedText(source: input) }
            scanner.run()
            let offloaded = scanner.offloaded.flatMap { $0.sections.isEmpty ? nil : $0 }
            guard let output = scanner.output else { return Outcome(bytes: input, repairs: 0, offloaded: nil) }
            return Outcome(bytes: output, repairs: scanner.repairs, offloaded: offloaded)
        }
    }

    struct Scanner {
        let input: UnsafeBufferPointer<UInt8>
        var output: [UInt8]?
        var copied = 0
        var repairs = 0
        /// Internal entities of the DOCTYPE with plain text values, and how much was expanded.
        var declaredEntities: [String: [UInt8]] = [:]
        var expandedBytes = 0
        var offloaded: XMLOffloadedText?
        /// While offloading: where the text after the last start or end tag begins in the
        /// input, and the output count there once a repair inside that text wrote past it.
        var textRunStart: Int?
        var textRunOutputStart: Int?

        init(input: UnsafeBufferPointer<UInt8>) {
            self.input = input
        }

        mutating func run() {
            var i = 0
            let n = input.count
            while i < n {
                i = XMLByteSearch.firstAmpersandOrLessThan(in: input, from: i, to: n)
                guard i < n else { break }
                i = input[i] == UInt8(ascii: "&") ? reference(at: i) : markup(at: i)
            }
            if output != nil { flush(upTo: n) }
        }

        /// Copies input[copied..<end] to the output, starting the output on the first repair.
        mutating func flush(upTo end: Int) {
            if output == nil {
                output = []
                output!.reserveCapacity(input.count + input.count / 16)
            }
            if end > copied { output!.append(contentsOf: input[copied..<end]) }
            copied = end
        }

        /// `isRepair: false` for substitutions that fix nothing (declared entities).
        mutating func replace(_ range: Range<Int>, with bytes: [UInt8], isRepair: Bool = true) {
            if let start = textRunStart, textRunOutputStart == nil, range.lowerBound >= start {
                flush(upTo: start)
                textRunOutputStart = output!.count
            }
            flush(upTo: range.lowerBound)
            output!.append(contentsOf: bytes)
            copied = range.upperBound
            if isRepair { repairs += 1 }
        }

        func starts(with literal: StaticString, at i: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard i + count <= input.count else { return false }
            let p = literal.utf8Start
            for k in 0..<count where input[i + k] != p[k] { return false }
            return true
        }

        func find(_ literal: StaticString, from i: Int) -> Int? {
            let first = literal.utf8Start[0]
            var j = i
            while true {
                j = HTMLByteSearch.firstIndex(of: first, in: input, from: j, to: input.count)
                guard j < input.count else { return nil }
                if starts(with: literal, at: j) { return j }
                j += 1
            }
        }

        mutating func markup(at i: Int) -> Int {
            let n = input.count
            guard i + 1 < n else {
                replace(i..<i + 1, with: Array("&lt;".utf8))
                return n
            }
            let next = input[i + 1]
            let isMarkup = next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || next == UInt8(ascii: "/")
                || isNameStart(next)
            if isMarkup, let start = textRunStart {
                offloadTextRun(start..<i)
            }
            if next == UInt8(ascii: "!") {
                if starts(with: "<![CDATA[", at: i) {
                    // An unterminated section is left to libxml2.
                    guard let close = find("]]>", from: i + 9) else { return n }
                    offloadCDATA(i..<close + 3, content: (i + 9)..<close)
                    return close + 3
                }
                if starts(with: "<!--", at: i) { return (find("-->", from: i + 4) ?? n - 3) + 3 }
                if starts(with: "<!DOCTYPE", at: i) {
                    let end = doctypeEnd(from: i + 9)
                    readEntityDeclarations(in: (i + 9)..<end)
                    return end
                }
                return i + 2
            }
            if next == UInt8(ascii: "?") { return (find("?>", from: i + 2) ?? n - 2) + 2 }
            if isNameStart(next) || next == UInt8(ascii: "/") {
                if offloaded != nil { textRunStart = textStart(afterTagAt: i) }
                return i + 1
            }
            replace(i..<i + 1, with: Array("&lt;".utf8))
            return i + 1
        }

        func doctypeEnd(from start: Int) -> Int {
            var j = start
            var inSubset = false
            while j < input.count {
                let b = input[j]
                if b == UInt8(ascii: "[") { inSubset = true }
                if b == UInt8(ascii: "]") { inSubset = false }
                if b == UInt8(ascii: ">"), !inSubset { return j + 1 }
                j += 1
            }
            return input.count
        }

        func isNameStart(_ b: UInt8) -> Bool {
            (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b == UInt8(ascii: "_")
                || b == UInt8(ascii: ":") || b >= 0x80
        }
    }
}
