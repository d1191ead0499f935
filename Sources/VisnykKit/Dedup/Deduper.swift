import Foundation

/// Spools each article once: the dedup stage and the spool writer, bound by the state store.
///
/// The crash-safe protocol, per feed (a batch of its entries):
/// 1. Key each entry by (scope, content hash), scope "" for dedup = "global", else the source
///    name; an entry whose hash already came earlier in the same feed is skipped (counted once).
/// 2. Look every key up in `seen`, and every (source, entry id) in `entries`. A key already
///    seen is a duplicate: the source is noted as a carrier (when it is not the one that spooled
///    it) and nothing is written to the spool. A key not seen is new, or an update when the
///    entry's identity was known with another hash.
/// 3. For each new or updated entry: create tmp/<final name> exclusively (O_EXCL), make sure
///    the name is not already delivered or recorded (else the next second's name is tried),
///    write the whole file and fsync it.
/// 4. ONE SQLite transaction (synchronous = FULL) records every such hash with its spool file
///    name, the entry identities, and the carriers; it commits.
/// 5. Rename each recorded file from tmp/ into new/, then fsync new/ once. A file whose key
///    another writer recorded first (a race between two polls) is deleted from tmp/ instead.
///
/// A crash before 4 leaves only unrecorded files in tmp/: `recover()` deletes them, and the
/// articles come again with the next fetch (the scheduler saves the source's validators only
/// after `accept` returns). A crash after 4 leaves recorded files in tmp/ (or renames that were
/// not yet durable, which reappear in tmp/): `recover()` finishes their renames. Since a file
/// enters new/ only after its hash is committed, and a committed hash is never spooled again,
/// no article is lost or duplicated, and new/ never holds a partial file.
public struct Deduper: Sendable {
    public let store: any StateBackend
    public let spool: SpoolWriter
    public let nearDuplicates: NearDuplicateMode
    public let nearDuplicateStorage: NearDuplicateStorage
    let fingerprinter: NearDuplicateFingerprinter

    /// A sighting refreshes `lastSeen` at most this often, so that retention forgets only
    /// articles gone from every feed, without a write per entry per poll.
    static let touchInterval: Int64 = 86_400

    public init(store: any StateBackend, spool: SpoolWriter, nearDuplicates: NearDuplicateMode = .mark,
                nearDuplicateStorage: NearDuplicateStorage = NearDuplicateStorage()) {
        self.store = store
        self.spool = spool
        self.nearDuplicates = nearDuplicates
        self.nearDuplicateStorage = nearDuplicateStorage
        fingerprinter = NearDuplicateFingerprinter(settings: nearDuplicateStorage.settings)
    }

    public func accept(_ feed: ParsedFeed, from source: ArticleSource, fetchedAt: Date) throws -> AcceptOutcome {
        var hashesInFeed = Set<Data>()
        var entries: [Entry] = []
        var queries: [SeenQuery] = []
        for entry in feed.entries {
            guard let hash = ContentHash.digestBytes(entry.contentHash) else {
                throw DedupError(source: source.name, entryID: entry.id,
                                 problem: "its content hash \"\(entry.contentHash)\" is not sha256: and 64 hex digits")
            }
            guard hashesInFeed.insert(hash).inserted else { continue }
            entries.append(entry)
            queries.append(source.seenQuery(entry, hash: hash))
        }
        let lookups = try store.lookUp(queries)
        // Also under the hash before learned boilerplate was removed (Deduper+FormerHash).
        let formers = try formerMatches(of: entries, queries: queries, lookups: lookups)

        let now = Int64(fetchedAt.timeIntervalSince1970.rounded(.down))
        var outcome = AcceptOutcome()
        var sightings: [Sighting] = []
        var pending: [(index: Int, updates: String?)] = []
        for (index, lookup) in lookups.enumerated() {
            let query = formers[index]?.query ?? queries[index]
            let lookup = formers[index]?.lookup ?? lookup
            let identityChanged = lookup.identityHash != query.key.hash
            if let owner = lookup.owner {
                outcome.duplicates += 1
                let sighting = Sighting(query: query, addCarrier: owner != source.name && !lookup.isCarrier,
                                        touch: (lookup.lastSeen ?? 0) + Self.touchInterval <= now,
                                        updateIdentity: identityChanged)
                if sighting.needsWrite { sightings.append(sighting) }
            } else {
                pending.append((index, lookup.identityHash.map(ContentHash.string(digestBytes:))))
            }
        }

        let near = try judgeNearDuplicates(pending.filter { $0.updates == nil }.map(\.index), entries: entries,
                                           queries: queries, source: source, fetchedAt: fetchedAt)
        pending.removeAll { near.droppedIndices.contains($0.index) }

        var records: [SpoolRecord] = []
        do {
            for (index, updates) in pending {
                let document = SpoolDocument(entry: entries[index], feed: feed.feed, source: source.name,
                                             fetchedAt: fetchedAt, updates: updates, scope: source.scopeKey,
                                             sameStoryAs: near.sameStoryAs[index].map(ContentHash.string(digestBytes:)))
                let name = try writeTemporary(document, seconds: now)
                records.append(SpoolRecord(query: queries[index], fileName: name,
                                           queueItem: updates == nil ? QueueItem(entries[index], sameStoryAs: near.sameStoryAs[index]) : nil,
                                           nearDuplicateItem: near.items[index]))
            }
        } catch {
            // Nothing is recorded yet: the files are not wanted (the articles come again).
            for record in records { spool.removeTemporary(record.fileName) }
            throw error
        }
        try recordAliases(of: formers)
        outcome.nearDuplicates = near.count
        if records.isEmpty && sightings.isEmpty && near.dropped.isEmpty { return outcome }
        // Should the transaction fail, the files stay in tmp/: in the rare I/O failures where
        // SQLite cannot tell whether the commit reached the disk, recover() decides by the state.
        let recorded = try store.record(records, sightings: sightings, dropped: near.dropped,
                                        nearDuplicates: nearDuplicateStorage, at: fetchedAt)
        for (position, record) in records.enumerated() {
            if recorded[position] {
                try spool.publish(record.fileName)
                outcome.files.append(record.fileName)
                if pending[position].updates == nil { outcome.new += 1 } else { outcome.updates += 1 }
            } else {
                spool.removeTemporary(record.fileName)
                outcome.duplicates += 1
            }
        }
        if !outcome.files.isEmpty { try spool.syncNew() }
        return outcome
    }

    /// Writes `document` to tmp/ under a name that no other file has or had: the name of its
    /// second, else of the next free second (the same article spooled twice in one second,
    /// once per dedup scope, or by two racing polls).
    private func writeTemporary(_ document: SpoolDocument, seconds: Int64) throws -> String {
        var seconds = seconds
        for _ in 0..<64 {
            let name = spool.fileName(seconds: seconds, contentHash: document.entry.contentHash)
            seconds += 1
            guard let file = try spool.createTemporary(name) else { continue }
            if try spool.isDelivered(name) || store.isSpoolFileRecorded(name) {
                file.abandon()
                continue
            }
            try file.finish(document.bytes(format: spool.format, domain: spool.mailDomain))
            return name
        }
        throw DedupError(source: document.source, entryID: document.entry.id,
                         problem: "64 spool file names in a row are taken in \(spool.directory)")
    }
}
