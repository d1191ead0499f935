extension VisnykConfig {
    /// A request as every fetch of the daemon makes it — feeds, Telegram pages, article pages:
    /// the User-Agent, timeout, size cap, private-network rule and CA file of the configuration.
    func fetchRequest(_ url: String, maxSize: Int? = nil, etag: String? = nil, lastModified: String? = nil) -> FetchRequest {
        var request = FetchRequest(url: url, userAgent: userAgent, timeout: timeout,
                                   maxSize: min(maxSize ?? maxDownloadSize, maxDownloadSize),
                                   etag: etag, lastModified: lastModified,
                                   allowsPrivateNetworks: allowPrivateNetworks)
        request.caFile = caFile
        return request
    }
}
