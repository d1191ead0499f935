extension XMLTreeBuilder {
    /// Raw (valid UTF-8) document → tree: repairs references (`XMLReferenceRepair`), offloads
    /// large CDATA sections past libxml2 when that is safe, and otherwise parses exactly as
    /// without offloading (strict, then recovery), so errors and warnings never depend on it.
    static func parseRepairing(_ utf8: [UInt8], documentBase: String?)
        throws(XMLParseError) -> (result: Result, repairs: Int) {
        let repaired = XMLReferenceRepair.repair(utf8, offloadingCDATA: true)
        if let cdata = repaired.offloadedCDATA {
            if let offloaded = parseOffloaded(repaired.bytes, cdata: cdata, documentBase: documentBase) {
                return (offloaded, repaired.repairs)
            }
            return (try parse(XMLReferenceRepair.repair(utf8).bytes, documentBase: documentBase), repaired.repairs)
        }
        return (try parse(repaired.bytes, documentBase: documentBase), repaired.repairs)
    }
}
