import Foundation
/// 1-based lines and columns (in Unicode code points) of byte offsets in UTF-8 text.
/// A line ends at LF, CRLF or a lone CR.
public struct LineIndex: Sendable {
    /// Byte offset where each line starts.
    public private(set) var lineStarts: [Int]

    public init(_ utf8: [UInt8]) {
        var starts = [0]
        // Room for lines of 32 bytes on average (prose has longer ones): growing a table of a few
        // MB copies it several times. Room not used costs no memory.
        starts.reserveCapacity(utf8.count / 32 + 16)
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // Text with only `\n` line ends (nearly all): let memchr find them, many bytes at a time.
            if memchr(base, 0x0D, buffer.count) == nil {
                var position = 0
                while let found = memchr(base + position, 0x0A, buffer.count - position) {
                    position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(position)
                }
                return
            }
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < buffer.count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        lineStarts = starts
    }

    /// The 0-based line holding `offset`.
    public func lineNumber(of offset: Int) -> Int {
        lineNumber(of: offset, from: 0)
    }

    /// The 0-based line holding `offset`, which is on line `first` or after it.
    func lineNumber(of offset: Int, from first: Int) -> Int {
        var low = first, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// 1-based line and column of a byte offset in `utf8` (the text this index was built from).
    public func location(of offset: Int, in utf8: [UInt8]) -> (line: Int, column: Int) {
        let line = lineNumber(of: offset)
        return (line + 1, 1 + CodePointCounter.count(in: utf8, from: lineStarts[line], to: min(offset, utf8.count)))
    }

    /// Locations for offsets asked in increasing order: columns are counted on from the previous
    /// offset on the same line, so many findings on one long line cost one pass over it.
    public struct Cursor {
        var line = -1
        var offset = 0
        var column = 1

        public init() {}

        public mutating func location(of target: Int, in utf8: [UInt8], index: LineIndex) -> (line: Int, column: Int) {
            // Findings come in text order, mostly a few lines apart: look at the next lines first.
            var targetLine = -1
            if line >= 0, target >= offset {
                var next = line
                while next - line < 4, next + 1 < index.lineStarts.count, index.lineStarts[next + 1] <= target { next += 1 }
                targetLine = next + 1 < index.lineStarts.count && index.lineStarts[next + 1] <= target
                    ? index.lineNumber(of: target, from: next) : next
            } else {
                targetLine = index.lineNumber(of: target)
            }
            if targetLine != line || target < offset {
                line = targetLine
                offset = index.lineStarts[targetLine]
                column = 1
            }
            let end = min(target, utf8.count)
            if offset < end {
                column += CodePointCounter.count(in: utf8, from: offset, to: end)
                offset = end
            }
            return (line + 1, column)
        }
    }

    /// The byte range of a 0-based line, without its line end.
    public func lineRange(_ line: Int, in utf8: [UInt8]) -> Range<Int> {
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : utf8.count
        while end > start, utf8[end - 1] == 0x0A || utf8[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}
