import Testing
@testable import Reprint

struct TextDecoderTests {
    @Test func decodesUTF8() {
        #expect(TextDecoder.decode(Array("Café “Riverton” – 9,000".utf8)) == .text("Café “Riverton” – 9,000", replacedSequences: 0))
    }

    @Test func dropsTheByteOrderMark() {
        #expect(TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Bridge".utf8)) == .text("Bridge", replacedSequences: 0))
    }

    @Test func keepsAByteOrderMarkThatIsNotAtTheStart() {
        #expect(TextDecoder.decode(Array("a".utf8) + [0xEF, 0xBB, 0xBF]) == .text("a\u{FEFF}", replacedSequences: 0))
    }

    @Test func onlyOneByteOrderMarkIsDropped() {
        #expect(TextDecoder.decode([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x61]) == .text("\u{FEFF}a", replacedSequences: 0))
    }

    @Test func aReplacementCharacterInTheInputIsNotAnInvalidSequence() {
        #expect(TextDecoder.decode(Array("a\u{FFFD}b".utf8)) == .text("a\u{FFFD}b", replacedSequences: 0))
    }

    @Test func replacesEachInvalidSequenceAndCountsIt() {
        // A lone continuation byte, a Latin-1 "é", and a truncated three-byte sequence at the end.
        let bytes: [UInt8] = Array("a".utf8) + [0x80] + Array("b caf".utf8) + [0xE9] + Array(" c".utf8) + [0xE2, 0x82]
        #expect(TextDecoder.decode(bytes) == .text("a\u{FFFD}b caf\u{FFFD} c\u{FFFD}", replacedSequences: 3))
    }

    @Test func overlongEncodingIsInvalid() {
        // 0xC0 0xAF is an overlong "/": two invalid bytes, each replaced.
        guard case .text(let text, let replaced) = TextDecoder.decode([0x41, 0xC0, 0xAF, 0x42]) else {
            Issue.record("decoded as binary")
            return
        }
        #expect(text.hasPrefix("A") && text.hasSuffix("B") && !text.contains("/"))
        #expect(replaced == 2)
    }

    @Test func aNulByteMeansBinary() {
        #expect(TextDecoder.decode(Array("text before".utf8) + [0] + Array("after".utf8)) == .binary)
    }

    @Test func mostlyControlBytesMeansBinary() {
        let bytes = (0..<200).map { UInt8($0 % 8 + 1) } + Array("some words".utf8)
        #expect(TextDecoder.decode(bytes) == .binary)
    }

    @Test func tabsLineBreaksAndFormFeedsAreText() {
        let text = "a\tb\r\nc\u{0C}d\n"
        #expect(TextDecoder.decode(Array(text.utf8)) == .text(text, replacedSequences: 0))
    }

    @Test func aFewControlBytesAreStillText() {
        // One escape byte in 40: under the 10% a binary file has.
        let bytes = Array("The council voted on Tuesday.".utf8) + [0x1B] + Array(" Repairs".utf8)
        guard case .text(_, let replaced) = TextDecoder.decode(bytes) else {
            Issue.record("decoded as binary")
            return
        }
        #expect(replaced == 0)
    }

    @Test func onlyTheHeadIsInspectedForBinaryContent() {
        // A NUL byte after the first 8 KiB does not make a long text binary.
        let bytes = [UInt8](repeating: 0x61, count: 9000) + [0]
        #expect(TextDecoder.decode(bytes) != .binary)
    }

    @Test func emptyInputIsEmptyText() {
        #expect(TextDecoder.decode([UInt8]()) == .text("", replacedSequences: 0))
        #expect(TextDecoder.decode([0xEF, 0xBB, 0xBF]) == .text("", replacedSequences: 0))
    }
}
