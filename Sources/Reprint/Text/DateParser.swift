import Foundation

/// Parses the publication dates found in document metadata (ISO 8601 dates and date-times).
public enum DateParser {
    /// The date in `text`, or `nil` when it is not an ISO 8601 date (`2021-10-20`) or date-time.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        let day = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day()
        return try? Date(String(trimmed.prefix(10)), strategy: day)
    }
}
