/// What libcurl's callbacks collect during one transfer: the body (capped) and the header
/// fields of the latest response. Reached from C through `Unmanaged` userdata and touched only
/// by the thread performing the transfer.
final class TransferState {
    let maxSize: Int
    private(set) var body: [UInt8] = []
    /// Set when the write callback refused bytes past `maxSize`.
    private(set) var exceededLimit = false
    /// Fields of the response being received; reset at each status line, so after redirects
    /// only the final response's fields remain.
    var headers: [(name: String, value: String)] = []
    /// The status of every non-informational response seen, redirect hops first.
    var statuses: [Int] = []

    init(maxSize: Int) {
        self.maxSize = max(0, maxSize)
    }

    /// Appends body bytes; false (and nothing appended) when they would pass the cap.
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count <= maxSize - body.count else {
            exceededLimit = true
            return false
        }
        body.append(contentsOf: bytes.bindMemory(to: UInt8.self))
        return true
    }

    /// The statuses of the redirects followed before the final response.
    var redirectStatuses: [Int] {
        statuses.dropLast().filter { (300..<400).contains($0) }
    }
}
