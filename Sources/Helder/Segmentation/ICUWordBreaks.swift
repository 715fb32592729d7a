import CICU

/// ICU's word break iterator for Dutch (`nl`), over UTF-8 bytes.
enum ICUWordBreaks {
    /// Boundary offsets (UTF-8 bytes) of `range` in `buffer`, relative to the buffer, the range's ends included.
    static func boundaries(in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Int] {
        guard !range.isEmpty, let base = buffer.baseAddress,
              let iterator = helder_break_open(HELDER_BREAK_WORD, "nl", base + range.lowerBound, Int64(range.count)) else {
            return [range.lowerBound, range.upperBound]
        }
        defer { helder_break_close(iterator) }
        var result = [range.lowerBound]
        while true {
            let next = helder_break_next(iterator)
            if next < 0 { break }
            result.append(range.lowerBound + Int(next))
        }
        return result
    }

    /// True for scripts written without spaces between words, where only a dictionary finds the words.
    static func needsDictionary(_ value: UInt32) -> Bool {
        switch value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x2E80...0x2FDF, 0x3040...0x30FF,
             0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
