@testable import VisnykKit

/// The texts inside the fixtures written by `Fixtures/encoding/make_fixtures.py`.
enum EncodingSamples {
    static let ukrainian = "Коаліція охочих та «Рамштайн»: Умєров розповів про підсумки зустрічі. Ґанок, їжак, Євген, Її."
    static let ukrainianPlain = ukrainian.replacingQuotes()
    static let ukrainianNoGhe = ukrainianPlain.replacing("Ґ", with: "Г").replacing("ґ", with: "г")
    static let russianPlain = "Коалиция желающих и \"Рамштайн\": Умеров рассказал об итогах встречи. Съешь же ещё этих мягких булок."
    static let russian = "Коалиция желающих и «Рамштайн»: Умеров рассказал об итогах встречи. Съешь же ещё этих мягких булок."
    static let french = "Le café de la Forêt: naïve Größe, élève, garçon — prix 5 €, œuvre."
    static let polish = "Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy."
    static let japanese = "日本語のニュース：東京で会議が開かれました。"
    static let chinese = "中文新闻：北京举行会议。"
    static let chineseTraditional = "中文新聞：台北舉行會議。"
    static let korean = "한국어 뉴스: 서울에서 회의가 열렸습니다."

    static func feed(_ text: String, encoding: String? = nil) -> String {
        let declaration = encoding.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>" } ?? "<?xml version=\"1.0\"?>"
        return "\(declaration)\n<rss version=\"2.0\"><channel><title>\(text)</title></channel></rss>\n"
    }

    static func decode(_ bytes: [UInt8], contentType: String? = nil) throws -> (text: String, document: DecodedDocument) {
        let document = try DocumentDecoder.decode(bytes, contentType: contentType)
        return (String(decoding: document.utf8, as: UTF8.self), document)
    }
}

extension String {
    func replacingQuotes() -> String {
        replacing("«", with: "\"").replacing("»", with: "\"")
    }
}
