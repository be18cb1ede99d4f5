import Testing
@testable import Reprint

struct SentenceSplitterTests {
    /// The sentences of `text`, as strings.
    private func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.sentenceRanges(in: scalars).map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
    }

    // MARK: Terminal punctuation

    @Test func splitsAtPeriodsExclamationsAndQuestions() {
        #expect(sentences("The cat sat down. The dog ran off! Did it come back? Yes.")
            == ["The cat sat down.", "The dog ran off!", "Did it come back?", "Yes."])
    }

    @Test func keepsRunsOfTerminalPunctuationTogether() {
        #expect(sentences("Really?! That is odd... The end.") == ["Really?!", "That is odd...", "The end."])
    }

    @Test func splitsAtEllipsisCharacterBeforeCapital() {
        #expect(sentences("We waited\u{2026} Then the bus came.") == ["We waited\u{2026}", "Then the bus came."])
    }

    @Test func ellipsisBeforeLowercaseDoesNotSplit() {
        #expect(sentences("We waited... and waited\u{2026} and then left.")
            == ["We waited... and waited\u{2026} and then left."])
    }

    @Test func closingQuoteStaysWithItsSentence() {
        #expect(sentences("He said \"no.\" Then he left.") == ["He said \"no.\"", "Then he left."])
    }

    @Test func closingCurlyQuoteAndBracketStayWithTheirSentence() {
        #expect(sentences("\u{201C}We will win.\u{201D} She smiled. It rained (a lot.) Then it stopped.")
            == ["\u{201C}We will win.\u{201D}", "She smiled.", "It rained (a lot.)", "Then it stopped."])
    }

    @Test func splitsBeforeDigitAndOpeningQuoteOrBracket() {
        #expect(sentences("It ended. 2020 was hard. \"Good,\" she said. (Nobody agreed.)")
            == ["It ended.", "2020 was hard.", "\"Good,\" she said.", "(Nobody agreed.)"])
    }

    @Test func lowercaseAfterPeriodDoesNotSplit() {
        #expect(sentences("He left at 5 p.m. and came back. later he slept.")
            == ["He left at 5 p.m. and came back. later he slept."])
    }

    @Test func punctuationWithoutFollowingSpaceDoesNotSplit() {
        #expect(sentences("Wait.Then go!Now") == ["Wait.Then go!Now"])
    }

    // MARK: Periods that do not end sentences

    @Test("Abbreviations do not end sentences", arguments: [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Gen", "Col", "Lt", "Sgt", "Capt",
        "Rep", "Sen", "Gov", "Pres", "Rev", "Hon", "vs", "etc", "e.g", "i.e", "Inc", "Ltd", "Co", "Corp",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "approx", "dept", "est", "fig", "al",
    ])
    func abbreviationDoesNotSplit(abbreviation: String) {
        let text = "They met \(abbreviation). Smith on the way home."
        #expect(sentences(text) == [text])
    }

    @Test func abbreviationsMatchWhateverTheirCase() {
        #expect(sentences("MR. Smith and mr. Jones met DR. Brown.") == ["MR. Smith and mr. Jones met DR. Brown."])
    }

    @Test func abbreviationsInsideBracketsOrQuotes() {
        #expect(sentences("The leader (Gen. Miller) spoke. \"Dr. Who\" aired.")
            == ["The leader (Gen. Miller) spoke.", "\"Dr. Who\" aired."])
    }

    @Test func numberAbbreviationOnlyBeforeDigits() {
        #expect(sentences("He lives at No. 10 Green Street. The answer was no. The door shut.")
            == ["He lives at No. 10 Green Street.", "The answer was no.", "The door shut."])
    }

    @Test func monthAbbreviationBeforeDate() {
        #expect(sentences("It changed after the Sept. 11, 2001, attacks. Life went on.")
            == ["It changed after the Sept. 11, 2001, attacks.", "Life went on."])
    }

    @Test func initialsDoNotSplit() {
        #expect(sentences("J. K. Rowling wrote it. U.S. officials met U.N. staff. The U.S. Army came.")
            == ["J. K. Rowling wrote it.", "U.S. officials met U.N. staff.", "The U.S. Army came."])
    }

    @Test func decimalsAndPercentagesDoNotSplit() {
        #expect(sentences("It cost $1.2 billion. Prices rose 3.5% in 2021. Rates hit 0.25 points.")
            == ["It cost $1.2 billion.", "Prices rose 3.5% in 2021.", "Rates hit 0.25 points."])
    }

    @Test func domainsAndEmailsDoNotSplit() {
        #expect(sentences("Read it on example.com today. Write to desk@news.example.org now. See www.example.net. Then stop.")
            == ["Read it on example.com today.", "Write to desk@news.example.org now.", "See www.example.net.", "Then stop."])
    }

    @Test func urlsDoNotSplit() {
        #expect(sentences("Source: https://www.example.com/2021/10/a.b-c.html. Next one.")
            == ["Source: https://www.example.com/2021/10/a.b-c.html.", "Next one."])
    }

    // MARK: Line breaks

    @Test func blankLineAlwaysEndsASentence() {
        #expect(sentences("a first paragraph without a period\n\nand a second one")
            == ["a first paragraph without a period", "and a second one"])
    }

    @Test func blankLinesWithSpacesAndCarriageReturnsEndSentences() {
        #expect(sentences("one part\r\n\r\ntwo part\n  \t\nthree part\u{2029}four part")
            == ["one part", "two part", "three part", "four part"])
    }

    @Test func blankLineEndsSentenceEvenAfterAbbreviation() {
        #expect(sentences("Shares of Acme Inc.\n\nThe next part.") == ["Shares of Acme Inc.", "The next part."])
    }

    @Test func headlineLineEndsBeforeCapitalizedLine() {
        #expect(sentences("Storm Hits Coastal Towns\nThe storm arrived on Monday. It left on Tuesday.")
            == ["Storm Hits Coastal Towns", "The storm arrived on Monday.", "It left on Tuesday."])
    }

    @Test func captionAndBylineLinesAreSentences() {
        #expect(sentences("By Jane Doe\nMarch 3, 2021\n\u{201C}We are ready,\u{201D} the mayor said.")
            == ["By Jane Doe", "March 3, 2021", "\u{201C}We are ready,\u{201D} the mayor said."])
    }

    @Test func wrappedLineBeforeLowercaseDoesNotSplit() {
        #expect(sentences("The storm arrived\non Monday and left\nagain on Tuesday.")
            == ["The storm arrived\non Monday and left\nagain on Tuesday."])
    }

    @Test func wrappedLineThatRunsOnDoesNotSplit() {
        #expect(sentences("The storm hit the\nCoastal Towns, and\nOfficials said, in\nPort Mary,\nWorkers were ready.")
            == ["The storm hit the\nCoastal Towns, and\nOfficials said, in\nPort Mary,\nWorkers were ready."])
    }

    @Test func lineEndingInTerminalPunctuationFollowsTheTerminalRule() {
        #expect(sentences("It ended.\nThen more came.\nMr.\nSmith stayed.")
            == ["It ended.", "Then more came.", "Mr.\nSmith stayed."])
    }

    // MARK: Edge cases

    @Test func emptyAndBlankTextsHaveNoSentences() {
        #expect(SentenceSplitter.sentenceRanges(in: []).isEmpty)
        #expect(sentences("   \n\n \t ").isEmpty)
    }

    @Test func textWithoutTerminalPunctuationIsOneSentence() {
        #expect(sentences("a text with no punctuation at all") == ["a text with no punctuation at all"])
    }

    @Test func onlyPunctuation() {
        #expect(sentences(".") == ["."])
        #expect(sentences("...!?") == ["...!?"])
        #expect(sentences(". . . !") == [". . . !"])
    }

    @Test func rangesAreTrimmedScalarOffsets() {
        let text = Array("  Hello there.  Next one.  ".unicodeScalars)
        #expect(SentenceSplitter.sentenceRanges(in: text) == [2..<14, 16..<25])
    }

    @Test func rangesCountScalarsNotBytes() {
        let text = Array("Café ouvert. Été chaud.".unicodeScalars)
        #expect(SentenceSplitter.sentenceRanges(in: text) == [0..<12, 13..<23])
    }

    @Test func splitsBeforeUncasedScripts() {
        #expect(sentences("It ended. \u{4ED6}\u{8D70}\u{4E86}.") == ["It ended.", "\u{4ED6}\u{8D70}\u{4E86}."])
    }

    @Test func longLinesAndPathologicalInputsAreHandled() {
        let count = 300_000
        let long = [Unicode.Scalar](repeating: "a", count: count) + Array(". Next one.".unicodeScalars)
        #expect(SentenceSplitter.sentenceRanges(in: long) == [0..<(count + 1), (count + 2)..<(count + 11)])
        let dots = [Unicode.Scalar](repeating: ".", count: count)
        #expect(SentenceSplitter.sentenceRanges(in: dots) == [0..<count])
        let newlines = [Unicode.Scalar](repeating: "\n", count: count)
        #expect(SentenceSplitter.sentenceRanges(in: newlines).isEmpty)
        let pattern = Array("Mr. A. b. U.S. The 1.2 etc. ! ? \u{2026} \"".unicodeScalars)
        let mixed = (0..<10_000).flatMap { _ in pattern }
        #expect(!SentenceSplitter.sentenceRanges(in: mixed).isEmpty)
    }
}
