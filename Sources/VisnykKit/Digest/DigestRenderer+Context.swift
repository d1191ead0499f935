import Foundation

/// The values the templates see (the bundled HTML template lists them in its first comment).
/// Dictionaries, not structs: swift-mustache reads them without reflection. A key is left out
/// rather than set to an empty value, and every `has…` flag is a Bool, so `{{#key}}` sections
/// work as a template writer expects.
extension DigestRenderer {
    static func context(for content: DigestContent) -> [String: Any] {
        let clock = DigestLocalTime(timeZone: content.timeZone, now: content.generatedAt)
        let omitted = content.groups.reduce(0) { $0 + $1.omitted }
        let count = content.articleCount + omitted
        let sourceNames = content.groups.map { DigestLine.oneLine($0.source) }
        let problems = content.problems.map { problemContext($0, clock: clock) }
        var context: [String: Any] = [
            "name": DigestLine.oneLine(content.digest),
            "date": clock.day(content.generatedAt),
            "longDate": clock.longDay(content.generatedAt),
            "generatedAt": clock.stamp(content.generatedAt),
            "count": count,
            "shown": content.articleCount,
            "omitted": omitted,
            "sources": content.sourceCount,
            "sourceNames": sourceNames.joined(separator: ", "),
            "summary": summary(articles: count, sources: content.sourceCount),
            "isEmpty": content.isEmpty,
            "groups": content.groups.map { groupContext($0, clock: clock) },
            "hasProblems": !problems.isEmpty,
            "problems": problems,
            "version": VisnykVersion.current,
        ]
        if let since = content.since { context["since"] = clock.stamp(since) }
        return context
    }

    /// "42 new articles from 7 sources", "1 new article from 1 source", "No new articles".
    static func summary(articles: Int, sources: Int) -> String {
        guard articles > 0 else { return "No new articles" }
        return "\(articles) new \(articles == 1 ? "article" : "articles") from \(sources) \(sources == 1 ? "source" : "sources")"
    }

    /// The link when it is an absolute http(s) URL with a host and without white space or
    /// controls (as the collector keeps them; checked again because the HTML depends on it),
    /// at most 8 KiB; nil otherwise, and the title is shown unlinked.
    static func safeLink(_ link: String?) -> String? {
        guard let link, link.utf8.count <= 8192 else { return nil }
        return DigestText.webLink(link)
    }

    private static func groupContext(_ group: DigestSourceGroup, clock: DigestLocalTime) -> [String: Any] {
        let source = DigestLine.oneLine(group.source)
        var context: [String: Any] = [
            "source": source,
            "rule": String(repeating: "-", count: min(max(source.count, 3), 72)),
            "count": group.articles.count + group.omitted,
            "articles": group.articles.map { articleContext($0, clock: clock) },
            "omitted": group.omitted,
            "hasOmitted": group.omitted > 0,
        ]
        if group.omitted > 0 {
            context["omittedText"] = "\(group.omitted) more from \(source)"
        }
        return context
    }

    private static func articleContext(_ article: DigestArticle, clock: DigestLocalTime) -> [String: Any] {
        let date = article.published ?? article.spooledAt
        let link = safeLink(article.link)
        let excerpt = DigestLine.oneLine(article.excerpt)
        let alsoIn = article.alsoIn.map(DigestLine.oneLine).filter { !$0.isEmpty }
        var context: [String: Any] = [
            "title": DigestLine.oneLine(article.title),
            "source": DigestLine.oneLine(article.source),
            "time": clock.articleTime(date),
            "timestamp": clock.stamp(date),
            "hasLink": link != nil,
            "hasExcerpt": !excerpt.isEmpty,
            "hasAlsoIn": !alsoIn.isEmpty,
        ]
        if let link { context["link"] = link }
        if !excerpt.isEmpty { context["excerpt"] = excerpt }
        if !alsoIn.isEmpty { context["alsoIn"] = alsoIn.joined(separator: ", ") }
        return context
    }

    private static func problemContext(_ problem: DigestSourceProblem, clock: DigestLocalTime) -> [String: Any] {
        let status: String
        if problem.retired {
            status = "retired, no longer polled"
        } else if let since = problem.since {
            status = "failing since \(clock.stamp(since))"
        } else {
            status = "failing"
        }
        var context: [String: Any] = [
            "source": DigestLine.oneLine(problem.source),
            "retired": problem.retired,
            "status": status,
        ]
        let reason = DigestLine.oneLine(problem.reason)
        if !reason.isEmpty { context["reason"] = reason }
        if let since = problem.since { context["failingSince"] = clock.stamp(since) }
        return context
    }
}
