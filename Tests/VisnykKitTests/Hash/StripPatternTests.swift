import Testing
@testable import VisnykKit

@Suite("StripPattern and Boilerplate")
struct StripPatternTests {
    @Test("a literal matches a line containing it, ignoring case, spacing and typography")
    func literal() throws {
        let pattern = try StripPattern("Читайте нас на Телеграм")
        #expect(pattern.matches(line: "    Читайте нас на Телеграм каналі https://t.me/leopolisnews"))
        #expect(pattern.matches(line: "ЧИТАЙТЕ\u{00A0}нас  на телеграм"))
        #expect(!pattern.matches(line: "Читайте нас у Фейсбуці"))
        let quoted = try StripPattern("«Новини» — щодня")
        #expect(quoted.matches(line: "Підписуйтесь: „НОВИНИ“ – щодня!"))
    }

    @Test("a /regex/ matches the line with its surrounding white space trimmed")
    func regex() throws {
        let pattern = try StripPattern("/^Читайте нас на Телеграм/")
        #expect(pattern.matches(line: "    Читайте нас на Телеграм каналі https://t.me/leopolisnews"))
        #expect(!pattern.matches(line: "Ви можете: Читайте нас на Телеграм"))
        #expect(!pattern.matches(line: "читайте нас на телеграм"))
        let insensitive = try StripPattern("/^читайте нас/i")
        #expect(insensitive.matches(line: "ЧИТАЙТЕ НАС на Телеграм"))
        let anchored = try StripPattern("/^Слідкуй за нами:$/")
        #expect(anchored.matches(line: "      Слідкуй за нами:  "))
    }

    @Test("slashes that do not enclose the pattern make a literal")
    func slashLiterals() throws {
        #expect(try StripPattern("/").matches(line: "a/b"))
        #expect(try StripPattern("/news").matches(line: "see /NEWS here"))
        #expect(try StripPattern("and/or").matches(line: "this and/or that"))
    }

    @Test("an invalid regex throws an error naming the pattern")
    func invalidRegex() {
        #expect {
            _ = try StripPattern("/[Телеграм(/")
        } throws: { error in
            guard let error = error as? StripPatternError else { return false }
            return error.pattern == "/[Телеграм(/" && error.description.contains("/[Телеграм(/")
                && error.description.contains("not a valid regular expression")
        }
    }

    @Test("empty patterns are rejected rather than removing every line", arguments: ["", "  ", "\u{200B}", "//", "//i"])
    func emptyPatterns(spec: String) {
        #expect(throws: StripPatternError.self) { _ = try StripPattern(spec) }
    }

    @Test("the leopolis boilerplate lines are removed, the rest kept in order")
    func leopolisBoilerplate() throws {
        let article = try Fixture.string("hash/leopolis-article.txt")
        let patterns = [try StripPattern("Не пропустіть важливе!"), try StripPattern("/^Читайте нас на Телеграм/")]
        let stripped = Boilerplate.removeLines(from: article, matching: patterns)
        #expect(!stripped.contains("Не пропустіть важливе!"))
        #expect(!stripped.contains("Читайте нас на Телеграм"))
        let originalLines = article.split(separator: "\n", omittingEmptySubsequences: false)
        let strippedLines = stripped.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(strippedLines.count == originalLines.count - 3)
        #expect(strippedLines == originalLines.filter {
            !$0.contains("Не пропустіть важливе!") && !$0.contains("Читайте нас на Телеграм")
        })
    }

    @Test("boilerplate removal makes the hash independent of the boilerplate")
    func hashIgnoresStrippedLines() throws {
        let article = try Fixture.string("hash/leopolis-article.txt")
        let patterns = [try StripPattern("Не пропустіть важливе!"), try StripPattern("/^Читайте нас на Телеграм/")]
        let changedBoilerplate = article.replacingOccurrences(
            of: "https://t.me/leopolisnews", with: "https://t.me/leopolis_news")
        #expect(ContentHash.compute(title: "t", text: Boilerplate.removeLines(from: article, matching: patterns), fallbackLink: nil)
                == ContentHash.compute(title: "t", text: Boilerplate.removeLines(from: changedBoilerplate, matching: patterns), fallbackLink: nil))
    }

    @Test("CRLF line endings split lines; no patterns leaves text untouched")
    func lineEndings() throws {
        let text = "keep\r\nНе пропустіть важливе!\r\nalso keep\n"
        let stripped = Boilerplate.removeLines(from: text, matching: [try StripPattern("не пропустіть ВАЖЛИВЕ")])
        #expect(stripped == "keep\r\nalso keep\n")
        #expect(Boilerplate.removeLines(from: text, matching: []) == text)
        let regexStripped = Boilerplate.removeLines(from: text, matching: [try StripPattern("/важливе!$/")])
        #expect(regexStripped == "keep\r\nalso keep\n")
    }
}
