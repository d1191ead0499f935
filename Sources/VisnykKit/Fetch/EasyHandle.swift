import CCurl

/// The single owner of one libcurl easy handle (`CURL*`), cleaned up when this object goes.
///
/// Not `Sendable`: a handle is used by one thread at a time. The blocking fetch creates, performs
/// and drops it on the calling thread; a `curl_multi` driver keeps it on the driver's thread.
final class EasyHandle {
    /// `CURL` is `typedef void`, so `CURL*` imports as a raw pointer.
    let pointer: UnsafeMutableRawPointer

    /// Nil when libcurl cannot be initialized or `curl_easy_init` fails (out of memory).
    init?() {
        guard CurlGlobal.ensureInitialized(), let handle = curl_easy_init() else { return nil }
        pointer = handle
    }

    deinit {
        curl_easy_cleanup(pointer)
    }

    func set(_ option: CURLoption, _ value: Int) -> CURLcode {
        visnyk_easy_setopt_long(pointer, option, value)
    }

    func set(_ option: CURLoption, int64 value: Int64) -> CURLcode {
        visnyk_easy_setopt_int64(pointer, option, curl_off_t(value))
    }

    /// libcurl copies string options, so the C string need live only for this call.
    func set(_ option: CURLoption, _ value: String) -> CURLcode {
        visnyk_easy_setopt_str(pointer, option, value)
    }

    /// The pointee must outlive every transfer on this handle (or be replaced before it goes).
    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) -> CURLcode {
        visnyk_easy_setopt_ptr(pointer, option, value)
    }

    func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?) -> CURLcode {
        visnyk_easy_setopt_slist(pointer, option, list)
    }

    func set(_ option: CURLoption, function: visnyk_write_fn?) -> CURLcode {
        visnyk_easy_setopt_writefn(pointer, option, function)
    }

    /// Runs the transfer to its end on the calling thread.
    func perform() -> CURLcode {
        curl_easy_perform(pointer)
    }

    func long(_ info: CURLINFO) -> Int? {
        var value = 0
        return visnyk_easy_getinfo_long(pointer, info, &value) == CURLE_OK ? value : nil
    }

    func int64(_ info: CURLINFO) -> Int64? {
        var value: curl_off_t = 0
        return visnyk_easy_getinfo_int64(pointer, info, &value) == CURLE_OK ? Int64(value) : nil
    }

    func string(_ info: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard visnyk_easy_getinfo_str(pointer, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }
}
