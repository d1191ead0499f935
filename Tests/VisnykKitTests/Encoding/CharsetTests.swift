import Testing
@testable import VisnykKit

struct CharsetTests {
    @Test(arguments: [
        ("latin1", "windows-1252"), ("ISO-8859-1", "windows-1252"), ("us-ascii", "windows-1252"),
        ("cp1251", "windows-1251"), ("x-cp1251", "windows-1251"), ("Windows-1251", "windows-1251"),
        ("koi8-u", "KOI8-U"), ("koi8-ru", "KOI8-U"), ("koi8-r", "KOI8-R"), ("koi8", "KOI8-R"),
        ("utf8", "UTF-8"), ("unicode-1-1-utf-8", "UTF-8"), ("  \"UTF-8\" ", "UTF-8"), ("'utf-8'", "UTF-8"),
        ("iso-8859-5", "ISO-8859-5"), ("latin2", "ISO-8859-2"), ("iso-8859-9", "windows-1254"),
        ("gb2312", "GBK"), ("gb18030", "gb18030"), ("BIG5", "Big5"), ("sjis", "Shift_JIS"),
        ("euc-jp", "EUC-JP"), ("ks_c_5601-1987", "EUC-KR"), ("iso-2022-jp", "ISO-2022-JP"),
        ("utf-16", "UTF-16LE"), ("UTF-16BE", "UTF-16BE"), ("utf-32be", "UTF-32BE"), ("mac", "macintosh"),
        ("\tcp866\n", "IBM866"),
    ])
    func labelMapsToCanonicalName(label: String, expected: String) {
        #expect(Charset.canonicalName(forLabel: label) == expected)
    }

    @Test(arguments: ["x-unknown", "", "utf-7", "iso-2022-kr", "windows1251 x"])
    func unknownLabelHasNoName(label: String) {
        #expect(Charset.canonicalName(forLabel: label) == nil)
    }

    @Test(arguments: [
        ("application/rss+xml; charset=windows-1251", "windows-1251"),
        ("text/xml;charset=\"KOI8-U\"", "KOI8-U"),
        ("text/xml; format=flowed; Charset = utf-8 ; q=1", "utf-8"),
        ("text/html; name=\"a;charset=x\"; charset='cp1251'", "cp1251"),
    ])
    func charsetParameterIsRead(contentType: String, expected: String) {
        #expect(Charset.charset(fromContentType: contentType) == expected)
    }

    @Test(arguments: ["application/xml", "text/xml; charset=", "text/xml; charset=\"\"", "text/xml; foo=bar", ""])
    func missingCharsetParameterIsNil(contentType: String) {
        #expect(Charset.charset(fromContentType: contentType) == nil)
    }

    @Test func everyCanonicalNameCanBeDecoded() {
        let names = Set(Charset.labels.values)
        for name in names {
            #expect(DecodingMethod(canonicalName: name) != nil, "no decoder for \(name)")
            #expect(Charset.canonicalName(forLabel: name) == name, "\(name) is not its own label")
            if case .iconv(let iconvName)? = DecodingMethod(canonicalName: name) {
                let converted = [UInt8]("a".utf8).withUnsafeBufferPointer { IconvTranscoder.transcode($0, from: iconvName) }
                #expect(converted?.utf8 == [UInt8]("a".utf8), "iconv cannot convert \(iconvName)")
            }
        }
    }
}
