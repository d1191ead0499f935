extension XMLTreeBuilder {
    /// Raw (valid UTF-8) document → tree: repairs references (`XMLReferenceRepair`), offloads
    /// large CDATA sections and text runs past libxml2 when that is safe, and otherwise parses exactly as
    /// without offloading (strict, then recovery), so errors and warnings never depend on it.
    static func parseRepairing(_ utf8: [UInt8], documentBase: String?)
        throws(XMLParseError) -> (result: Result, repairs: Int) {
        let repaired = XMLReferenceRepair.repair(utf8, offloading: true)
        if let offloaded = repaired.offloaded {
            if let result = parseOffloaded(repaired.bytes, offloaded: offloaded, documentBase: documentBase) {
                return (result, repaired.repairs)
            }
            return (try parse(XMLReferenceRepair.repair(utf8).bytes, documentBase: documentBase), repaired.repairs)
        }
        return (try parse(repaired.bytes, documentBase: documentBase), repaired.repairs)
    }
}
