import Testing
@testable import Helder

@Suite struct DecodingTests {
    let text = "Één café: de OTS wordt “verlengd”. € 5,–\r\nTweede regel met e\u{301} en ’t."

    func findingsMatchFileBytes(_ bytes: [UInt8], decodedAs expected: String? = nil) throws {
        let source = try PlainTextReader().read(bytes)
        if let expected { #expect(String(decoding: source.text, as: UTF8.self) == expected) }
        let document = Fixture.brief.analyze(source)
        for token in document.tokens {
            let range = source.fileRange(token.range)
            #expect(range.upperBound <= bytes.count)
            let original = try TextDecoder().decode(Array(bytes[range]) + [0x20]).utf8.dropLast()
            #expect(String(decoding: original, as: UTF8.self) == document.text(of: token) || source.decoded.encoding.hasPrefix("UTF-16"))
        }
    }

    @Test func utf8WithAndWithoutBOM() throws {
        try findingsMatchFileBytes(Array(text.utf8), decodedAs: text)
        let withBOM = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let source = try PlainTextReader().read(withBOM)
        #expect(String(decoding: source.text, as: UTF8.self) == text)
        #expect(source.fileRange(0..<3) == 3..<6)
    }

    @Test func utf16WithBOMAndWithout() throws {
        for (bom, bigEndian) in [([UInt8]([0xFF, 0xFE]), false), ([0xFE, 0xFF], true), ([], false)] {
            var bytes = bom
            for unit in text.utf16 {
                let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
                bytes += bigEndian ? pair.reversed() : pair
            }
            let source = try PlainTextReader().read(bytes)
            #expect(String(decoding: source.text, as: UTF8.self) == text)
            // "OTS" starts at code unit 13: byte 26 after the BOM.
            let ots = Array(text.utf8).firstRange(of: Array("OTS".utf8))!
            #expect(source.fileRange(ots) == (bom.count + 26)..<(bom.count + 32))
        }
    }

    @Test func windows1252IsDetectedWithAWarning() throws {
        // "Zo’n café kost €5 en “meer”." in Windows-1252.
        let bytes: [UInt8] = Array("Zo".utf8) + [0x92] + Array("n caf".utf8) + [0xE9] + Array(" kost ".utf8) + [0x80]
            + Array("5 en ".utf8) + [0x93] + Array("meer".utf8) + [0x94] + Array(". Dit is een langere zin in het Nederlands.".utf8)
        let source = try PlainTextReader().read(bytes)
        #expect(String(decoding: source.text, as: UTF8.self).hasPrefix("Zo’n café kost €5 en “meer”."))
        #expect(source.warnings.contains { $0.message.contains("tekenset geraden") })
        let cafe = Array(source.text).firstRange(of: Array("café".utf8))!
        #expect(source.fileRange(cafe) == 5..<9)
        #expect(source.matchText(cafe) == "café")
    }

    @Test func malformedUTF8IsAWarningAndLaterOffsetsStayExact() throws {
        let bytes = Array("Eerst één. ".utf8) + [0xC3, 0x28] + Array(" Dan de OTS hier.".utf8)
        let report = BatchChecker(checker: Fixture.brief).check(bytes: bytes, path: "x.txt", displayPath: "x.txt")
        #expect(report.error == nil)
        #expect(report.warnings.contains { $0.message.contains("byte 13") })
        let ots = try #require(report.findings.first { $0.match == "OTS" })
        #expect(Array(bytes[ots.offset..<ots.offset + ots.length]) == Array("OTS".utf8))
    }

    @Test func binaryEmptyAndWhitespaceAreErrors() {
        #expect(throws: InputError.binary) { try PlainTextReader().read([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]) }
        #expect(throws: InputError.empty) { try PlainTextReader().read([]) }
        #expect(throws: InputError.self) { try PlainTextReader().read(Array("  \n\t ".utf8)) }
    }

    @Test func linesAndColumnsCountCodePointsAcrossCRLFAndCombiningMarks() {
        let source = SourceText(string: "a\r\né\u{301}x OTS\nz")
        let offset = Array(source.text).firstRange(of: Array("OTS".utf8))!.lowerBound
        let location = source.location(of: offset)
        #expect(location.line == 2)
        #expect(location.column == 5)
    }

    /// Line starts are found by memchr when the text has only `\n` line ends and byte by byte otherwise;
    /// both must agree with a plain count.
    @Test func lineStartsWithAndWithoutCarriageReturns() {
        func expected(_ bytes: [UInt8]) -> [Int] {
            var starts = [0]
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                if bytes[index] == 0x0A || bytes[index] == 0x0D { starts.append(index + 1) }
                index += 1
            }
            return starts
        }
        for text in ["", "\n", "a", "a\n", "\n\nb\nc", "a\r\nb\rc\n\r\n", "één\ntwee\n\ndrie", "x\r"] {
            let bytes = Array(text.utf8)
            #expect(LineIndex(bytes).lineStarts == expected(bytes), "\(text.debugDescription)")
        }
    }

