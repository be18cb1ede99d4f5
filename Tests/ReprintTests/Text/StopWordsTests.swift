import Testing
@testable import Reprint

struct StopWordsTests {
    @Test("Function words are stop words", arguments: [
        "the", "a", "an", "and", "of", "to", "in", "is", "was", "were", "it", "its", "they", "their",
        "which", "who", "that", "this", "with", "from", "not", "no", "very", "than", "however",
    ])
    func functionWords(word: String) {
        #expect(StopWords.contains(word))
    }

    @Test("Modal and reporting verbs of news are stop words", arguments: [
        "said", "says", "say", "also", "would", "could", "will", "may", "might", "must", "shall",
        "should", "can", "according",
    ])
    func newsFunctionWords(word: String) {
        #expect(StopWords.contains(word))
    }

    @Test("Pieces of contractions split at the apostrophe are stop words", arguments: [
        "s", "t", "ll", "d", "re", "ve", "m", "don", "didn", "doesn", "isn", "wasn", "couldn", "wouldn",
    ])
    func contractionPieces(word: String) {
        #expect(StopWords.contains(word))
    }

    @Test("Content words and numbers are not stop words", arguments: [
        "taliban", "moscow", "talks", "president", "one", "two", "won", "new", "people", "year",
        "2021", "10", "week", "government", "The", "",
    ])
    func contentWords(word: String) {
        #expect(!StopWords.contains(word))
    }

    @Test func listIsLowercaseLettersOfAStandardSize() {
        #expect((170...320).contains(StopWords.english.count))
        for word in StopWords.english {
            #expect(!word.isEmpty && word.unicodeScalars.allSatisfy { $0.value >= 0x61 && $0.value <= 0x7A },
                    "\(word) is not a lowercase ASCII word")
        }
    }

    @Test func containsAgreesWithTheSet() {
        for word in StopWords.english {
            #expect(StopWords.contains(word))
        }
    }
}
