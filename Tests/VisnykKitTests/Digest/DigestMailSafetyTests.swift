import Foundation
import Testing
@testable import VisnykKit

/// Issue 6, "Mail safety": header injection through titles, source names and subjects, and a
/// feed smuggling styles, a refresh, tracking pixels, scripts and javascript: links into the
/// digest — through the real parser, Deduper, spool, renderer, MIME composer and maildir, and
/// read back by Python's `email` package.
@Suite struct DigestMailSafetyTests {
    static let smugglingFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Стрічка</title><link>https://evil.example.org/</link>
        <item><guid>s1</guid><title>Заголовок&#13;&#10;Bcc: victim@example.org&#13;&#10;X-Injected: yes</title>
          <link>https://evil.example.org/1</link>
          <description><![CDATA[<style>body{display:none} .x{background:url(https://tracker.example.org/css.gif)}</style>
          <meta http-equiv="refresh" content="0;url=https://evil.example.org/phish">
          <link rel="stylesheet" href="https://evil.example.org/x.css"><base href="https://evil.example.org/">
          <p>Текст новини про міст.<img src="https://tracker.example.org/pixel.gif?u=42" width="1" height="1" alt="">
          <a href=" jAvAsCrIpT:alert(1)">посилання</a> <a href="vbscript:msgbox(2)">ще</a>
          <form action="https://evil.example.org/steal"><input name="password"></form></p>]]></description></item>
        </channel></rss>
        """

    @Test func noHeaderInjectionAndNothingSmuggledIntoTheDigest() async throws {
        let source = "Київ\r\nBcc: victim2@example.org"
        var harness = try DigestHarness(sources: [makeSource(source)])
        defer { harness.remove() }
        let feed = try FeedParser.parse(Array(Self.smugglingFeed.utf8), options: ParseOptions(baseURL: "https://evil.example.org/"))
        _ = try harness.h.deduper.accept(feed, from: ArticleSource(name: source, dedup: .global), fetchedAt: sampleFetchTime)
        var digest = makeDigest()
        // A subject that carries feed text and source names into the header.
        digest.subject = "{{name}}\r\nBcc: victim3@example.org: {{sourceNames}} {{#groups}}{{#articles}}{{title}}{{/articles}}{{/groups}}"
        harness.config.digests = [digest]
        let maildir = harness.h.dir.appending("mail")
        harness.config.mail = MailConfig(transport: .maildir, maildir: maildir)
        let deliverer = DigestDeliverer(config: harness.config, store: harness.store, environment: [:])
        guard case .sent = try await deliverer.deliver(digest, slot: nil, now: sampleFetchTime + 60) else {
            Issue.record("the digest was not sent")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: maildir + "/new")
        #expect(files.count == 1)
        let checked = try CheckedMail(path: maildir + "/new/" + (files.first ?? ""))
        #expect(checked.defects.isEmpty)
        // One Subject, one To, and no header the feed, the source name or the template wrote.
        let names = checked.header_names.map { $0.lowercased() }
        #expect(!names.contains("bcc") && !names.contains("x-injected"), "\(names)")
        #expect(names.filter { $0 == "subject" }.count == 1 && names.filter { $0 == "to" }.count == 1)
        #expect(checked.to.map { $0[1] } == ["reader@example.org"])
        #expect(!checked.subject.contains("\r") && !checked.subject.contains("\n"))
        #expect(checked.subject.contains("Bcc: victim@example.org"), "the injected text stays, harmless, in the subject")

        let html = try #require(checked.content("text/html")).lowercased()
        for smuggled in ["tracker.example.org", "pixel.gif", "http-equiv", "refresh", "evil.example.org/x.css",
                         "<base", "display:none", "<form", "<input", "javascript:", "vbscript:", "<img"] {
            #expect(!html.contains(smuggled), "the HTML part contains \(smuggled)")
        }
        // The digest's own stylesheet is the only <style>, and it is the bundled one.
        #expect(html.components(separatedBy: "<style").count <= 2)
        #expect(html.contains("текст новини про міст."))
        let text = try #require(checked.content("text/plain"))
        #expect(!text.contains("tracker.example.org") && !text.lowercased().contains("javascript:"))
    }
}
