/// The text Helder analyzes, as a document reader produced it from a file: the visible text in UTF-8,
/// plus what is needed to point back into the file (byte offsets) and into what the user sees (lines and
/// columns).
public struct SourceText: Sendable {
    /// The analyzed text (UTF-8). For plain text this is the decoded file; for HTML the visible text.
    public let text: [UInt8]
    /// Text offsets → offsets in `decoded.utf8`; nil when the text is the decoded text itself.
    let toDecoded: OffsetMap?
    public let decoded: DecodedText
    let lines: LineIndex
    /// Everything Helder worked around while reading the file.
    public var warnings: [InputWarning] { decoded.warnings + readerWarnings }
    var readerWarnings: [InputWarning] = []

    /// Plain text: the decoded text is what is analyzed.
    public init(decoded: DecodedText) {
        self.text = decoded.utf8
        self.toDecoded = nil
        self.decoded = decoded
        self.lines = LineIndex(decoded.utf8)
    }

    /// Derived text (markup removed) with a map back to the decoded text.
    public init(text: [UInt8], map: OffsetMap, decoded: DecodedText, warnings: [InputWarning] = []) {
        self.text = text
        self.toDecoded = map
        self.decoded = decoded
        self.lines = LineIndex(decoded.utf8)
        self.readerWarnings = warnings
    }

    /// Convenience for tests and stdin: a UTF-8 string as its own file.
    public init(string: String) {
        self.init(decoded: DecodedText(text: string))
    }

    /// Offset in `decoded.utf8` of a text offset.
    public func decodedOffset(_ offset: Int) -> Int {
        toDecoded?.source(offset) ?? offset
    }

    public func decodedRange(_ range: Range<Int>) -> Range<Int> {
        toDecoded?.source(range) ?? range
    }

    /// The byte range in the original file of a text range.
    public func fileRange(_ range: Range<Int>) -> Range<Int> {
        decoded.map.source(decodedRange(range))
    }

    /// 1-based line and column (code points) in what the user sees.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        lines.location(of: decodedOffset(offset), in: decoded.utf8)
    }

    /// The same, for offsets in increasing order (no rescans of long lines).
    public func location(of offset: Int, cursor: inout LineIndex.Cursor) -> (line: Int, column: Int) {
        cursor.location(of: decodedOffset(offset), in: decoded.utf8, index: lines)
    }

    /// A window of the source line around a text offset, at most `before` code points before it and
    /// `after` after it, and the 1-based column of the offset in that window.
    public func sourceExcerpt(around offset: Int, before: Int = 60, after: Int = 100) -> (text: String, column: Int) {
        let bytes = decoded.utf8
        let target = min(decodedOffset(offset), bytes.count)
        let range = lines.lineRange(lines.lineNumber(of: target), in: bytes)
        var start = target, taken = 0
        while start > range.lowerBound, taken < before {
            start -= 1
            while start > range.lowerBound, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            taken += 1
        }
        var end = max(target, range.lowerBound), counted = 0
        while end < range.upperBound, counted < after {
            end += 1
            while end < range.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
            counted += 1
        }
        return (String(decoding: bytes[start..<max(start, min(end, range.upperBound))], as: UTF8.self), taken + 1)
    }

    /// The decoded text of a text range as the file has it (for `match`): the decoded source range, so
    /// `&amp;` in HTML stays `&amp;` and it equals the file's bytes at the reported offset.
    public func matchText(_ range: Range<Int>) -> String {
        // The bytes taken out first: read through `decoded` as the String is made, the whole source
        // text was copied (and let go of) for every finding.
        let bytes = decoded.utf8
        let clamped = decodedRange(range).clamped(to: 0..<bytes.count)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[clamped]), as: UTF8.self) }
    }

    public func string(_ range: Range<Int>) -> String {
        String(decoding: text[range.clamped(to: 0..<text.count)], as: UTF8.self)
    }
}
