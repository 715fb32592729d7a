import CICU
import Foundation

/// Turns a file's bytes into UTF-8 text: UTF-8 (with or without BOM), UTF-16 with or without BOM, and
/// legacy single-byte encodings (Windows-1252 and the like, as ICU detects them).
public struct TextDecoder: Sendable {
    public init() {}

    public func decode(_ bytes: [UInt8]) throws(InputError) -> DecodedText {
        guard !bytes.isEmpty else { throw .empty }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return decodeUTF8(bytes, from: 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            return try convert(bytes, from: bytes[0] == 0xFF ? "UTF-32LE" : "UTF-32BE", skipping: 4, guessed: false)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try convert(bytes, from: "UTF-16LE", skipping: 2, guessed: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try convert(bytes, from: "UTF-16BE", skipping: 2, guessed: false) }
        if let utf16 = Self.utf16WithoutBOM(bytes) {
            return try convert(bytes, from: utf16, skipping: 0, guessed: true)
        }
        if Self.looksBinary(bytes) { throw .binary }
        let quality = Self.utf8Quality(bytes)
        // Valid UTF-8 is its own decoded text: shared, not copied (a copy touches as much memory again).
        if quality.invalid == 0 { return DecodedText(utf8: bytes, map: .identity(length: bytes.count), encoding: "UTF-8") }
        if quality.validMultibyte >= quality.invalid {
            return decodeUTF8(bytes, from: 0)
        }
        let detected = Self.detectCharset(bytes)
        // ICU names Windows-1252 text "ISO-8859-1" when no C1 bytes occur; 1252 is the superset.
        let charset = detected.flatMap { $0.hasPrefix("ISO-8859-1") || $0.hasPrefix("UTF") ? nil : $0 } ?? "windows-1252"
        return try convert(bytes, from: charset, skipping: 0, guessed: true)
    }

    /// UTF-8 decoding where each malformed byte becomes U+FFFD with a warning naming its byte offset.
    func decodeUTF8(_ bytes: [UInt8], from start: Int) -> DecodedText {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count - start)
        var map = OffsetMap()
        map.skipSource(start)
        var warnings: [InputWarning] = []
        var malformedCount = 0
        var runStart = start
        var index = start
        bytes.withUnsafeBufferPointer { buffer in
            func flushValid(to end: Int) {
                guard end > runStart else { return }
                output.append(contentsOf: buffer[runStart..<end])
                map.append(derived: end - runStart, source: end - runStart)
            }
            while index < buffer.count {
                index = Self.skipASCII(buffer, from: index)
                guard index < buffer.count else { break }
                let length = Self.validSequenceLength(buffer, at: index)
                if length > 0 { index += length; continue }
                flushValid(to: index)
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                map.append(derived: 3, source: 1)
                malformedCount += 1
                if warnings.count < 5 {
                    warnings.append(InputWarning(message: "ongeldige UTF-8 op byte \(index); vervangen door �", offset: index))
                }
                index += 1
                runStart = index
            }
            flushValid(to: buffer.count)
        }
        if malformedCount > warnings.count {
            warnings.append(InputWarning(message: "in totaal \(malformedCount) ongeldige UTF-8-bytes vervangen"))
        }
        return DecodedText(utf8: output, map: map, encoding: "UTF-8", warnings: warnings)
    }

    /// The first position from `index` on that holds a non-ASCII byte (or the end), eight bytes at a
    /// time: most text is ASCII, and every byte of every file passes here twice.
    @inline(__always)
    static func skipASCII(_ buffer: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = buffer.baseAddress else { return index }
        let raw = UnsafeRawPointer(base)
        var index = index
        while index &+ 8 <= buffer.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            index &+= 8
        }
        while index < buffer.count, base[index] < 0x80 { index &+= 1 }
        return index
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 when it is malformed.
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let first = bytes[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { return 0 }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    static func utf8Quality(_ bytes: [UInt8]) -> (validMultibyte: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var valid = 0, invalid = 0, index = 0
            while index < buffer.count {
                index = skipASCII(buffer, from: index)
                guard index < buffer.count else { break }
                let length = validSequenceLength(buffer, at: index)
                if length > 0 { valid += 1; index += length } else { invalid += 1; index += 1 }
            }
            return (valid, invalid)
        }
    }

