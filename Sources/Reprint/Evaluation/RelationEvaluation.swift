/// Scores predicted relations against labelled pairs: a confusion matrix and per-relation
/// precision, recall and F1.
public struct RelationEvaluation: Sendable {
    /// A labelled pair of documents.
    public struct LabelledPair: Sendable, Equatable {
        /// One document's id.
        public var a: String
        /// The other document's id.
        public var b: String
        /// The expected relation.
        public var relation: Relation
        /// Another relation also counted as correct.
        public var alsoAccepted: Relation?

        /// Creates a labelled pair.
        public init(a: String, b: String, relation: Relation, alsoAccepted: Relation? = nil) {
            self.a = a
            self.b = b
            self.relation = relation
            self.alsoAccepted = alsoAccepted
        }
    }

    /// Precision, recall and F1 of one relation.
    public struct Score: Sendable, Equatable {
        /// The relation.
        public var relation: Relation
        /// Correct predictions of the relation over all its predictions (among labelled pairs).
        public var precision: Double
        /// Correct predictions over the pairs labelled with it.
        public var recall: Double
        /// The harmonic mean of precision and recall.
        public var f1: Double
        /// The number of pairs labelled with it.
        public var support: Int
    }

    /// `confusion[expected][predicted]`: how many pairs labelled `expected` were predicted `predicted`.
    public private(set) var confusion: [Relation: [Relation: Int]] = [:]

    /// Scores `predicted(a, b)` (the relation found for an unordered pair) against the labels.
    ///
    /// A prediction equal to a pair's `alsoAccepted` relation counts as its expected relation.
    public init(labels: [LabelledPair], predicted: (String, String) -> Relation) {
        for label in labels {
            var relation = predicted(label.a, label.b)
            if relation == label.alsoAccepted { relation = label.relation }
            confusion[label.relation, default: [:]][relation, default: 0] += 1
        }
    }

    /// The relations that appear as labels, in vocabulary order.
    public var labelledRelations: [Relation] {
        Relation.allCases.filter { confusion[$0] != nil }
    }

    /// The relations that appear as labels or predictions, in vocabulary order.
    public var seenRelations: [Relation] {
        Relation.allCases.filter { relation in
            confusion[relation] != nil || confusion.values.contains { $0[relation] != nil }
        }
    }

    /// Precision, recall and F1 of every labelled relation.
    public var scores: [Score] {
        labelledRelations.map { relation in
            let truePositives = confusion[relation]?[relation] ?? 0
            let predictedCount = confusion.values.reduce(0) { $0 + ($1[relation] ?? 0) }
            let support = confusion[relation]?.values.reduce(0, +) ?? 0
            let precision = predictedCount == 0 ? 0 : Double(truePositives) / Double(predictedCount)
            let recall = support == 0 ? 0 : Double(truePositives) / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return Score(relation: relation, precision: precision, recall: recall, f1: f1, support: support)
        }
    }

    /// The mean F1 over the labelled relations.
    public var macroF1: Double {
        let scores = scores
        return scores.isEmpty ? 0 : scores.map(\.f1).reduce(0, +) / Double(scores.count)
    }

    /// The share of labelled pairs predicted correctly.
    public var accuracy: Double {
        let total = confusion.values.flatMap(\.values).reduce(0, +)
        let correct = confusion.reduce(0) { $0 + ($1.value[$1.key] ?? 0) }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }
}
