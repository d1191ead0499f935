import CCurl

extension SMTPSession {
    static let readCallback: visnyk_read_fn = { buffer, size, count, userdata in
        guard let userdata, let buffer else { return Int(CURL_READFUNC_ABORT) }
        let session = Unmanaged<SMTPSession>.fromOpaque(userdata).takeUnretainedValue()
        return session.read(into: buffer, capacity: size * count)
    }

    static let debugCallback: visnyk_debug_fn = { _, type, data, size, userdata in
        guard let userdata, let data else { return 0 }
        let session = Unmanaged<SMTPSession>.fromOpaque(userdata).takeUnretainedValue()
        session.observe(type, UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }

    static let progressCallback: visnyk_xferinfo_fn = { userdata, _, _, _, _ in
        guard let userdata else { return 0 }
        return Unmanaged<SMTPSession>.fromOpaque(userdata).takeUnretainedValue().progress()
    }
}
