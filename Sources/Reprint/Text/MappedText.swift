/// Text derived from an original document, where every scalar remembers where it came from.
///
/// Stripping markup and dropping page furniture produce a shorter text than the original file;
/// `origins[i]` is the offset, in Unicode scalars, of `scalars[i]` in the original, so that every
/// passage Reprint finds can be reported in the coordinates of the file the user gave it.
public struct MappedText: Sendable, Equatable {
    /// The derived text.
    public var scalars: [Unicode.Scalar]
    /// For each scalar of `scalars`, its offset in the original text.
    public var origins: [Int32]

    /// Creates an empty mapped text.
    public init() {
        scalars = []
        origins = []
    }

    /// Creates a mapped text from scalars and their origins; both arrays must have the same length.
    public init(scalars: [Unicode.Scalar], origins: [Int32]) {
        precondition(scalars.count == origins.count, "every scalar needs an origin")
        self.scalars = scalars
        self.origins = origins
    }

    /// The identity mapping of an original text onto itself.
    public init(identity original: [Unicode.Scalar]) {
        scalars = original
        origins = (0..<Int32(original.count)).map { $0 }
    }

    /// Appends one scalar that stands for the original scalar at `origin`.
    public mutating func append(_ scalar: Unicode.Scalar, origin: Int32) {
        scalars.append(scalar)
        origins.append(origin)
    }

    /// The number of scalars.
    public var count: Int { scalars.count }

    /// The derived text as a `String`.
    public var string: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }
}
