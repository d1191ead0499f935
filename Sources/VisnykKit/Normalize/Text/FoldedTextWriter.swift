/// Writes case-folded scalars while collapsing runs of white space to one space and trimming
/// both ends (a space is written only when something follows it).
struct FoldedTextWriter: ~Copyable {
    private(set) var sink: UTF8Sink
    private var pendingSpace = false
    private var hasOutput = false

    init(capacity: Int) {
        sink = UTF8Sink(capacity: capacity)
    }

    /// The writer's state, to go back to when a stretch must be rewritten.
    struct Checkpoint {
        fileprivate let count: Int
        fileprivate let pendingSpace: Bool
        fileprivate let hasOutput: Bool
    }

    var checkpoint: Checkpoint {
        Checkpoint(count: sink.count, pendingSpace: pendingSpace, hasOutput: hasOutput)
    }

    mutating func restore(_ checkpoint: Checkpoint) {
        sink.truncate(to: checkpoint.count)
        pendingSpace = checkpoint.pendingSpace
        hasOutput = checkpoint.hasOutput
    }

    @inline(__always)
    mutating func space() {
        pendingSpace = hasOutput
    }

    /// Appends an ASCII byte that is already in folded form.
    @inline(__always)
    mutating func appendFoldedASCII(_ byte: UInt8) {
        sink.reserve(2)
        if pendingSpace {
            sink.appendUnchecked(0x20)
            pendingSpace = false
        }
        sink.appendUnchecked(byte)
        hasOutput = true
    }

    /// Appends a two-byte UTF-8 sequence that is already in folded form.
    @inline(__always)
    mutating func appendFoldedPair(_ lead: UInt8, _ trail: UInt8) {
        sink.reserve(3)
        if pendingSpace {
            sink.appendUnchecked(0x20)
            pendingSpace = false
        }
        sink.appendUnchecked(lead)
        sink.appendUnchecked(trail)
        hasOutput = true
    }

    /// Appends the case folding of `scalar`, which is not white space.
    @inline(__always)
    mutating func appendFolding(_ scalar: UInt32) {
        if pendingSpace {
            sink.reserve(1)
            sink.appendUnchecked(0x20)
            pendingSpace = false
        }
        CaseFolding.appendFolded(scalar, to: &sink)
        hasOutput = true
    }

    consuming func makeString() -> String {
        sink.makeString()
    }
}
