import Foundation

/// Reads a `file` source. Its "validator" is the file's modification time and size, so an
/// unchanged file counts as not modified instead of being parsed again.
struct FileSourceReader: Sendable {
    var maxSize: Int

    func read(_ path: String, previousStamp: String?) throws(PollFailure) -> FetchedDocument {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw PollFailure("cannot read \(path): \(String(cString: strerror(errno))); fix the `file` path in the config")
        }
        let stamp = "file:\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_size)"
        if stamp == previousStamp {
            return FetchedDocument(bytes: [], baseURL: nil, headers: [], lastModified: stamp, notModified: true)
        }
        guard Int(info.st_size) <= maxSize else {
            throw PollFailure("\(path) is \(info.st_size) bytes, more than max_download_size (\(maxSize)); raise max_download_size if the file is right")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PollFailure("cannot read \(path); check that it exists and is readable by visnyk")
        }
        guard data.count <= maxSize else {
            throw PollFailure("\(path) grew past max_download_size (\(maxSize) bytes) while being read")
        }
        return FetchedDocument(bytes: [UInt8](data), baseURL: nil, headers: [], lastModified: stamp, notModified: false)
    }
}
