import Foundation
import Testing
@testable import VisnykKit

/// A hostile feed through the whole pipeline — the real parser, sanitizer, Deduper and spool —
/// into a digest sent over SMTP (aiosmtpd, STARTTLS, AUTH) and read back by Python's `email`:
/// nothing a feed carries may become script, an event handler or a javascript: link.
@Suite struct DigestDeliveryTests {
    static let hostileFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Ворожа стрічка</title><link>https://evil.example.org/</link>
        <description>test</description>
        <item><guid>a1</guid><title>&lt;script&gt;alert(1)&lt;/script&gt;Новина дня</title>
          <link>javascript:alert(document.cookie)</link>
          <description><![CDATA[<p onclick="steal()">Текст новини <script>alert(2)</script>
          <img src="x" onerror="alert(3)"> <a href="javascript:alert(4)">посилання</a></p>]]></description></item>
        <item><guid>a2</guid><title>Друга новина" onmouseover="alert(5)</title>
          <link>https://evil.example.org/2?q=&lt;b&gt;</link>
          <description><![CDATA[<svg onload="alert(6)"><p>Звичайний текст.</p></svg><iframe src="javascript:alert(7)"></iframe>]]></description></item>
        </channel></rss>
        """

    @Test func aHostileFeedCannotPutScriptIntoTheDeliveredDigest() async throws {
        let login = (user: "visnyk", password: "correct horse")
        let server = try TestSMTPServer(.starttls(auth: login))
        defer { server.stop() }
        var harness = try DigestHarness(sources: [makeSource("Ворожа")])
        defer { harness.remove() }
        let feed = try FeedParser.parse(Array(Self.hostileFeed.utf8), options: ParseOptions(baseURL: "https://evil.example.org/"))
        _ = try harness.h.deduper.accept(feed, from: ArticleSource(name: "Ворожа", dedup: .global), fetchedAt: sampleFetchTime)
        harness.config.digests = [makeDigest()]
        let passwordFile = harness.h.dir.appending("password")
        try Data(login.password.utf8).write(to: URL(fileURLWithPath: passwordFile))
        harness.config.mail = MailConfig(transport: .smtp, url: "smtp://localhost:\(server.port)", username: login.user,
                                         passwordFile: passwordFile, caFile: server.caFile, ehloName: "digest.test.example")
        let deliverer = DigestDeliverer(config: harness.config, store: harness.store, environment: [:])
        // A new digest covers what was spooled since its latest 07:30 before now.
        let attempt = try await deliverer.deliver(makeDigest(), slot: nil, now: sampleFetchTime + 60)
        guard case .sent(_, 2, 1, _) = attempt else {
            Issue.record("expected both articles sent, got \(attempt)")
            return
        }
        let message = try #require(try server.delivered().first)
        #expect(message.session.authenticated)
        let checked = try CheckedMail(path: message.path)
        #expect(checked.parts.map(\.type) == ["text/plain", "text/html"])
        #expect(checked.defects.isEmpty && checked.max_line <= 998)
        let html = try #require(checked.content("text/html")).lowercased()
        for forbidden in ["<script", "javascript:", "<iframe", "<svg", "<img"] {
            #expect(!html.contains(forbidden), "the HTML part contains \(forbidden)")
        }
        // An event handler is an attribute: on…= (the words may stay as escaped text, "on…&#61;").
        #expect(html.firstMatch(of: /[\s"'\/]on[a-z]+\s*=/) == nil)
        #expect(html.contains("друга новина&quot; onmouseover&#61;&quot;alert(5)"), "the hostile title is shown as text")
        let text = try #require(checked.content("text/plain"))
        #expect(text.contains("Новина дня") && text.contains("Друга новина"))
        #expect(!text.contains("javascript:"), "a javascript: link is never shown as the article's link")
    }

    @Test func aDeliveryInAnotherProcessMakesThisOneWaitWithoutRecordingAnything() async throws {
        var harness = try DigestHarness(sources: [makeSource("Alpha")])
        defer { harness.remove() }
        try harness.accept([makeDatedEntry("a", title: "Новина", text: "Текст.")], from: "Alpha")
        harness.config.digests = [makeDigest()]
        harness.config.mail = MailConfig(transport: .maildir, maildir: harness.h.dir.appending("mail"))
        let deliverer = DigestDeliverer(config: harness.config, store: harness.store, environment: [:])
        var held = try DigestLock.acquire(stateDirectory: harness.config.stateDir)
        #expect(try await deliverer.deliver(makeDigest(), slot: nil, now: sampleFetchTime + 60) == .busy)
        #expect(try harness.store.digestState(named: "morning") == nil)
        #expect(held != nil)
        held = nil
        guard case .sent(_, 1, 1, _) = try await deliverer.deliver(makeDigest(), slot: nil, now: sampleFetchTime + 60) else {
            Issue.record("expected the digest sent once the lock is free")
            return
        }
    }
}
