/// 64-bit hashes that are the same in every process and on every machine.
///
/// Swift's `Hasher` is seeded per process, which is right for dictionaries and wrong for
/// signatures that are stored and compared later: Reprint's signatures use these instead.
public enum StableHash {
    /// FNV-1a over the UTF-8 bytes of `string`, finished with ``mix(_:)``.
    @inline(__always)
    public static func string(_ string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { bytes(UnsafeRawBufferPointer($0)) }
    }

    /// FNV-1a over `bytes`, finished with ``mix(_:)``.
    @inline(__always)
    public static func bytes(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return mix(hash)
    }

    /// The splitmix64 finalizer: spreads every input bit over the whole output.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A cheap finisher: `value` times the odd `multiplier`, then its top half folded into its
    /// bottom half (one multiply and one xorshift where ``mix(_:)`` has two and three). A bijection,
    /// so it tells apart what `value` tells apart; the low bits take the high ones in, and the high
    /// bits depend on every bit of `value`.
    @inline(__always)
    static func multiplyFold(_ value: UInt64, by multiplier: UInt64) -> UInt64 {
        let product = value &* multiplier
        return product ^ product &>> 32
    }

    /// Combines two hashes, order-sensitively.
    @inline(__always)
    public static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        mix(seed &* 0x9e37_79b9_7f4a_7c15 ^ value)
    }
}