    /// Columns and character offsets count code points eight bytes at a time; the count must be a
    /// byte-by-byte count's for any bytes (valid UTF-8 or not), from any start to any end, and the line
    /// cursor and the character counter must agree with fresh counts for offsets in increasing order.
    @Test func columnsCountCodePointsAtEveryAlignment() {
        var generator = SeededGenerator(seed: 11)
        let pieces: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("’".utf8), Array("😀".utf8), [0x80], [0xFF], [0x0A], Array(" ".utf8)]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            let start = Int.random(in: 0...bytes.count, using: &generator)
            let end = Int.random(in: start...bytes.count, using: &generator)
            let expected = bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count
            #expect(CodePointCounter.count(in: bytes, from: start, to: end) == expected)
            let counter = CodePointCounter(bytes)
            for offset in stride(from: 0, through: bytes.count + 2, by: 5) {
                #expect(counter.count(upTo: offset) == bytes.prefix(offset).filter { $0 & 0xC0 != 0x80 }.count)
            }
            let index = LineIndex(bytes)
            // Steps of one byte stay on a line; long ones jump over several lines at once.
            for step in [1, 3, 29] {
                var cursor = LineIndex.Cursor()
                for offset in stride(from: 0, through: bytes.count, by: step) {
                    let fresh = index.location(of: offset, in: bytes)
                    let stepped = cursor.location(of: offset, in: bytes, index: index)
                    #expect(fresh == stepped)
                    #expect(fresh.column == 1 + bytes[index.lineStarts[fresh.line - 1]..<offset].filter { $0 & 0xC0 != 0x80 }.count)
                }
            }
        }
    }

    @Test func suppressionCommentsAreFoundAnywhereInTheText() {
        #expect(Suppressions.mentionsHelder(Array("helder-".utf8)))
        #expect(Suppressions.mentionsHelder(Array("x hhelder-disable".utf8)))
        #expect(Suppressions.mentionsHelder(Array((String(repeating: "h", count: 100) + "helder-").utf8)))
        #expect(!Suppressions.mentionsHelder(Array("helder".utf8)))
        #expect(!Suppressions.mentionsHelder(Array("Helder-disable hulder- helde-".utf8)))
        #expect(!Suppressions.mentionsHelder([]))
    }

    /// The eight-bytes-at-a-time ASCII skip stops exactly where a byte-by-byte scan would, at every
    /// alignment; malformed bytes after long ASCII runs are still reported at their own offset.
    @Test func asciiSkipStopsAtTheFirstNonASCIIByte() throws {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<10, using: &generator) == 0 ? UInt8.random(in: 0x80...0xFF, using: &generator) : UInt8.random(in: 0x20..<0x7F, using: &generator)
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected = bytes[start...].firstIndex { $0 >= 0x80 } ?? bytes.count
                    #expect(TextDecoder.skipASCII(buffer, from: start) == expected)
                }
            }
        }
        let text = Array("éé".utf8) + Array(String(repeating: "abcdefgh", count: 5).utf8) + [0xFF] + Array("ok".utf8)
        let decoded = try PlainTextReader().read(text)
        #expect(decoded.warnings.first?.offset == 44)
        #expect(decoded.string(0..<decoded.text.count) == "éé" + String(repeating: "abcdefgh", count: 5) + "\u{FFFD}ok")
    }

    /// The word-at-a-time binary sniff agrees with a byte loop on random text with control bytes, tabs,
    /// line ends and NULs in it.
    @Test func binarySniffAgreesWithAByteLoop() {
        func reference(_ bytes: [UInt8]) -> Bool {
            let sample = bytes.prefix(8192)
            if sample.contains(0) { return true }
            let control = sample.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C, 0x1B].contains($0) }.count
            return control * 10 > sample.count
        }
        var generator = SeededGenerator(seed: 3)
        let odd: [UInt8] = [0, 0x01, 0x07, 0x09, 0x0A, 0x0C, 0x0D, 0x1B, 0x1F, 0x20, 0x7F, 0x80, 0xC3, 0xFF]
        for round in 0..<400 {
            let rate = [2, 5, 20, 200][round % 4]
            let bytes = (0..<Int.random(in: 0...100, using: &generator)).map { _ in
                Int.random(in: 0..<rate, using: &generator) == 0 ? odd.randomElement(using: &generator)!
                    : UInt8.random(in: 0x20..<0x7F, using: &generator)
            }
            #expect(TextDecoder.looksBinary(bytes) == reference(bytes), "\(bytes)")
        }
        let long = [UInt8](repeating: 0x61, count: 9000) + [0]
        #expect(!TextDecoder.looksBinary(long))
    }

    /// Property: for random documents mixing Dutch words with multibyte characters, every token's byte
    /// range in the original file holds exactly its text, in UTF-8 and in UTF-16.
    @Test func offsetMapPropertyOnRandomDocuments() throws {
        var generator = SeededGenerator(seed: 42)
        let pieces = ["de", "OTS", "café", "Één", "’s", "auto's", "😀", "e\u{301}", "€ 1.250,00", "\r\n", "\n\n", ". ", ", ",
                      "«Naam»", "z.s.m.", "ondertoezicht-\nstelling", "\u{AD}", "\u{A0}", "日本", "risicotaxatie", " "]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " ")
            let source = SourceText(string: text)
            let bytes = Array(text.utf8)
            for token in Fixture.brief.analyze(source).tokens {
                let range = source.fileRange(token.range)
                #expect(Array(bytes[range]) == Array(source.text[token.range]))
            }
            var utf16: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            let wide = try PlainTextReader().read(utf16)
            for token in Fixture.brief.analyze(wide).tokens {
                let range = wide.fileRange(token.range)
                let units = stride(from: range.lowerBound, to: range.upperBound, by: 2).map { UInt16(utf16[$0]) | UInt16(utf16[$0 + 1]) << 8 }
                #expect(String(decoding: units, as: UTF16.self) == wide.string(token.range))
            }
        }
    }
}

/// A small deterministic random generator (SplitMix64), so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
