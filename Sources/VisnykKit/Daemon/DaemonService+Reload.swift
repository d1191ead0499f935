import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

extension DaemonService {
    /// Waits for SIGHUP and reloads the config each time, until the task is cancelled.
    func handleReloads() async {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            notifier.reloading()
            await reload()
            notifier.ready(status: nil)
        }
    }

    func reload() async {
        let config: VisnykConfig
        do {
            config = try ConfigLoader.load(path: configPath)
        } catch {
            logger.error("reload refused, the running configuration stays: \(error)")
            return
        }
        do {
            let restartOnly = try await daemon.scheduler.apply(config, poller: daemon.poller(for: config))
            await daemon.digestTimer.apply(DigestDeliverer(config: config, store: daemon.store))
            if let problem = await daemon.digestTimer.transportProblem {
                logger.error("digests cannot be delivered until this is fixed: \(problem)")
            }
            logger.notice("reloaded \(configPath): \(config.sources.filter(\.enabled).count) sources")
            if !restartOnly.isEmpty {
                logger.warning("changes to \(restartOnly.joined(separator: ", ")) apply after a restart (systemctl restart visnyk)")
            }
        } catch {
            logger.error("reload failed, the running configuration stays: \(error)")
        }
    }
}
