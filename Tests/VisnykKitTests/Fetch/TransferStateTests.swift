import Testing
@testable import VisnykKit

@Suite("Transfer state: header lines and the body cap")
struct TransferStateTests {
    private func feed(_ lines: [String], into state: TransferState) {
        for line in lines {
            Array(line.utf8).withUnsafeBufferPointer { state.receiveHeaderLine($0) }
        }
    }

    @Test func keepsOnlyTheLastResponsesFieldsAndEveryStatus() {
        let state = TransferState(maxSize: 10)
        feed([
            "HTTP/1.1 301 Moved Permanently\r\n", "Location: /b\r\n", "ETag: \"hop\"\r\n", "\r\n",
            "HTTP/1.1 100 Continue\r\n", "\r\n",
            "HTTP/2 200\r\n", "content-type: text/xml\r\n", "etag:\"v2\"  \r\n", "\r\n",
        ], into: state)
        #expect(state.statuses == [301, 200])
        #expect(state.redirectStatuses == [301])
        #expect(state.headers.map(\.name) == ["content-type", "etag"])
        #expect(HTTPHeaderName.lastValue(of: "ETag", in: state.headers) == "\"v2\"")
        #expect(HTTPHeaderName.lastValue(of: "Location", in: state.headers) == nil)
    }

    @Test func joinsFoldedLinesAndSkipsLinesWithoutAName() {
        let state = TransferState(maxSize: 10)
        feed(["HTTP/1.0 200 OK\r\n", "X-Long: one\r\n", "\t two \r\n", "no colon here\r\n", ": nameless\r\n", "X-Empty:\r\n"], into: state)
        #expect(state.headers.count == 2)
        #expect(state.headers.first?.value == "one two")
        #expect(state.headers.last?.name == "X-Empty")
        #expect(state.headers.last?.value == "")
    }

    @Test func ignoresMalformedStatusLines() {
        let state = TransferState(maxSize: 10)
        feed(["HTTP/1.1 2x0 Odd\r\n", "HTTP/1.1\r\n", "HTTP/1.1 20\r\n"], into: state)
        #expect(state.statuses.isEmpty)
    }

    @Test func appendsUpToTheCapAndRefusesPastIt() {
        let state = TransferState(maxSize: 5)
        let accepted = [UInt8]("abc".utf8).withUnsafeBytes { state.append($0) }
        let filled = [UInt8]("de".utf8).withUnsafeBytes { state.append($0) }
        let refused = [UInt8]("f".utf8).withUnsafeBytes { state.append($0) }
        #expect(accepted && filled && !refused)
        #expect(state.body == Array("abcde".utf8))
        #expect(state.exceededLimit)
    }

    @Test func headerNamesCompareWithoutASCIICase() {
        #expect(HTTPHeaderName.equal("Content-Type", "content-TYPE"))
        #expect(!HTTPHeaderName.equal("ETag", "ETags"))
        #expect(!HTTPHeaderName.equal("E[ag", "E{ag"))
    }

    @Test func timeoutsBecomeWholeMillisecondsNeverZero() {
        #expect(CurlTransfer.milliseconds(.seconds(60)) == 60_000)
        #expect(CurlTransfer.milliseconds(.milliseconds(1500)) == 1500)
        #expect(CurlTransfer.milliseconds(.zero) == 1)
        #expect(CurlTransfer.milliseconds(.seconds(-3)) == 1)
        #expect(CurlTransfer.milliseconds(.microseconds(10)) == 1)
    }

    @Test func headerValuesWithLineBreaksAreRejected() {
        #expect(CurlTransfer.headerSafe("\"abc\"") == "\"abc\"")
        #expect(CurlTransfer.headerSafe("a\r\nb") == nil)
        #expect(CurlTransfer.headerSafe("a\nb") == nil)
        #expect(CurlTransfer.headerSafe("") == nil)
    }
}
