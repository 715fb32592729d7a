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
        return (line + 1, 1 + Self.codePoints(in: utf8, from: lineStarts[line], to: min(offset, utf8.count)))
    }

    /// The number of code points that start in `start..<end`: bytes that are not UTF-8 continuation
    /// bytes (`10xxxxxx`), counted eight at a time. Each finding's column is counted on from the one
    /// before, so a file with many findings is read through once here.
    static func codePoints(in utf8: [UInt8], from start: Int, to end: Int) -> Int {
        guard start < end else { return 0 }
        return utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            let raw = UnsafeRawPointer(base)
            var count = 0
            var index = start
            while index &+ 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // A continuation byte has its top bit set and the next one clear; shifted left by one,
                // each byte's second bit lands on its top bit.
                let continuations = word & ~(word &<< 1) & 0x8080_8080_8080_8080
                count &+= 8 &- continuations.nonzeroBitCount
                index &+= 8
            }
            while index < end {
                if base[index] & 0xC0 != 0x80 { count &+= 1 }
                index &+= 1
            }
            return count
        }
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
                column += LineIndex.codePoints(in: utf8, from: offset, to: end)
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
