extension Scheduler {
    /// Polls the named sources (all enabled ones when `names` is empty) once, now, whatever
    /// their next poll time, at most `concurrency` at a time; reports arrive in completion order.
    /// Retired sources are skipped unless named. The returned reports leave out the spool file
    /// names of the accepted articles (`onReport` saw them): 10,000 reports would hold ~3 MB.
    public func pollOnce(_ names: [String] = []) async -> [PollReport] {
        if let names = try? poller.store.retiredSourceNames() { retired.formUnion(names) }
        let skipped = retired
        let chosen = names.isEmpty
            ? AnySequence(sources.lazy.filter { !skipped.contains($0.name) })
            : AnySequence(poller.config.sources.filter { names.contains($0.name) })
        var reports: [PollReport] = []
        reports.reserveCapacity(names.isEmpty ? max(0, sources.count - skipped.count) : names.count)
        let poller = self.poller
        let width = max(1, poller.config.concurrency)
        await withTaskGroup(of: PollReport.self) { group in
            var pending = PrefetchedSources(chosen.makeIterator(), store: poller.store)
            func start(_ next: PrefetchedSources<AnySequence<SourceConfig>.Iterator>.Element) {
                let source = next.source
                if let state = next.state {
                    group.addTask { await poller.poll(source, state: state) }
                } else {
                    group.addTask { await poller.poll(source) }
                }
            }
            for _ in 0..<width {
                guard let next = pending.next() else { break }
                start(next)
            }
            for await report in group {
                finish(report)
                reports.append(report.withoutFileNames)
                if let next = pending.next() { start(next) }
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

extension PollReport {
    var withoutFileNames: PollReport {
        guard case .fetched(var accepted) = outcome, !accepted.files.isEmpty else { return self }
        var report = self
        accepted.files = []
        report.outcome = .fetched(accepted)
        return report
    }
}
