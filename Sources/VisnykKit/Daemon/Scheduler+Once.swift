extension Scheduler {
    /// Polls the named sources (all enabled ones when `names` is empty) once, now, whatever
    /// their next poll time, at most `concurrency` at a time; reports arrive in completion order.
    /// Retired sources are skipped unless named.
    public func pollOnce(_ names: [String] = []) async -> [PollReport] {
        // All states in one query; should it fail, each poll reads its own and reports why.
        var states: [String: SourceState]?
        if let stored = try? poller.store.allSourceStates() {
            states = Dictionary(stored.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for state in stored where state.retired { retired.insert(state.name) }
        }
        let chosen = names.isEmpty
            ? sources.filter { !retired.contains($0.name) }
            : poller.config.sources.filter { names.contains($0.name) }
        var reports: [PollReport] = []
        reports.reserveCapacity(chosen.count)
        let poller = self.poller
        let width = max(1, poller.config.concurrency)
        await withTaskGroup(of: PollReport.self) { group in
            var pending = chosen.makeIterator()
            func start(_ source: SourceConfig) {
                guard states != nil else { return group.addTask { await poller.poll(source) } }
                let state = states?.removeValue(forKey: source.name) ?? SourceState(name: source.name)
                group.addTask { await poller.poll(source, state: state) }
            }
            for _ in 0..<width {
                guard let source = pending.next() else { break }
                start(source)
            }
            for await report in group {
                finish(report)
                reports.append(report)
                if let source = pending.next() { start(source) }
            }
        }
        do {
            try poller.store.flushStates()
        } catch {
            for index in reports.indices where poller.store.queuedState(named: reports[index].source) != nil {
                reports[index].outcome = .failed("the poll worked but its state could not be saved: \(error)")
            }
        }
        return reports
    }
}
