/// A small direct-mapped cache from a libxml2 dictionary pointer to an id. A miss costs one
/// String and a dictionary lookup; a collision just replaces the slot.
struct PointerIDCache {
    private static let slotCount = 128
    private var keys = [UInt](repeating: 0, count: PointerIDCache.slotCount)
    private var ids = [UInt32](repeating: 0, count: PointerIDCache.slotCount)

    private static func slot(_ key: UInt) -> Int {
        Int(truncatingIfNeeded: (key >> 3) ^ (key >> 10)) & (slotCount - 1)
    }

    func id(for pointer: UnsafeRawPointer) -> UInt32? {
        let key = UInt(bitPattern: pointer)
        let slot = Self.slot(key)
        return keys[slot] == key ? ids[slot] : nil
    }

    mutating func store(_ id: UInt32, for pointer: UnsafeRawPointer) {
        let key = UInt(bitPattern: pointer)
        let slot = Self.slot(key)
        keys[slot] = key
        ids[slot] = id
    }
}
