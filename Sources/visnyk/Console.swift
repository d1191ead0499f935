import Foundation

/// stdout and stderr without `print`'s per-call overhead on large JSON documents.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func out(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            FileHandle.standardOutput.write(Data(buffer: buffer))
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("visnyk: " + text + "\n").utf8))
    }
}
