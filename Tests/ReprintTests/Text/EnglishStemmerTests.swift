import Testing
@testable import Reprint

/// Word → stem pairs from the Snowball English (Porter2) reference, grouped by the step they exercise.
struct EnglishStemmerTests {
    @Test("Reference vocabulary", arguments: [
        ("consign", "consign"), ("consigned", "consign"), ("consigning", "consign"),
        ("consignment", "consign"), ("consist", "consist"), ("consisted", "consist"),
        ("consistency", "consist"), ("consistent", "consist"), ("consistently", "consist"),
        ("consisting", "consist"), ("consists", "consist"), ("consolation", "consol"),
        ("consolations", "consol"), ("console", "consol"), ("consoled", "consol"),
        ("consoling", "consol"), ("consolingly", "consol"), ("knack", "knack"),
        ("knackeries", "knackeri"), ("knacks", "knack"), ("kneaded", "knead"),
        ("kneeling", "kneel"), ("knees", "knee"), ("knightly", "knight"), ("knights", "knight"),
        ("knitted", "knit"), ("knitting", "knit"), ("knives", "knive"), ("knocker", "knocker"),
        ("knocking", "knock"),
    ])
    func referenceVocabulary(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test("Exceptional words", arguments: [
        ("skis", "ski"), ("skies", "sky"), ("sky", "sky"), ("news", "news"), ("howe", "howe"),
        ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
        ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
        ("only", "onli"), ("singly", "singl"),
    ])
    func exceptionalWords(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test("Regions: R1 prefixes and y as a consonant", arguments: [
        ("generous", "generous"), ("generously", "generous"), ("generate", "generat"),
        ("generation", "generat"), ("general", "general"), ("community", "communiti"),
        ("communism", "communism"), ("arsenal", "arsenal"), ("universe", "univers"),
        ("university", "universiti"), ("universal", "universal"), ("organization", "organiz"),
        ("lateral", "lateral"), ("emergency", "emergenc"), ("internal", "internal"),
        ("international", "internat"), ("paste", "paste"), ("pasted", "paste"),
        ("yes", "yes"), ("yelled", "yell"), ("youth", "youth"), ("sayyid", "sayyid"),
        ("player", "player"), ("toys", "toy"),
    ])
    func regions(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test("Step 0 and 1a: apostrophes and plurals", arguments: [
        ("dog's", "dog"), ("dogs'", "dog"), ("'running", "run"), ("it's", "it"),
        ("caresses", "caress"), ("caress", "caress"), ("ponies", "poni"), ("ties", "tie"),
        ("cries", "cri"), ("cats", "cat"), ("gas", "gas"), ("gaps", "gap"), ("kiwis", "kiwi"),
        ("abilities", "abil"), ("countries", "countri"), ("officials", "offici"),
    ])
    func step1a(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test("Step 1b: -eed, -ed, -ing and their exceptions", arguments: [
        ("agreed", "agre"), ("feed", "feed"), ("proceed", "proceed"), ("proceeding", "proceed"),
        ("exceeded", "exceed"), ("exceedingly", "exceed"), ("succeeding", "succeed"),
        ("inning", "inning"), ("innings", "inning"), ("outing", "outing"), ("canning", "canning"),
        ("herring", "herring"), ("earring", "earring"), ("evening", "evening"),
        ("dying", "die"), ("lying", "lie"), ("tying", "tie"), ("vying", "vie"), ("flying", "fli"),
        ("running", "run"), ("hopping", "hop"), ("hopped", "hop"), ("tanned", "tan"),
        ("added", "add"), ("adding", "add"), ("hoped", "hope"), ("hoping", "hope"),
        ("filing", "file"), ("luxuriated", "luxuri"), ("troubled", "troubl"), ("sized", "size"),
        ("fizzed", "fizz"), ("failed", "fail"), ("falling", "fall"), ("hissing", "hiss"),
        ("meeting", "meet"), ("enjoying", "enjoy"),
    ])
    func step1b(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test("Step 1c: final y", arguments: [
        ("cry", "cri"), ("cried", "cri"), ("by", "by"), ("say", "say"), ("saying", "say"),
        ("enjoy", "enjoy"), ("toy", "toy"),
    ])
    func step1c(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test("Step 2", arguments: [
        ("relational", "relat"), ("conditional", "condit"), ("rational", "ration"),
        ("valency", "valenc"), ("hesitancy", "hesit"), ("digitizer", "digit"),
        ("conformably", "conform"), ("radically", "radic"), ("differently", "differ"),
        ("vilely", "vile"), ("analogously", "analog"), ("vietnamization", "vietnam"),
        ("predication", "predic"), ("operator", "oper"), ("feudalism", "feudal"),
        ("decisiveness", "decis"), ("hopefulness", "hope"), ("callousness", "callous"),
        ("formality", "formal"), ("sensitivity", "sensit"), ("sensibility", "sensibl"),
        ("archaeologist", "archaeolog"), ("archaeology", "archaeolog"), ("geology", "geolog"),
        ("happily", "happili"), ("fluently", "fluentli"), ("warmly", "warm"),
        ("anxiously", "anxious"), ("breezily", "breezili"),
    ])
    func step2(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test("Step 3", arguments: [
        ("triplicate", "triplic"), ("formative", "format"), ("formalize", "formal"),
        ("electricity", "electr"), ("electrical", "electr"), ("hopeful", "hope"),
        ("goodness", "good"), ("happiness", "happi"), ("sensational", "sensat"),
    ])
    func step3(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test("Step 4", arguments: [
        ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"),
        ("airliner", "airlin"), ("gyroscopic", "gyroscop"), ("adjustable", "adjust"),
        ("defensible", "defens"), ("irritant", "irrit"), ("replacement", "replac"),
        ("adjustment", "adjust"), ("dependent", "depend"), ("adoption", "adopt"),
        ("homologous", "homolog"), ("effective", "effect"), ("bowdlerize", "bowdler"),
        ("recognition", "recognit"), ("decision", "decis"), ("fusion", "fusion"),
        ("employment", "employ"),
    ])
    func step4(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test("Step 5: final e and ll", arguments: [
        ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"), ("controll", "control"),
        ("roll", "roll"), ("controlling", "control"),
    ])
    func step5(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    @Test("Short words are unchanged", arguments: ["", "a", "is", "as", "ed", "'s"])
    func shortWords(word: String) {
        #expect(EnglishStemmer.stem(word) == word)
    }

    @Test("Words with digits, capitals or non-ASCII letters are unchanged",
          arguments: ["café", "naïve", "résumés", "2021", "covid19", "g20s", "Running", "co-ops"])
    func unstemmableWords(word: String) {
        #expect(EnglishStemmer.stem(word) == word)
    }

    @Test func stemmingIsIdempotentOnCommonStems() {
        for word in ["run", "talk", "meet", "countri", "offici"] {
            #expect(EnglishStemmer.stem(word) == word)
        }
    }
}
