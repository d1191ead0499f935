/// Writes case-folded scalars into one buffer as segments (a title, then a text), collapsing
/// runs of white space to one space and trimming both ends of each segment.
///
/// A space is written as soon as it is seen, unless the segment is still empty or already ends
/// with one; `endSegment` takes back a trailing one. Folded non-space scalars never contain
/// the byte 0x20, so "ends with a space" is read from the bytes themselves, and going back to
/// a checkpoint needs nothing but a byte count.
struct FoldedTextWriter: ~Copyable {
    /// The output. Bulk writers may write into it directly (see `UTF8Sink`).
    var sink: UTF8Sink
    private(set) var segmentStart = 0

    init(capacity: Int) {
        sink = UTF8Sink(capacity: capacity)
    }

    /// Starts a segment at the current end: white space at its start is dropped.
    mutating func beginSegment() {
        segmentStart = sink.count
    }

    /// Ends the segment: drops its trailing space, if any.
    mutating func endSegment() {
        if sink.count > segmentStart, sink.base[sink.count - 1] == 0x20 {
            sink.truncate(to: sink.count - 1)
        }
    }

    /// The writer's state, to go back to when a stretch must be rewritten: the byte count.
    var checkpoint: Int { sink.count }

    mutating func restore(_ checkpoint: Int) {
        sink.truncate(to: max(checkpoint, segmentStart))
    }

    /// Whether white space seen now is written: the segment has output not ending in a space.
    @inline(__always)
    var writesSpace: Bool {
        sink.count > segmentStart && sink.base[sink.count - 1] != 0x20
    }

    @inline(__always)
    mutating func space() {
        if writesSpace {
            sink.reserve(1)
            sink.appendUnchecked(0x20)
        }
    }

    /// Appends an ASCII byte that is already in folded form (not white space).
    @inline(__always)
    mutating func appendFoldedASCII(_ byte: UInt8) {
        sink.reserve(1)
        sink.appendUnchecked(byte)
    }

    /// Appends the case folding of `scalar`, which is not white space.
    @inline(__always)
    mutating func appendFolding(_ scalar: UInt32) {
        CaseFolding.appendFolded(scalar, to: &sink)
    }

    /// Appends bytes outside any normalization (separators, links).
    mutating func appendVerbatim(_ bytes: UnsafeBufferPointer<UInt8>) {
        sink.append(bytes)
    }

    consuming func makeString() -> String {
        sink.makeString()
    }
}
