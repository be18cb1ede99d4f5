import Testing
@testable import Reprint

private func words(_ text: String) -> [String] {
    Tokenizer.tokens(in: Array(text.unicodeScalars)).map(\.word)
}

private func ranges(_ text: String) -> [Range<Int>] {
    Tokenizer.tokens(in: Array(text.unicodeScalars)).map(\.range)
}

struct TokenizerTests {
    @Test func wordsAreLowercasedRunsOfLettersAndDigits() {
        #expect(words("The Riverton council, on Tuesday: 14 votes!") == ["the", "riverton", "council", "on", "tuesday", "14", "votes"])
    }

    @Test func rangesAreScalarOffsetsIntoTheText() {
        #expect(ranges("  The  bridge.") == [2..<5, 7..<13])
        #expect(ranges("café über") == [0..<4, 5..<9])
        // A decomposed "é" is two scalars: offsets count scalars, not characters.
        #expect(ranges("cafe\u{301} x") == [0..<5, 6..<7])
    }

    @Test func curlyAndStraightApostrophesGiveTheSameWords() {
        #expect(words("Taliban’s") == ["taliban", "s"])
        #expect(words("Taliban's") == words("Taliban’s"))
        #expect(words("‘don’t’") == ["don", "t"])
    }

    @Test func curlyAndStraightQuotesAreIgnored() {
        #expect(words("“We cannot wait,” he said") == words("\"We cannot wait,\" he said"))
        #expect(words("«Bonjour»") == ["bonjour"])
    }

    @Test func caseIsFolded() {
        #expect(words("HARBOUR Street harbour") == ["harbour", "street", "harbour"])
        #expect(words("ÉCOLE") == ["école"])
    }

    @Test func fullwidthFormsFoldByNFKC() {
        #expect(words("ＲＩＶＥＲＴＯＮ １４") == ["riverton", "14"])
        #expect(ranges("ＲＩＶＥＲＴＯＮ １４") == [0..<8, 9..<11])
    }

    @Test func ligaturesFoldByNFKC() {
        #expect(words("ﬁnance ofﬁce") == ["finance", "office"])
    }

    @Test func combiningMarksStayInTheWordAndCompose() {
        let decomposed = "cafe\u{301}"
        #expect(words(decomposed) == ["café"])
        #expect(words(decomposed) == words("café"))
    }

    @Test func dashesAndPunctuationSplitWords() {
        #expect(words("well-known—really–so") == ["well", "known", "really", "so"])
        #expect(words("9,000 vehicles; 3.5%") == ["9", "000", "vehicles", "3", "5"])
    }

    @Test func capitalizationIsRecorded() {
        let tokens = Tokenizer.tokens(in: Array("Mayor elena Brooks ÉCOLE 12".unicodeScalars))
        #expect(tokens.map(\.isCapitalized) == [true, false, true, true, false])
    }

    @Test func textWithoutWordsHasNoTokens() {
        #expect(words("").isEmpty)
        #expect(words(" … — “” !? \n\t").isEmpty)
    }

    @Test func nonLatinScriptsAreWords() {
        #expect(words("Москва 東京") == ["москва", "東京"])
    }
}
