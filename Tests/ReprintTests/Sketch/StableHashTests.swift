import Testing
@testable import Reprint

/// Expected values computed independently from the published algorithms (FNV-1a 64, splitmix64's
/// finalizer): a change here would invalidate every stored signature.
struct StableHashTests {
    @Test func stringHashesAreFixed() {
        #expect(StableHash.string("") == 0xc381_7c01_6ba4_ff30)
        #expect(StableHash.string("bridge") == 0x77ea_3ce7_6d79_db03)
        #expect(StableHash.string("café") == 0x78db_2400_0222_1039)
    }

    @Test func mixIsSplitmix64sFinalizer() {
        #expect(StableHash.mix(0) == 0xe220_a839_7b1d_cdaf)
        #expect(StableHash.mix(1) == 0x910a_2dec_8902_5cc1)
    }

    @Test func combineIsFixedAndOrderSensitive() {
        #expect(StableHash.combine(1, 2) == 0xbfc8_4610_0bfc_1e42)
        #expect(StableHash.combine(1, 2) != StableHash.combine(2, 1))
    }

    @Test func bytesAndStringAgree() {
        let text = "Harbour Street – 1931"
        let viaBytes = Array(text.utf8).withUnsafeBytes { StableHash.bytes($0) }
        #expect(viaBytes == StableHash.string(text))
    }

    @Test func stringHashIsOverUTF8NotCharacters() {
        // Precomposed and decomposed "é" are equal Strings but different bytes: folding happens before hashing.
        #expect("caf\u{E9}" == "cafe\u{301}")
        #expect(StableHash.string("caf\u{E9}") != StableHash.string("cafe\u{301}"))
    }
}
