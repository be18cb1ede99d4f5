import Testing
@testable import Reprint

private func words(_ count: Int) -> [UInt64] {
    (0..<UInt64(count)).map { StableHash.mix($0) }
}

/// The hash of a window of words hashed on its own: a shingle's hash depends on its words only.
private func window(_ words: ArraySlice<UInt64>) -> UInt64 {
    Shingles.hashes(ofWords: Array(words), size: words.count)[0]
}

struct ShinglesTests {
    @Test func oneShinglePerWindowInTextOrder() {
        let text = words(7)
        let shingles = Shingles.hashes(ofWords: text, size: 5)
        #expect(shingles.count == 3)
        #expect(shingles == [window(text[0..<5]), window(text[1..<6]), window(text[2..<7])])
        #expect(Set(shingles).count == 3)
    }

    @Test func equalWindowsHashEqually() {
        // "a b a b a b": the windows at 0 and 2 are the same words.
        let a = StableHash.string("a"), b = StableHash.string("b")
        let shingles = Shingles.hashes(ofWords: [a, b, a, b, a, b], size: 2)
        #expect(shingles.count == 5)
        #expect(shingles[0] == shingles[2] && shingles[2] == shingles[4])
        #expect(shingles[1] == shingles[3] && shingles[0] != shingles[1])
        #expect(Shingles.set(shingles) == [shingles[0], shingles[1]].sorted())
    }

    @Test func orderOfWordsMatters() {
        let a = StableHash.string("a"), b = StableHash.string("b")
        #expect(Shingles.hashes(ofWords: [a, b], size: 2) != Shingles.hashes(ofWords: [b, a], size: 2))
    }

    @Test func aShortTextIsOneShingleOfAllItsWords() {
        let text = words(3)
        #expect(Shingles.hashes(ofWords: text, size: 5).count == 1)
        #expect(Shingles.hashes(ofWords: text, size: 5) == Shingles.hashes(ofWords: text, size: 5))
        #expect(Shingles.hashes(ofWords: text, size: 5) != Shingles.hashes(ofWords: Array(text.prefix(2)), size: 5))
        #expect(Shingles.hashes(ofWords: Array(text.prefix(1)), size: 5).count == 1)
    }

    @Test func aShortTextDiffersFromALongerOneThatStartsWithIt() {
        let text = words(6)
        #expect(!Shingles.hashes(ofWords: text, size: 5).contains(Shingles.hashes(ofWords: Array(text.prefix(3)), size: 5)[0]))
    }

    @Test func anEmptyTextHasNoShingles() {
        #expect(Shingles.hashes(ofWords: [], size: 5).isEmpty)
        #expect(Shingles.set([]).isEmpty)
    }

    @Test func setIsSortedAndDistinct() {
        #expect(Shingles.set([5, 1, 5, 3, 1, 9]) == [1, 3, 5, 9])
    }

    @Test func sizeOneShinglesAreTheWordsThemselvesHashed() {
        let text = words(4)
        #expect(Shingles.hashes(ofWords: text, size: 1) == text.indices.map { window(text[$0..<($0 + 1)]) })
    }

    @Test func rollingHashesEqualEachWindowHashedOnItsOwnAtEverySize() {
        let text = words(30)
        for size in 1...12 {
            #expect(Shingles.hashes(ofWords: text, size: size) == (0...(text.count - size)).map { window(text[$0 ..< $0 + size]) })
        }
    }

    @Test func aResetHasherForgetsTheWordsOfThePreviousText() {
        for size in [5, 8, 11] {
            var hasher = ShingleHasher(size: size)
            for word in words(20).reversed() { _ = hasher.push(word) }
            hasher.reset()
            let text = words(size + 3)
            #expect(text.compactMap { hasher.push($0) } == Shingles.hashes(ofWords: text, size: size))
            hasher.reset()
            _ = hasher.push(text[0])
            #expect(hasher.shortTextShingle == Shingles.hashes(ofWords: [text[0]], size: size).first)
        }
    }
}
