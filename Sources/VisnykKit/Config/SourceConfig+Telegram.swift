extension SourceConfig {
    /// Telegram publishes no rate limits; scrapers that last poll a channel at most every
    /// 15 minutes (RSS-Bridge's cache time), so Visnyk does too.
    public static let telegramMinimumInterval: Duration = .seconds(15 * 60)

    /// The shortest time between two polls of this source.
    public func minimumInterval(global: Duration) -> Duration {
        guard case .telegram = location else { return global }
        return max(global, Self.telegramMinimumInterval)
    }
}
