/// English function words: the words that carry grammar rather than content.
///
/// The list is the Snowball/NLTK English stop list, extended with a few function words that
/// news text is full of (`said`, `says`, `also`, `according`, `however`, more prepositions and
/// modal verbs). Because the tokenizer splits words at apostrophes, contractions appear as
/// their pieces: `don't` gives `don` and `t`, `we'll` gives `we` and `ll`, and all of those
/// pieces are stop words. Numbers and content words (`one`, `won`, `new`, `people`) are not.
public enum StopWords {
    /// Common English function words (lowercase), ignored when Reprint compares content.
    public static let english: Set<String> = Set(pronouns + verbs + connectives + others + contractionPieces)

    /// Whether a lowercase word is a stop word.
    public static func contains(_ word: String) -> Bool {
        english.contains(word)
    }

    private static let pronouns = [
        "i", "me", "my", "myself", "we", "us", "our", "ours", "ourselves",
        "you", "your", "yours", "yourself", "yourselves",
        "he", "him", "his", "himself", "she", "her", "hers", "herself",
        "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
        "what", "which", "who", "whom", "whose", "whatever", "whichever", "whoever",
        "this", "that", "these", "those",
    ]

    /// Auxiliary and modal verbs, and the reporting verbs of news.
    private static let verbs = [
        "am", "is", "are", "was", "were", "be", "been", "being",
        "have", "has", "had", "having", "do", "does", "did", "doing",
        "will", "would", "shall", "should", "can", "cannot", "could", "may", "might", "must", "ought",
        "said", "says", "say",
    ]

    /// Articles, conjunctions and prepositions.
    private static let connectives = [
        "a", "an", "the", "and", "but", "or", "nor", "if", "because", "as", "until", "while",
        "although", "though", "unless", "whether", "whereas", "since", "than", "so", "yet",
        "of", "at", "by", "for", "with", "about", "against", "between", "into", "through",
        "during", "before", "after", "above", "below", "to", "from", "up", "down", "in", "out",
        "on", "off", "over", "under", "upon", "onto", "within", "without", "across", "along",
        "among", "amongst", "amid", "around", "behind", "beneath", "beside", "besides", "beyond",
        "despite", "except", "throughout", "toward", "towards", "via", "per", "according",
    ]

    /// Adverbs, determiners and quantifiers.
    private static let others = [
        "again", "further", "then", "once", "here", "there", "when", "where", "why", "how",
        "all", "any", "both", "each", "either", "neither", "every", "few", "more", "most",
        "much", "many", "other", "others", "another", "some", "such", "no", "not", "only",
        "own", "same", "too", "very", "just", "now", "also", "even", "ever", "still", "already",
        "however", "thus", "therefore", "hence", "else", "rather", "perhaps", "whenever",
        "wherever", "whereby",
    ]

    /// What contractions leave after the tokenizer splits them at the apostrophe.
    private static let contractionPieces = [
        "s", "t", "d", "ll", "m", "re", "ve",
        "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "hasn", "haven", "hadn",
        "couldn", "wouldn", "shouldn", "mustn", "mightn", "needn", "shan", "ain",
    ]
}
