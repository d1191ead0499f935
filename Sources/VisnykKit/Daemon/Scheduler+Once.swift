extension Scheduler {
    /// Polls the named sources (all enabled ones when `names` is empty) once, now, whatever
    /// their next poll time, at most `concurrency` at a time; reports arrive in completion order.
    /// Retired sources are skipped unless named.
    public func pollOnce(_ names: [String] = []) async -> [PollReport] {
        if let states = try? poller.store.allSourceStates() {
            for state in states where state.retired { retired.insert(state.name) }
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
            for _ in 0..<width {
                guard let source = pending.next() else { break }
                group.addTask { await poller.poll(source) }
            }
            for await report in group {
                finish(report)
                reports.append(report)
                if let source = pending.next() { group.addTask { await poller.poll(source) } }
            }
        }
        return reports
    }
}
