import Foundation
import Testing
@testable import VisnykKit

/// The digest timer and deliverer end to end on an injected clock: a real state and spool
/// (articles spooled by the real Deduper), aiosmtpd on 127.0.0.1 with STARTTLS and AUTH, and
/// every delivered message read back by Python's `email` package.
@Suite struct DigestTimerTests {
    static let login = (user: "visnyk", password: "correct horse")

    /// 2026-11-27 10:00 in Kyiv (EET, +02:00), and the digest's 07:30 of the days after.
    static let start = utc(2026, 11, 27, 8, 0)
    static func slot(day: Int) -> Date { utc(2026, 11, day, 5, 30) }

    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    func harness(port: Int, caFile: String?) throws -> DigestHarness {
        var harness = try DigestHarness(sources: [makeSource("Alpha"), makeSource("Beta")])
        harness.config.digests = [DigestConfig(
            name: "morning", to: ["Читач <reader@example.org>"], from: "Вісник <visnyk@example.org>",
            subject: "Новини за {{date}}: {{count}}", at: [DigestTime(hour: 7, minute: 30)], timezone: "Europe/Kyiv")]
        let passwordFile = harness.h.dir.appending("smtp-password")
        try Data((Self.login.password + "\n").utf8).write(to: URL(fileURLWithPath: passwordFile))
        harness.config.mail = MailConfig(transport: .smtp, url: "smtp://localhost:\(port)", username: Self.login.user,
                                         passwordFile: passwordFile, caFile: caFile, ehloName: "digest.test.example",
                                         timeout: .seconds(20))
        return harness
    }

    func spool(_ harness: DigestHarness, _ titles: [String], from source: String, at time: Date) throws {
        let entries = titles.map { title in
            makeDatedEntry(title, title: title, text: "\(title): текст статті.", link: "https://example.org/\(abs(title.hashValue))")
        }
        try harness.accept(entries, from: source, at: time)
    }

    /// How often each title stands as a line of its own (an article's heading) in the text
    /// part of a delivered message.
    func titleCounts(_ message: TestSMTPServer.Delivered, _ titles: [String]) throws -> [String: Int] {
        let checked = try CheckedMail(path: message.path)
        let lines = (checked.content("text/plain") ?? "").split(whereSeparator: \.isNewline).map(String.init)
        return Dictionary(uniqueKeysWithValues: titles.map { title in (title, lines.filter { $0 == title }.count) })
    }

