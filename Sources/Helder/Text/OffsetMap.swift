/// Maps byte offsets in a derived UTF-8 text back to byte offsets in the text it came from (the original
/// file in its own encoding, or the decoded text before markup was removed).
///
/// The map is a list of segments; inside a segment every unit has the same length on both sides, so a
/// UTF-8 file maps as one identity segment and a UTF-16 file as a few long segments.
public struct OffsetMap: Sendable, Equatable {
    struct Segment: Sendable, Equatable {
        var derived: Int
        var source: Int
        var derivedUnit: Int
        var sourceUnit: Int
        var count: Int
    }

    private(set) var segments: [Segment] = []
    public private(set) var derivedLength = 0
    public private(set) var sourceLength = 0

    public init() {}

    /// An identity map over `length` bytes, starting at `sourceOffset` in the source.
    public static func identity(length: Int, sourceOffset: Int = 0) -> OffsetMap {
        var map = OffsetMap()
        map.sourceLength = sourceOffset
        map.segments.append(Segment(derived: 0, source: sourceOffset, derivedUnit: 1, sourceUnit: 1, count: 0))
        map.append(derived: length, source: length)
        return map
    }

    /// Appends one unit: `derived` bytes of the derived text that stand for `source` bytes of the source.
    /// Equal lengths are stored byte by byte, so runs of them merge into one segment.
    public mutating func append(derived: Int, source: Int) {
        let (derivedUnit, sourceUnit, count) = derived == source && derived > 0 ? (1, 1, derived) : (derived, source, 1)
        if var last = segments.last, last.derivedUnit == derivedUnit, last.sourceUnit == sourceUnit,
           last.derived + last.derivedUnit * last.count == derivedLength,
           last.source + last.sourceUnit * last.count == sourceLength, derivedUnit > 0 {
            last.count += count
            segments[segments.count - 1] = last
        } else {
            segments.append(Segment(derived: derivedLength, source: sourceLength, derivedUnit: derivedUnit,
                                    sourceUnit: sourceUnit, count: count))
        }
        derivedLength += derived
        sourceLength += source
    }

    /// Skips source bytes that have no derived counterpart (a BOM, a removed tag).
    public mutating func skipSource(_ length: Int) {
        guard length > 0 else { return }
        append(derived: 0, source: length)
    }

    /// The source offset of a derived offset. Offsets inside a unit map to the unit's start; the end of
    /// the text maps to the end of the source.
    public func source(_ derived: Int) -> Int {
        guard !segments.isEmpty else { return derived }
        if derived >= derivedLength { return sourceLength }
        // Zero-length derived segments (skipped source bytes) sit at the same derived offset as the next
        // real segment; the last one starting at or before `derived` is the real one.
        let segment = segments[lastSegment(startingAtOrBefore: derived)]
        guard segment.derivedUnit > 0 else { return segment.source + segment.sourceUnit * segment.count }
        let delta = derived - segment.derived
        let unit = delta / segment.derivedUnit
        return segment.source + unit * segment.sourceUnit
    }

    /// The source range of a derived range: from the source start of `range.lowerBound` to the source end
    /// of the last byte.
    public func source(_ range: Range<Int>) -> Range<Int> {
        let start = source(range.lowerBound)
        guard range.upperBound > range.lowerBound else { return start..<start }
        let end = sourceEnd(range.upperBound)
        return start..<max(start, end)
    }

    /// The source offset just after the unit that ends at or contains `derived - 1`.
    private func sourceEnd(_ derivedEnd: Int) -> Int {
        let last = derivedEnd - 1
        guard last < derivedLength else { return sourceLength }
        let segment = segments[lastSegment(startingAtOrBefore: last)]
        guard segment.derivedUnit > 0 else { return segment.source }
        let unit = (last - segment.derived) / segment.derivedUnit
        return segment.source + (unit + 1) * segment.sourceUnit
    }

    /// The index of the last segment whose derived start is at or before `derived`.
    private func lastSegment(startingAtOrBefore derived: Int) -> Int {
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].derived <= derived { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
