import CCurl

/// libcurl's process-wide setup, done once on first use. `curl_global_init` is not safe to race
/// with itself, and a Swift `static let` is initialized exactly once, under a lock.
enum CurlGlobal {
    private static let initResult: UInt32 = curl_global_init(Int(CURL_GLOBAL_ALL)).rawValue

    /// Runs `curl_global_init` if nobody has yet; true when it succeeded.
    static func ensureInitialized() -> Bool {
        initResult == CURLE_OK.rawValue
    }
}
