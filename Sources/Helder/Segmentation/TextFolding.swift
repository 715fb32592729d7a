import CICU

/// The matching key of a piece of text: case-folded, accents removed, typographic apostrophes as ',
/// soft hyphens and zero-width characters dropped, a hyphen at a line end joined.
public enum TextFolding {
    static func key(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, joined: Bool) -> String {
        var ascii = true
        for index in range where buffer[index] >= 0x80 || buffer[index] == UInt8(ascii: "`") {
            ascii = false
            break
        }
        if ascii && !joined { return asciiLowercased(buffer, range) }
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(range.count)
        var position = range.lowerBound
        var needsICU = false
        while position < range.upperBound {
            let (value, length) = buffer.scalar(at: position)
            if joined, value == UInt32(ascii: "-") || value == 0x2010 || value == 0x2011 {
                // Skip `-` followed by a line end and indentation.
                var next = position + length
                var sawNewline = false
                while next < range.upperBound, [0x0A, 0x0D, 0x20, 0x09].contains(buffer[next]) {
                    if buffer[next] == 0x0A || buffer[next] == 0x0D { sawNewline = true }
                    next += 1
                }
                if sawNewline {
                    position = next
                    continue
                }
            }
            switch Characters.classify(value) {
            case .ignorable:
                break
            case .apostrophe:
                cleaned.append(UInt8(ascii: "'"))
            default:
                if value >= 0x80 {
                    needsICU = true
                    cleaned.append(contentsOf: buffer[position..<position + length])
                } else {
                    cleaned.append(value >= 65 && value <= 90 ? UInt8(value + 32) : UInt8(value))
                }
            }
            position += length
        }
        return needsICU ? fold(cleaned) : String(decoding: cleaned, as: UTF8.self)
    }

    /// The key of plain ASCII text (no backquote, no line-end hyphen): only A-Z change.
    @inline(__always)
    static func asciiLowercased(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { output in
            guard let source = buffer.baseAddress, let target = output.baseAddress else { return 0 }
            var offset = 0
            while offset < range.count {
                let byte = source[range.lowerBound &+ offset]
                target[offset] = byte &- 65 < 26 ? byte | 0x20 : byte
                offset &+= 1
            }
            return range.count
        }
    }

    /// Folds any text the way token keys are folded (lexicon forms go through here too).
    public static func fold(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { key($0, 0..<bytes.count, joined: false) }
    }

    static func fold(_ bytes: [UInt8]) -> String {
        var capacity = Int32(bytes.count * 2 + 16)
        while true {
            // Scratch space on the stack for a word (the heap past a few KB): no array allocated per fold.
            let (folded, written): (String?, Int32) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(capacity)) { output in
                let written = helder_fold(bytes, Int32(bytes.count), output.baseAddress, capacity)
                guard written >= 0 else { return (nil, written) }
                return (String(decoding: UnsafeBufferPointer(rebasing: output[..<Int(written)]), as: UTF8.self), written)
            }
            if let folded { return folded }
            if written == Int32.min { return String(decoding: bytes, as: UTF8.self).lowercased() }
            capacity = -written + 1
        }
    }
}
