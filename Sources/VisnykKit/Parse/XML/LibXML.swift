import CLibXML2

/// Process-wide libxml2 setup, done once before the first parse.
enum LibXML {
    private static let initialized: Bool = {
        xmlInitParser()
        visnyk_install_refusing_entity_loader()
        return true
    }()

    static func initialize() {
        _ = initialized
    }
}
