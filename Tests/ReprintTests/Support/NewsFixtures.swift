@testable import Reprint

/// Short news articles written for these tests: one story, its copies and rewrites, another
/// article about the same event, and an article about something else. Each text is named after
/// the relation it has with ``wire``.
enum NewsFixtures {
    /// The wire story: eight sentences about a bridge repair.
    static let wire = """
        The Riverton city council voted on Tuesday to spend 14 million dollars repairing the Harbour Street bridge, which has been closed to lorries since a crack was found in March. Mayor Elena Brooks said the work would begin in June and should take about eight months.

        Engineers from the firm Calder and Webb told councillors that the steel supports under the eastern span had rusted faster than expected. During the repairs, buses will be sent across the Mill Lane crossing, adding roughly ten minutes to journeys into the town centre.

        Shop owners on Harbour Street have complained that the closure has already cut their trade by a third. The council will ask the regional government to cover half of the cost, Brooks said. A public meeting about the diversions is planned for 12 May at the town library. The bridge, opened in 1931, carries around 9,000 vehicles a day.
        """

    /// ``wire`` with other line breaks and spacing, capitals, curly quotes and fullwidth digits: identical.
    static let identical = """
        THE RIVERTON CITY COUNCIL voted on Tuesday to spend １４ million dollars repairing the Harbour Street bridge,
        which has been closed to lorries since a crack was found in March.   Mayor Elena Brooks said the work
        would begin in June and should take about eight months. Engineers from the firm Calder and Webb told
        councillors that the steel supports under the eastern span had rusted faster than expected. During the
        repairs, buses will be sent across the Mill Lane crossing, adding roughly ten minutes to journeys into
        the town centre. Shop owners on Harbour Street have complained that the closure has already cut their
        trade by a third. The council will ask the regional government to cover half of the cost, Brooks said.
        A public meeting about the diversions is planned for 12 May at the town library. The bridge, opened in
        1931, carries around 9,000 vehicles a day.
        """

    /// ``wire`` with a headline, a byline and one word changed: a near-duplicate.
    static let nearDuplicate = """
        Riverton council backs Harbour Street bridge repair

        By Sam Ortiz for Riverton Post

        The Riverton city council voted on Tuesday to spend 14 million dollars repairing the Harbour Street bridge, which has been closed to lorries since a crack was found in March. Mayor Elena Brooks said the work would begin in June and should take about eight months.

        Engineers from the firm Calder and Webb told councillors that the steel supports under the eastern span had corroded faster than expected. During the repairs, buses will be sent across the Mill Lane crossing, adding roughly ten minutes to journeys into the town centre.

        Shop owners on Harbour Street have complained that the closure has already cut their trade by a third. The council will ask the regional government to cover half of the cost, Brooks said. A public meeting about the diversions is planned for 12 May at the town library. The bridge, opened in 1931, carries around 9,000 vehicles a day.
        """

    /// The first four sentences of ``wire``, unchanged: an excerpt contained in it.
    static let excerpt = """
        The Riverton city council voted on Tuesday to spend 14 million dollars repairing the Harbour Street bridge, which has been closed to lorries since a crack was found in March. Mayor Elena Brooks said the work would begin in June and should take about eight months.

        Engineers from the firm Calder and Webb told councillors that the steel supports under the eastern span had rusted faster than expected. During the repairs, buses will be sent across the Mill Lane crossing, adding roughly ten minutes to journeys into the town centre.
        """

    /// A new lead, half of ``wire`` with small edits, and an ending of its own: an edited copy.
    static let editedCopy = """
        Lorry drivers and shopkeepers reacted with relief on Wednesday after months of uncertainty over one of the busiest crossings in the county. "We were starting to think it would never be fixed," said haulier Dan Price.

        The Riverton city council voted on Tuesday to spend 14 million dollars repairing the Harbour Street bridge, which has been closed to lorries since a crack was found in March. Mayor Elena Brooks said the work would start in June and should take about eight months.

        Engineers from the firm Calder and Webb told councillors that the steel supports under the eastern span had rusted faster than expected. During the repairs, buses will be sent across the Mill Lane crossing, adding roughly ten minutes to journeys into the town centre.

        Price said his company would now plan longer routes for the summer. Several hauliers want the council to publish a firm completion date before the work starts.
        """

    /// ``wire`` rewritten sentence by sentence, same facts in the same order: a paraphrase.
    static let paraphrase = """
        On Tuesday, councillors in Riverton agreed to put 14 million dollars toward fixing the bridge on Harbour Street, shut to heavy lorries ever since a crack was discovered in March. According to Mayor Elena Brooks, repairs are due to begin in June and will last roughly eight months.

        The eastern span's steel supports have rusted more quickly than anticipated, councillors heard from engineers at Calder and Webb. While the work goes on, buses are to be diverted over the Mill Lane crossing, making journeys to the town centre about ten minutes longer.

        Traders along Harbour Street say the closure has already reduced their trade by one third. Brooks added that the regional government will be asked to pay half the cost. A public meeting on the diversions will take place at the town library on 12 May. Around 9,000 vehicles cross the bridge daily; it first opened in 1931.
        """

    /// Another newspaper's article about the same vote: same names and numbers, other facts and words.
    static let sameStory = """
        Shopkeepers on Harbour Street in Riverton say they are struggling to survive while the bridge stays shut. Tom Hale, who runs a bakery near the eastern end, said takings had fallen by a third since the closure and that several neighbours were thinking of closing for good. "We cannot keep waiting," he said.

        Opposition councillor Priya Nair welcomed the 14 million dollar repair plan approved by the council on Tuesday, but asked why Calder and Webb had not been hired to inspect the rusting steel years earlier. Mayor Elena Brooks, who has promised that the repairs will begin in June, did not respond.

        The Harbour Street bridge, which dates from 1931, will be discussed again at a meeting in the town library on 12 May.
        """

    /// An article about something else entirely.
    static let unrelated = """
        The Northfield chess club celebrated its fiftieth anniversary on Saturday with a rapid tournament that drew players from four counties. The youngest entrant, an eleven-year-old from Ashby, beat two former champions before losing in the semi-final.

        Club secretary Martin Okafor said membership had doubled since lessons began at local primary schools. Volunteers now teach openings and endgames every Thursday evening in the church hall.

        The winner, a retired pharmacist, took home a hand-carved set made by a founding member of the club.
        """

    /// Every fixture with the relation it has with ``wire``, named as a file.
    static let collection: [(id: String, text: String, relation: Relation)] = [
        ("wire.txt", wire, .identical),
        ("identical.txt", identical, .identical),
        ("near-duplicate.txt", nearDuplicate, .nearDuplicate),
        ("excerpt.txt", excerpt, .excerpt),
        ("edited-copy.txt", editedCopy, .editedCopy),
        ("paraphrase.txt", paraphrase, .paraphrase),
        ("same-story.txt", sameStory, .sameStory),
        ("unrelated.txt", unrelated, .unrelated),
    ]

    /// The collection as source documents.
    static var documents: [SourceDocument] {
        collection.map { SourceDocument(id: $0.id, text: $0.text) }
    }
}
