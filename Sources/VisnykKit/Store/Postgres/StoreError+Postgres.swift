import PostgresNIO

extension StoreError {
    /// Classifies what postgres-nio threw while working on the database at `url`.
    init(postgres error: any Error, url: String, connecting: Bool) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? PSQLError else {
            self.init(kind: connecting ? .unreachable : .other, path: url, detail: "\(error)")
            return
        }
        if let server = error.serverInfo {
            let state = server[.sqlState] ?? ""
            var detail = server[.message] ?? "error \(state)"
            if let more = server[.detail] { detail += " (\(more))" }
            detail += " [SQLSTATE \(state)]"
            let kind: Kind = switch state {
            case "40001", "40P01": .conflict
            case "28000", "28P01": .permissionDenied
            case "42501": .permissionDenied
            case "53100": .diskFull
            case "3D000", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006": .unreachable
            default: .other
            }
            self.init(kind: kind, path: url, detail: detail)
            return
        }
        let underlying = error.underlying.map { ": \($0)" } ?? ""
        let kind: Kind = switch error.code {
        case .connectionError, .serverClosedConnection, .sslUnsupported, .authMechanismRequiresPassword: .unreachable
        default: connecting ? .unreachable : .other
        }
        self.init(kind: kind, path: url, detail: "\(error.code)\(underlying)")
    }

    /// Two nodes wrote the same rows at once: the transaction can simply run again.
    var isRetryableConflict: Bool { kind == .conflict }
}
