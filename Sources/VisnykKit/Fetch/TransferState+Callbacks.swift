import CCurl

extension TransferState {
    /// `CURLOPT_WRITEFUNCTION`: returning less than it was given makes libcurl abort the
    /// transfer with `CURLE_WRITE_ERROR`, which is how the size cap stops compressed or chunked
    /// bodies that announced no (or a false) Content-Length.
    static let writeCallback: visnyk_write_fn = { data, size, count, userdata in
        guard let userdata else { return 0 }
        let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
        let total = size * count
        guard total > 0, let data else { return total }
        return state.append(UnsafeRawBufferPointer(start: data, count: total)) ? total : 0
    }

    /// `CURLOPT_HEADERFUNCTION`: libcurl hands over one complete header line per call,
    /// including status lines of every redirect hop and the blank line that ends each block.
    static let headerCallback: visnyk_write_fn = { data, size, count, userdata in
        guard let userdata else { return 0 }
        let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
        let total = size * count
        guard total > 0, let data else { return total }
        state.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: total).bindMemory(to: UInt8.self))
        return total
    }
}
