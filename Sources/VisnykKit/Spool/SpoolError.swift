import Foundation

/// A failure to write the spool, naming the file and saying what to do.
public struct SpoolError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What was being done, in words: "create the directory", "write", "rename into new/ ", …
    public var operation: String
    public var path: String
    /// The errno, 0 when none applies.
    public var code: Int32

    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String {
        var text = "Cannot \(operation) \(path)"
        if code != 0 { text += ": \(String(cString: strerror(code)))" }
        switch code {
        case ENOSPC, EDQUOT:
            text += ". Free some space on the disk holding spool_dir, then try again."
        case EACCES, EPERM, EROFS:
            text += ". Check the owner and permissions of spool_dir, or set spool_dir to a directory Visnyk may write."
        case ENOTDIR, EEXIST:
            text += ". spool_dir must be a directory holding only tmp/, new/ and cur/ directories."
        default:
            text += "."
        }
        return text
    }
}
