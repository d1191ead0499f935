import Foundation

/// A fresh directory under the system temp directory for one test; removed by `remove()`
/// (call it in a `defer` right after creating the directory).
struct TemporaryDirectory {
    let path: String

    init(_ label: String = "visnyk-test") throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = base
    }

    func appending(_ component: String) -> String {
        (path as NSString).appendingPathComponent(component)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
