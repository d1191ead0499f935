/// Step 3 of the content-hash contract for one scalar: typographic variants to one ASCII form,
/// every Unicode white space to a space, zero-width characters and soft hyphens dropped.
enum TypographicVariants {
    /// Returned by `map` for a scalar that is dropped.
    static let dropped: UInt32 = 0xFFFF_FFFF

    /// The scalar `scalar` becomes: `dropped`, 0x20 for white space, an ASCII replacement, or
    /// `scalar` itself.
    @inline(__always)
    static func map(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0x09...0x0D, 0x20: return 0x20
        case 0x60: return 0x27                                    // ` grave accent
        case ..<0x80: return scalar
        case 0x00AD: return dropped                               // soft hyphen
        case 0x00AB, 0x00BB: return 0x22                          // « »
        case 0x00B4: return 0x27                                  // ´ acute accent
        case 0x02BC: return 0x27                                  // ʼ modifier letter apostrophe
        case 0x2018, 0x2019: return 0x27                          // ‘ ’
        case 0x2032: return 0x27                                  // ′ prime
        case 0x201C, 0x201D, 0x201E: return 0x22                  // “ ” „
        case 0x2010...0x2014, 0x2212: return 0x2D                 // ‐ ‑ ‒ – — −
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return dropped   // zero-width
        default:
            return isWhiteSpace(scalar) ? 0x20 : scalar
        }
    }

    /// Unicode White_Space: the Zs spaces, tab, line feed, vertical tab, form feed, carriage
    /// return, next line (U+0085), line and paragraph separators.
    @inline(__always)
    static func isWhiteSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
             0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
