import Foundation
import Testing
@testable import VisnykKit

@Suite("allow_private_networks: refusing addresses inside the network")
struct PrivateAddressTests {
    @Test("private, loopback, link-local and reserved ranges; public addresses pass", arguments: [
        ("127.0.0.1", true), ("127.255.0.9", true), ("10.0.0.1", true), ("172.16.0.1", true), ("172.31.255.255", true),
        ("192.168.1.1", true), ("169.254.169.254", true), ("100.64.0.1", true), ("0.0.0.0", true),
        ("192.0.0.8", true), ("198.18.0.1", true), ("224.0.0.1", true), ("255.255.255.255", true),
        ("::1", true), ("::", true), ("fe80::1", true), ("fc00::1", true), ("fd12:3456::1", true), ("ff02::1", true),
        ("::ffff:127.0.0.1", true), ("::ffff:10.1.2.3", true), ("64:ff9b::a9fe:a9fe", true),
        ("8.8.8.8", false), ("172.32.0.1", false), ("172.15.255.255", false), ("100.128.0.1", false),
        ("193.0.6.139", false), ("2001:4860:4860::8888", false), ("::ffff:8.8.8.8", false), ("2a00:1450::1", false),
        ("not an address", false), ("", false),
    ])
    func classification(address: String, isPrivate: Bool) {
        #expect(PrivateAddress.isPrivate(address) == isPrivate, "\(address)")
    }

    @Test("a refused fetch names the address and the setting; allowed, the same URL works")
    func loopbackIsRefusedUnlessAllowed() throws {
        let server = try TestHTTPServer(script: "fetch_server.py")
        defer { server.stop() }
        for url in [server.url("/feed"), "http://localhost:\(server.port)/feed"] {
            let refused = FetchRequest(url: url, allowsPrivateNetworks: false)
            let error = #expect(throws: FetchError.self) { try HTTPFetcher().fetch(refused) }
            guard case .privateAddress(let address)? = error?.kind else {
                Issue.record("expected a private-address refusal, got \(String(describing: error))")
                continue
            }
            #expect(address == "127.0.0.1" || address == "::1")
            #expect(error?.description.contains("set allow_private_networks = true") == true)
        }
        #expect(try HTTPFetcher().fetch(FetchRequest(url: server.url("/feed"))).status == 200)
    }

    @Test("the configuration file refuses private networks unless it says otherwise")
    func configDefault() throws {
        #expect(try ConfigLoader.parse("", path: "/x.toml").allowPrivateNetworks == false)
        #expect(try ConfigLoader.parse("allow_private_networks = true\n", path: "/x.toml").allowPrivateNetworks)
        #expect(VisnykConfig(path: "/x.toml").allowPrivateNetworks == false)
    }
}
