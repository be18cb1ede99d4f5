import Testing
@testable import Reprint

struct SpellingVariantsTests {
    @Test("British spellings become American", arguments: [
        ("organisation", "organization"), ("organisations", "organizations"), ("realised", "realized"),
        ("realising", "realizing"), ("apologises", "apologizes"), ("recognise", "recognize"),
        ("analyse", "analyze"), ("analysed", "analyzed"), ("centre", "center"), ("theatres", "theaters"), ("metre", "meter"), ("litres", "liters"),
        ("catalogue", "catalog"), ("dialogues", "dialogs"), ("neighbour", "neighbor"),
        ("neighbouring", "neighboring"), ("colours", "colors"), ("favourite", "favorite"),
        ("honoured", "honored"), ("behaviour", "behavior"), ("labourers", "laborers"),
    ])
    func british(word: String, american: String) {
        #expect(SpellingVariants.american(word) == american)
    }

    @Test("Words that only look British are kept", arguments: [
        "hour", "hours", "four", "your", "source", "sources", "course", "journey", "tourists", "contours",
        "rise", "wise", "arise", "noise", "raise", "tre", "vogue", "court", "hello", "wire",
    ])
    func unchanged(word: String) {
        #expect(SpellingVariants.american(word) == word)
    }

    @Test func britishAndAmericanFormsFoldTogether() {
        for (british, american) in [("organised", "organized"), ("kilometres", "kilometers"), ("metres", "meters"), ("rumours", "rumors")] {
            #expect(SpellingVariants.american(british) == SpellingVariants.american(american))
        }
    }

    @Test func americanSpellingsAreUnchanged() {
        for word in ["organization", "center", "neighbor", "analyze", "catalog", "color"] {
            #expect(SpellingVariants.american(word) == word)
        }
    }

    @Test func nonASCIIWordsAreUnchanged() {
        #expect(SpellingVariants.american("théâtre") == "théâtre")
    }
}
