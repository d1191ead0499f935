extension Weekday {
    /// "mon" … "sun", as the config writes days.
    public var shortName: String {
        String(fullName.prefix(3))
    }

    public var fullName: String {
        switch self {
        case .sunday: "sunday"
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        }
    }

    /// "mon" or "monday", in any case; nil for anything else.
    init?(name: String) {
        let folded = name.lowercased()
        guard let day = Self.allCases.first(where: { $0.shortName == folded || $0.fullName == folded }) else {
            return nil
        }
        self = day
    }
}
