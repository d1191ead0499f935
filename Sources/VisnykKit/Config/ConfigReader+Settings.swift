import TOMLKit

extension ConfigReader {
    private static func durationKey(_ key: String) -> WritableKeyPath<VisnykConfig, Duration>? {
        switch key {
        case "interval": \.interval
        case "min_interval": \.minInterval
        case "timeout": \.timeout
        case "connect_timeout": \.connectTimeout
        case "retention": \.retention
        case "max_backoff": \.maxBackoff
        default: nil
        }
    }
    /// More transfers than this would only exhaust file descriptors.
    static let concurrencyRange = 1...1024

    /// The whole document: global settings first, then the sources (which need min_interval),
    /// then [mail] and the digests (which name sources and tags).
    mutating func read(_ root: TOMLTable, path: String) -> VisnykConfig {
        var config = VisnykConfig(path: path)
        var sources: (any TOMLValueConvertible)?
        var digests: (any TOMLValueConvertible)?
        var mail: (any TOMLValueConvertible)?
        for key in root.keys {
            guard let value = root[key] else { continue }
            let at: [TOMLPathComponent] = [.key(key)]
            if let keyPath = Self.durationKey(key) {
                if let duration = duration(value, at: at) { config[keyPath: keyPath] = duration }
                continue
            }
            switch key {
            case "state_dir":
                if let directory = self.path(value, at: at) { config.stateDir = directory }
            case "spool_dir":
                if let directory = self.path(value, at: at) { config.spoolDir = directory }
            case "spool_format":
                if let format: SpoolFormat = choice(value, at: at, example: "\"json\"", problem: { text in
                    "\"\(text)\" is not a spool format: write \"json\" or \"eml\""
                }) { config.spoolFormat = format }
            case "near_duplicates":
                if let mode: NearDuplicateMode = choice(value, at: at, example: "\"mark\"", problem: { text in
                    "\"\(text)\" is not a near-duplicate mode: write \"mark\" (spool a later telling of a story with "
                        + "sameStoryAs), \"drop\" (do not spool it) or \"off\""
                }) { config.nearDuplicates = mode }
            case "user_agent_url":
                if let url = contactURL(value, at: at) { config.userAgentURL = url }
            case "concurrency":
                if let number = count(value, at: at, range: Self.concurrencyRange) { config.concurrency = number }
            case "per_host":
                if let number = count(value, at: at, range: Self.concurrencyRange) { config.perHost = number }
            case "max_download_size":
                if let size = downloadSize(value, at: at) { config.maxDownloadSize = size }
            case "metrics":
                config.metrics = metricsAddress(value, at: at)
            case "ca_file":
                if let file = self.path(value, at: at) { config.caFile = file }
            case "allow_private_networks":
                if let allow = bool(value, at: at) { config.allowPrivateNetworks = allow }
            case "source":
                sources = value
            case "digest":
                digests = value
            case "mail":
                mail = value
            case "state":
                config.state = readState(value)
            default:
                let owner = ConfigKeys.owner(of: key)
                unknown(key, at: at, known: ConfigKeys.global, later: ConfigKeys.laterGlobal,
                        elsewhere: owner == nil ? [] : [key], elsewhereHint: owner ?? "")
            }
        }
        if config.interval < config.minInterval, root["interval"] != nil {
            report([.key("interval")], "\(DurationText.format(config.interval)) is shorter than min_interval (\(DurationText.format(config.minInterval))): lengthen interval, or lower min_interval")
        }
        if let sources {
            config.sources = readSources(sources, minInterval: config.minInterval)
        }
        if let mail {
            config.mail = readMail(mail)
        }
        if let digests {
            config.digests = readDigests(digests, sources: ConfiguredSources(root["source"]), hasMail: mail != nil)
        }
        return config
    }

    private mutating func contactURL(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> String? {
        guard let text = string(value, at: path, example: "\"https://example.org/visnyk\"") else { return nil }
        if text.lowercased().hasPrefix("mailto:"), text.count > "mailto:".count, !text.contains(where: \.isWhitespace) {
            return text
        }
        if let problem = ConfigURL.problem(with: text) {
            report(path, "\(problem); the contact URL is a web page (or mailto:) where server operators can reach you")
            return nil
        }
        return text
    }

    private mutating func downloadSize(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> Int? {
        guard let size = byteSize(value, at: path) else { return nil }
        let limit = FeedParser.maximumDocumentSize
        guard size >= 1024, size <= limit else {
            report(path, "\(ByteSizeText.format(size)) is out of range: use a size from 1KiB to \(limit >> 20)MiB (the parser refuses larger documents)")
            return nil
        }
        return size
    }

    /// `metrics = "127.0.0.1:9464"`, or `true` for that default; false or absent: off.
    private mutating func metricsAddress(_ value: any TOMLValueConvertible, at path: [TOMLPathComponent]) -> MetricsAddress? {
        if let on = value.bool {
            return on ? MetricsAddress(host: "127.0.0.1", port: MetricsAddress.defaultPort) : nil
        }
        guard let text = string(value, at: path, example: "\"127.0.0.1:9464\"") else { return nil }
        switch MetricsAddress.parse(text) {
        case .success(let address):
            return address
        case .failure(.badPort):
            report(path, "\"\(text)\" has no valid port: write an address and a port from 1 to 65535, like \"127.0.0.1:9464\"")
        case .failure(.notAnAddress):
            report(path, "\"\(text)\" is not an IP address and port: write like \"127.0.0.1:9464\" (this machine only), \"[::1]:9464\", or \"0.0.0.0:9464\" to let other machines scrape it")
        }
        return nil
    }
}