    /// UTF-16 without a BOM shows as NUL bytes on every other position for Latin text.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 4 else { return nil }
        // Without a NUL byte it cannot be UTF-16 Latin text; memchr tells at once (most files).
        guard sample.withUnsafeBufferPointer({ buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false })
        else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 10 >= pairs * 4 && evenZeros * 20 < pairs { return "UTF-16LE" }
        if evenZeros * 10 >= pairs * 4 && oddZeros * 20 < pairs { return "UTF-16BE" }
        return nil
    }

    /// NUL bytes or many control characters: an image, an archive, an executable.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let count = min(bytes.count, 8192)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let raw = UnsafeRawPointer(base)
            var control = 0
            var index = 0
            while index < count {
                // Eight bytes at a time while none is below 0x20 (a text has a line end every few
                // dozen bytes): adding 0x60 to the low seven bits sets the top bit of every byte >= 0x20.
                if index &+ 8 <= count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    if ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x6060_6060_6060_6060 | word) & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080 {
                        index &+= 8
                        continue
                    }
                }
                let byte = base[index]
                if byte == 0 { return true }
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
                    control += 1
                }
                index &+= 1
            }
            return control * 10 > count
        }
    }

    static func detectCharset(_ bytes: [UInt8]) -> String? {
        let sample = Array(bytes.prefix(65536))
        var name = [CChar](repeating: 0, count: 64)
        let confidence = sample.withUnsafeBufferPointer { buffer in
            helder_detect_charset(buffer.baseAddress, Int32(buffer.count), &name, Int32(name.count))
        }
        guard confidence >= 0 else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func convert(_ bytes: [UInt8], from charset: String, skipping prefix: Int, guessed: Bool) throws(InputError) -> DecodedText {
        let source = bytes.count - prefix
        var output = [UInt8](repeating: 0, count: source * 3 + 16)
        var offsets = [Int64](repeating: 0, count: source + 1)
        var codePoints: Int64 = 0
        let written = bytes.withUnsafeBufferPointer { input in
            helder_convert_to_utf8(charset, input.baseAddress! + prefix, Int64(source), &output, Int64(output.count),
                                   &offsets, Int64(offsets.count), &codePoints)
        }
        guard written >= 0 else { throw .unreadable("onbekende tekenset \(charset)") }
        output.removeSubrange(Int(written)...)
        var map = OffsetMap()
        map.skipSource(prefix)
        var derived = 0
        var replacements = 0
        var warnings: [InputWarning] = []
        for index in 0..<Int(codePoints) {
            let start = Int(offsets[index])
            let end = index + 1 < Int(codePoints) ? Int(offsets[index + 1]) : source
            let length = Self.scalarLength(output[derived])
            if output[derived] == 0xEF && length == 3 && output[derived + 1] == 0xBF && output[derived + 2] == 0xBD {
                replacements += 1
                if warnings.count < 5 {
                    warnings.append(InputWarning(message: "ongeldig teken op byte \(start + prefix); vervangen door �", offset: start + prefix))
                }
            }
            map.append(derived: length, source: end - start)
            derived += length
        }
        if guessed {
            warnings.insert(InputWarning(message: "tekenset geraden: \(charset)"), at: 0)
        }
        // A guessed single-byte charset that yields NUL characters was binary data after all.
        if guessed, !charset.hasPrefix("UTF-16"), output.contains(0) { throw .binary }
        return DecodedText(utf8: output, map: map, encoding: charset, warnings: warnings)
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        default: 4
        }
    }
}
