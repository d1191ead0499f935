import CCurl

/// The addresses `allow_private_networks = false` refuses (the check itself runs in C, where
/// libcurl opens each connection: see `visnyk_open_public_socket` in the CCurl shim).
public enum PrivateAddress {
    /// True for a numeric IPv4 or IPv6 address off the public internet: loopback, private,
    /// carrier-grade NAT, link-local, unique-local, multicast, reserved, and the IPv4-mapped
    /// and NAT64 forms of those. False for public addresses and for text that is no address.
    public static func isPrivate(_ address: String) -> Bool {
        visnyk_is_private_address_text(address) != 0
    }
}