    @Test func aServerDownAtTheScheduledTimeGetsTheDigestOnceWhenItIsBackWithEveryArticleOnce() async throws {
        let certificates = try TemporaryDirectory("visnyk-smtp-certificate")
        defer { certificates.remove() }
        let reserved = try TestSMTPServer(.starttls(auth: Self.login), tlsDirectory: certificates.path)
        let port = reserved.port
        let caFile = try #require(reserved.caFile)
        reserved.stop()
        let harness = try harness(port: port, caFile: caFile)
        defer { harness.remove() }
        let early = ["Львів: новий міст", "Київ: нічні поїзди", "Погода: весна"]
        try spool(harness, Array(early.prefix(2)), from: "Alpha", at: Self.start)
        try spool(harness, [early[2]], from: "Beta", at: Self.start)
        let timer = DigestTimer(deliverer: DigestDeliverer(config: harness.config, store: harness.store, environment: [:]))

        #expect(await timer.runDue(now: Self.start).isEmpty)
        // 07:30 the next morning, and nobody listens on the server's port.
        let scheduled = Self.slot(day: 28)
        let first = await timer.runDue(now: scheduled)
        guard case .failed(_, let retryAt)? = first.first?.attempt else {
            Issue.record("expected a failed attempt, got \(first)")
            return
        }
        #expect(retryAt == scheduled + 60)
        #expect(await timer.runDue(now: scheduled + 30).isEmpty)
        let late = "Одеса: порт працює"
        try spool(harness, [late], from: "Beta", at: scheduled + 40)
        let second = await timer.runDue(now: scheduled + 61)
        guard case .failed(_, let secondRetry)? = second.first?.attempt else {
            Issue.record("expected a second failed attempt, got \(second)")
            return
        }
        #expect(secondRetry == scheduled + 61 + 300)
        let state = try #require(try harness.store.digestState(named: "morning"))
        #expect(state.failures == 2 && state.failingSince == scheduled && state.lastDeliveredAt == nil)

        // The server is back, on the same port with the same certificate.
        let server = try TestSMTPServer(.starttls(auth: Self.login), port: port, tlsDirectory: certificates.path)
        defer { server.stop() }
        #expect(await timer.runDue(now: secondRetry - 1).isEmpty)
        let retried = await timer.runDue(now: secondRetry + 1)
        guard case .sent(_, let articles, let sources, _)? = retried.first?.attempt else {
            Issue.record("expected the digest to be sent, got \(retried)")
            return
        }
        #expect(articles == 4 && sources == 2)
        let delivered = try server.delivered()
        #expect(delivered.count == 1)
        let message = try #require(delivered.first)
        #expect(message.session.authenticated && message.session.tls)
        #expect(try titleCounts(message, early + [late]).values.allSatisfy { $0 == 1 })
        let checked = try CheckedMail(path: message.path)
        #expect(checked.subject == "Новини за 2026-11-28: 4")
        #expect(checked.max_line <= 998)

        // Nothing is sent twice: not on the next wake-up, not at the next slot with nothing new.
        let again = timer
        #expect(await again.runDue(now: secondRetry + 120).isEmpty)
        let quiet = await again.runDue(now: Self.slot(day: 29))
        #expect(quiet.first?.attempt == .nothingNew)
        let fresh = "Харків: відновили школу"
        try spool(harness, [fresh], from: "Alpha", at: Self.slot(day: 29) + 3_600)
        let next = await again.runDue(now: Self.slot(day: 30))
        guard case .sent(_, 1, 1, _)? = next.first?.attempt else {
            Issue.record("expected one new article sent, got \(next)")
            return
        }
        let all = try server.delivered()
        #expect(all.count == 2)
        let counts = try titleCounts(try #require(all.last(where: { $0.path != message.path })), early + [late, fresh])
        #expect(counts == Dictionary(uniqueKeysWithValues: (early + [late]).map { ($0, 0) } + [(fresh, 1)]))
        let final = try #require(try harness.store.digestState(named: "morning"))
        #expect(final.failures == 0 && final.lastError == nil && final.nextAttemptAt == nil && final.deliveries == 2)
    }

    @Test func aDaemonDownForThreeDaysSendsOneCatchUpDigest() async throws {
        let server = try TestSMTPServer(.starttls(auth: Self.login))
        defer { server.stop() }
        let harness = try harness(port: server.port, caFile: server.caFile)
        defer { harness.remove() }
        let timer = DigestTimer(deliverer: DigestDeliverer(config: harness.config, store: harness.store, environment: [:]))
        #expect(await timer.runDue(now: Self.start).isEmpty)
        try spool(harness, ["Стаття перша", "Стаття друга"], from: "Alpha", at: Self.start + 600)
        // Down from the 27th at noon until the 30th at 12:00 Kyiv: three 07:30s passed.
        let back = Self.utc(2026, 11, 30, 10, 0)
        let attempts = await timer.runDue(now: back)
        #expect(attempts.count == 1)
        guard case .sent(_, 2, 1, _)? = attempts.first?.attempt else {
            Issue.record("expected one catch-up digest, got \(attempts)")
            return
        }
        #expect(await timer.runDue(now: back + 60).isEmpty)
        #expect(try server.delivered().count == 1)
        #expect(await timer.nextWake(after: back + 60) == Self.utc(2026, 12, 1, 5, 30))
        let state = try #require(try harness.store.digestState(named: "morning"))
        #expect(state.lastSlot == Self.slot(day: 30))
    }
}
