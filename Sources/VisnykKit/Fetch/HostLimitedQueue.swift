/// Work waiting to run, released first come, first served under a limit on the total running
/// and a limit per host. An item whose host is full waits without holding back items for other
/// hosts; when its host frees a slot, it goes before anything that arrived after it.
///
/// Every operation is amortized O(1) in the number waiting (plus the number of hosts that have
/// a free slot and waiting items, which is small), so 10,000 feeds on one host queue cheaply.
struct HostLimitedQueue<Item> {
    struct Entry {
        let sequence: Int
        let host: String
        let item: Item
    }

    let totalLimit: Int
    let perHostLimit: Int
    private(set) var runningCount = 0
    private var running: [String: Int] = [:]
    /// Items never looked at yet, in arrival order; all newer than every item in `blocked`.
    private var fresh = FIFO<Entry>()
    /// Items passed over because their host was full, per host, oldest first.
    private var blocked: [String: FIFO<Entry>] = [:]
    /// Hosts with blocked items and a free slot.
    private var hostsWithRoom: Set<String> = []
    private var nextSequence = 0

    init(totalLimit: Int, perHostLimit: Int) {
        self.totalLimit = max(1, totalLimit)
        self.perHostLimit = max(1, perHostLimit)
    }

    /// New work, behind everything already waiting.
    mutating func enqueue(_ item: Item, host: String) -> Int {
        let sequence = nextSequence
        nextSequence += 1
        fresh.append(Entry(sequence: sequence, host: host, item: item))
        return sequence
    }

    /// Work that already waited its turn (a redirect's next hop, possibly to another host):
    /// it keeps its place ahead of everything that arrived after it.
    mutating func requeue(_ item: Item, host: String, sequence: Int) {
        blocked[host, default: FIFO()].insertInOrder(Entry(sequence: sequence, host: host, item: item)) { $0.sequence }
        if running[host, default: 0] < perHostLimit { hostsWithRoom.insert(host) }
    }

    /// The oldest live item that may start now, counted as running; nil when none may.
    /// Items for which `isLive` is false (cancelled while waiting) are dropped.
    mutating func next(isLive: (Item) -> Bool) -> Entry? {
        guard runningCount < totalLimit else { return nil }
        while let host = hostsWithRoom.min(by: { headSequence($0) < headSequence($1) }) {
            guard let entry = blocked[host]?.popFirst() else {
                hostsWithRoom.remove(host)
                continue
            }
            if blocked[host]?.isEmpty == true {
                blocked[host] = nil
                hostsWithRoom.remove(host)
            }
            if isLive(entry.item) { return start(entry) }
        }
        while let entry = fresh.popFirst() {
            guard isLive(entry.item) else { continue }
            if running[entry.host, default: 0] < perHostLimit { return start(entry) }
            blocked[entry.host, default: FIFO()].append(entry)
        }
        return nil
    }

    /// A running item ended (or moved on to another hop): its host's slot is free again.
    mutating func finished(host: String) {
        guard let count = running[host], count > 0 else { return }
        running[host] = count == 1 ? nil : count - 1
        runningCount -= 1
        if blocked[host] != nil { hostsWithRoom.insert(host) }
    }

    /// Every item still waiting, oldest first, and the queue emptied of them.
    mutating func removeAllWaiting() -> [Item] {
        var entries: [Entry] = []
        for (_, var queue) in blocked { while let entry = queue.popFirst() { entries.append(entry) } }
        while let entry = fresh.popFirst() { entries.append(entry) }
        blocked = [:]
        hostsWithRoom = []
        return entries.sorted { $0.sequence < $1.sequence }.map(\.item)
    }

    private mutating func start(_ entry: Entry) -> Entry {
        let count = running[entry.host, default: 0] + 1
        running[entry.host] = count
        runningCount += 1
        if count >= perHostLimit { hostsWithRoom.remove(entry.host) }
        return entry
    }

    private func headSequence(_ host: String) -> Int {
        blocked[host]?.first?.sequence ?? Int.max
    }
}
