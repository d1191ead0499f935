import Foundation

/// Opens the state a config names: the SQLite file in `state_dir`, or the PostgreSQL database
/// of `[state]` (with its password from `password_file` or the systemd credential).
public enum StateBackends {
    public static func open(_ config: VisnykConfig,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> any StateBackend {
        switch config.state.backend {
        case .sqlite:
            return try StateStore(directory: config.stateDir)
        case .postgres:
            let password = try PostgresStateStore.password(for: config.state, environment: environment)
            return try PostgresStateStore(config: config.state, password: password)
        }
    }
}
