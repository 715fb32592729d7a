import Foundation
import Testing
@testable import Helder

@Suite struct TokenizerTests {
    func tokens(_ text: String) -> [String] {
        let document = Fixture.brief.analyze(SourceText(string: text))
        return document.tokens.map { document.text(of: $0) }
    }

    func kinds(_ text: String) -> [TokenKind] {
        Fixture.brief.analyze(SourceText(string: text)).tokens.map(\.kind)
    }

    @Test(arguments: [
        ("'s avonds", ["'s", "avonds"]),
        ("auto's en zo'n", ["auto's", "en", "zo'n"]),
        ("m'n d'r", ["m'n", "d'r"]),
        ("de OTS-verlenging", ["de", "OTS-verlenging"]),
        ("GI-medewerker ex-partner Noord-Brabant", ["GI-medewerker", "ex-partner", "Noord-Brabant"]),
        ("z.s.m. i.v.m. t.a.v. bijv.", ["z.s.m.", "i.v.m.", "t.a.v.", "bijv."]),
        ("art. 5 dhr. mevr. J. Jansen", ["art.", "5", "dhr.", "mevr.", "J.", "Jansen"]),
        ("ouders en/of voogd", ["ouders", "en/of", "voogd"]),
        ("op 12-03-2026 om 10.00 uur of 9:30", ["op", "12-03-2026", "om", "10.00", "uur", "of", "9:30"]),
        ("€ 1.250,00 en 50%", ["€", "1.250,00", "en", "50%"]),
        ("bel 0800-2000 of 088 - 123 45 67", ["bel", "0800-2000", "of", "088", "-", "123", "45", "67"]),
        ("zie www.veiligthuis.nl of https://example.org/a?b=1.", ["zie", "www.veiligthuis.nl", "of", "https://example.org/a?b=1", "."]),
        ("mail info@veilig-thuis.nl.", ["mail", "info@veilig-thuis.nl", "."]),
        ("art. 1:263 BW", ["art.", "1:263", "BW"]),
        ("Beste «Naam ouder», {{datum}} [NAAM KIND] $voornaam$ %ACHTERNAAM% <<adres>>",
         ["Beste", "«Naam ouder»", ",", "{{datum}}", "[NAAM KIND]", "$voornaam$", "%ACHTERNAAM%", "<<adres>>"]),
        ("ondertoezichtstelling [OTS] en 50% van", ["ondertoezichtstelling", "[", "OTS", "]", "en", "50%", "van"]),
        ("Hij zei: \"Nee.\" Daarna ging hij...", ["Hij", "zei", ":", "\"", "Nee", ".", "\"", "Daarna", "ging", "hij", "..."]),
        ("probleem- en krachtenanalyse", ["probleem-", "en", "krachtenanalyse"]),
        ("de jaren '30, centrum- rechts", ["de", "jaren", "'30", ",", "centrum-", "rechts"]),
        ("« Metro » en «Naam ouder»", ["«", "Metro", "»", "en", "«Naam ouder»"]),
        ("Hij zei ,,ja'' en ging.", ["Hij", "zei", ",,", "ja", "''", "en", "ging", "."]),
        ("zwangerschaps-, darm-, hart- en vaatziekten", ["zwangerschaps-", ",", "darm-", ",", "hart-", "en", "vaatziekten"]),
        ("een woning van 80 m² -- met tuin", ["een", "woning", "van", "80", "m²", "--", "met", "tuin"]),
    ])
    func dutchTokens(_ text: String, _ expected: [String]) {
        #expect(tokens(text) == expected)
    }

    @Test func kindsAreRecognized() {
        #expect(kinds("«Naam» z.s.m. 12 https://a.nl x@y.nl , €") == [.placeholder, .abbreviation, .number, .url, .email, .punctuation, .symbol])
    }

    @Test func lineEndHyphenIsJoinedForMatching() {
        let document = Fixture.brief.analyze(SourceText(string: "de ondertoezicht-\nstelling is"))
        #expect(document.tokens.count == 3)
        #expect(document.key(1) == "ondertoezichtstelling")
        #expect(Fixture.brief.check(SourceText(string: "Er komt een ondertoezicht-\nstelling.")).contains { $0.entry == "ondertoezichtstelling" })
    }

    @Test func keysFoldCaseAccentsAndApostrophes() {
        let document = Fixture.brief.analyze(SourceText(string: "Casuïstiek auto’s on\u{AD}der"))
        #expect(document.tokens.indices.map(document.key) == ["casuistiek", "auto's", "onder"])
    }

    @Test func tokensNeverContainWhitespace() {
        let text = "Dit is een test.\tMet tabs en\u{00A0}harde spaties, «Naam ouder» en meer."
        let document = Fixture.brief.analyze(SourceText(string: text))
        for token in document.tokens where token.kind != .placeholder {
            #expect(!document.text(of: token).contains(where: { $0.isWhitespace }))
        }
    }

    @Test func entitiesAreRecognized() {
        let document = Fixture.brief.analyze(SourceText(string: "Op 12 maart 2026 kost het € 1.250,00; bel 088 - 123 45 67 (art. 1:263 BW) om 10.00 uur."))
        let kinds = document.entities.map(\.kind)
        #expect(kinds.contains(.date))
        #expect(kinds.contains(.amount))
        #expect(kinds.contains(.phone))
        #expect(kinds.contains(.articleReference))
        #expect(kinds.contains(.time))
        #expect(!Fixture.brief.check(SourceText(string: "Zie art. 1:263 BW.")).contains { $0.rule == "abbreviation.unknown-acronym" })
        #expect(Fixture.brief.check(SourceText(string: "Postbus 19221\n3501 DE Utrecht")).isEmpty)
    }
}

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let document = Fixture.brief.analyze(SourceText(string: text))
        return document.sentences.map { range in
            document.source.string(document.tokens[range.lowerBound].start..<document.tokens[range.upperBound - 1].end)
        }
    }

    @Test func abbreviationsInitialsAndOrdinalsDoNotEndASentence() {
        #expect(sentences("Dit geldt bijv. voor dhr. J. de Vries. Hij komt morgen.") == ["Dit geldt bijv. voor dhr. J. de Vries.", "Hij komt morgen."])
        #expect(sentences("Zie art. 5 van de wet. Dan nr. 3 lezen.") == ["Zie art. 5 van de wet.", "Dan nr. 3 lezen."])
    }

    @Test func blankLinesHeadingsAndListsEndSentences() {
        #expect(sentences("Uitnodiging\nWij nodigen u uit.\n\nMet vriendelijke groet") == ["Uitnodiging", "Wij nodigen u uit.", "Met vriendelijke groet"])
        #expect(sentences("Neem mee:\n- uw paspoort\n- de brief\n1. eerst bellen\na) daarna") == ["Neem mee:", "- uw paspoort", "- de brief", "1. eerst bellen", "a) daarna"])
    }

    @Test func quotesAndBracketsCloseWithTheirSentence() {
        #expect(sentences("Hij zei: \"Ik kom.\" Toen ging hij. (Dat was goed.) Daarna niet…") == ["Hij zei: \"Ik kom.\"", "Toen ging hij.", "(Dat was goed.)", "Daarna niet…"])
        #expect(sentences("Wacht... Nu komt het! Echt?") == ["Wacht...", "Nu komt het!", "Echt?"])
        // A quote standing free after the end, with only the paragraph end or a bracket after it, closes.
        #expect(sentences("\" Dat is onzin. \"\n\nDaarna niets.") == ["\" Dat is onzin. \"", "Daarna niets."])
        #expect(sentences("\" Dat is onzin. \" (krant, 2005)") == ["\" Dat is onzin. \"", "(krant, 2005)"])
        #expect(sentences("Hij zei het. \" Kom maar, \" zei ze.") == ["Hij zei het.", "\" Kom maar, \" zei ze."])
    }

    /// Every closing mark, glued to the end of a sentence, stays with it; the ones that never open a
    /// sentence (`”`, `»`, `''`, `)`, `]`) close it even after a space.
    @Test func everyClosingMarkStaysWithItsSentence() {
        for mark in ["\"", "'", "”", "’", "»", ")", "]", "''"] {
            #expect(sentences("Hij komt.\(mark) Toen ging hij.") == ["Hij komt.\(mark)", "Toen ging hij."], "\(mark)")
        }
        for mark in ["”", "»", "''", ")", "]"] {
            #expect(sentences("Hij komt. \(mark) Toen ging hij.") == ["Hij komt. \(mark)", "Toen ging hij."], "\(mark)")
        }
        #expect(sentences("Hij komt. \" Toen ging hij.") == ["Hij komt.", "\" Toen ging hij."])
    }
}

/// The fast path and the ICU path must give the same tokens on every corpus document and on the UD
/// Dutch dev text (when the shared data is present next to the repository).
@Suite struct TokenizerPathTests {
    static let lexicons = Fixture.lexicons

    func tokenizers() -> (Tokenizer, Tokenizer) {
        let fast = Analyzer(lexicons: Self.lexicons).tokenizer
        var icu = fast
        icu.path = .icu
        return (fast, icu)
    }

    func texts() throws -> [(String, [UInt8])] {
        var result: [(String, [UInt8])] = []
        let corpus = Fixture.root.appendingPathComponent("Corpus")
        for file in FileManager.default.enumerator(atPath: corpus.path)!.compactMap({ $0 as? String }).sorted() where file.hasSuffix(".txt") || file.hasSuffix(".md") {
            result.append((file, Array(try Data(contentsOf: corpus.appendingPathComponent(file)))))
        }
        let ud = Fixture.root.deletingLastPathComponent().appendingPathComponent("shared/data/ud-nl")
        for name in ["nl_alpino-ud-dev.conllu", "nl_lassysmall-ud-dev.conllu"] {
            guard let data = FileManager.default.contents(atPath: ud.appendingPathComponent(name).path) else { continue }
            let text = String(decoding: data, as: UTF8.self).split(separator: "\n")
                .filter { $0.hasPrefix("# text = ") }.map { $0.dropFirst(9) }.joined(separator: "\n")
            result.append((name, Array(text.utf8)))
        }
        return result
    }

    @Test func fastAndICUPathsAgree() throws {
        let (fast, icu) = tokenizers()
        for (name, bytes) in try texts() {
            let a = fast.tokenize(bytes).map { [$0.start, $0.end] }
            let b = icu.tokenize(bytes).map { [$0.start, $0.end] }
            #expect(a == b, "\(name)")
        }
    }

    /// The fast path takes plain ASCII words in one step (`appendPlainWord`); the ICU path never does.
    /// Whole tokens (kind and flags too) and their keys must agree, on the corpus and on random text
    /// built from the marks that decide where such a word ends: words of 1 to 20 letters around the 8-
    /// and 16-byte steps, in every case, next to `-`, `'`, `.`, `@`, `+`, `_`, digits, accents and web
    /// and e-mail addresses.
    @Test func plainWordLaneGivesTheGeneralScannersTokens() throws {
        let (fast, icu) = tokenizers()
        var generator = SeededGenerator(seed: 23)
        let pieces = [" ", " ", " ", "\n", "\n\n", ",", ":", ";", ".", "-", "'", "’", "@", "+", "_", "&", "%", "/", "(", ")",
                      "\"", "?", "!", "3", "12", "é", "ë", "http", "://", "www.", "@helder.nl", ".nl", " bijv.", " Dhr.", " J.", "..", ",,", "\t", "`", "«", "[", "$", "#", "*", "\r\n"]
        var texts = try texts()
        for number in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...60, using: &generator) {
                if Bool.random(using: &generator) {
                    let length = Int.random(in: 1...20, using: &generator)
                    text += String((0..<length).map { _ in
                        let letter = Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &generator)))
                        return Int.random(in: 0..<4, using: &generator) == 0 ? Character(letter.uppercased()) : letter
                    })
                } else {
                    text += pieces.randomElement(using: &generator)!
                }
            }
            texts.append(("random \(number)", Array(text.utf8)))
        }
        for (name, bytes) in texts {
            let a = fast.tokenizeWithKeys(bytes), b = icu.tokenizeWithKeys(bytes)
            #expect(a.tokens == b.tokens, "\(name)")
            #expect(a.tokens.indices.map { a.keys[$0] } == b.tokens.indices.map { b.keys[$0] }, "\(name)")
        }
    }

    /// The scanner writes into storage sized for ordinary prose; a text with more tokens than that
    /// (`a,a,a,…`, one token a byte) is scanned again with room for all. Whatever room it starts with,
    /// the tokens and keys are the same, and none is lost at the edge of the storage.
    @Test func tokensBeyondTheExpectedRoomAreKept() throws {
        let (fast, _) = tokenizers()
        let dense = Array(String(repeating: "a,b.c;", count: 500).utf8)
        for (name, bytes) in try texts().prefix(3) + [("dense", dense)] {
            let usual = fast.scan(bytes, keys: true)
            #expect(usual.tokens.count == usual.keyIndex.count, "\(name)")
            for room in [0, 1, usual.tokens.count - 1, usual.tokens.count] {
                let scanned = fast.scan(bytes, keys: true, expectedCapacity: room)
                #expect(scanned.tokens == usual.tokens, "\(name) \(room)")
                #expect(scanned.keyIndex == usual.keyIndex, "\(name) \(room)")
                #expect(scanned.wordCount == usual.tokens.filter { $0.kind == .word }.count, "\(name) \(room)")
                #expect(fast.scan(bytes, keys: false, expectedCapacity: room).tokens == usual.tokens, "\(name) \(room)")
            }
        }
        #expect(fast.scan(dense, keys: true).tokens.count > dense.count / 3 + 64)
    }

    /// A token's length has 16 bits: a longer run without a space (a pasted blob, a runaway address) comes
    /// in pieces that cover it exactly, cut between characters, the first with the run's flags, on both
    /// paths alike; text around it is tokenized as usual.
    @Test func runsLongerThanATokenComeInPieces() throws {
        let (fast, icu) = tokenizers()
        let blob = String(repeating: "é", count: 40_000) + String(repeating: "x", count: 70_001)
        let url = "https://example.nl/" + String(repeating: "a", count: 150_000)
        for run in [blob, url] {
            let text = "Zie hier:\n" + run + " en verder."
            let bytes = Array(text.utf8)
            let tokens = fast.tokenize(bytes)
            #expect(tokens == icu.tokenize(bytes))
            let start = "Zie hier:\n".utf8.count
            let pieces = tokens.filter { $0.start >= start && $0.end <= start + run.utf8.count }
            #expect(pieces.count == 3)
            #expect(pieces.first?.start == start && pieces.last?.end == start + run.utf8.count)
            #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.end == $1.start })
            #expect(pieces.allSatisfy { $0.end - $0.start <= Token.maximumLength && bytes[$0.start] & 0xC0 != 0x80 })
            #expect(pieces.first?.flags.contains(.lineStart) == true && pieces.dropFirst().allSatisfy { $0.flags.isEmpty })
            #expect(tokens.suffix(3).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == ["en", "verder", "."])
        }
    }

    /// The plain-word lane's table of bytes that end a word: the general scanner's `endsWord`, except
    /// `,` and `:` (which go on only after digits) and what an e-mail address goes on with.
    @Test func plainWordEndsAreTheScannersWordEnds() {
        for byte in UInt8.min...UInt8.max {
            let expected = byte == 0x2C || byte == 0x3A || (TokenScanner.endsWord(byte) && ![0x40, 0x5F, 0x2B].contains(byte))
            #expect(TokenScanner.endsPlainWord(byte) == expected, "\(byte)")
        }
    }

    /// The shortcuts for accented Latin letters and general punctuation give what the Unicode properties give.
    @Test func latinLetterShortcutsAgreeWithUnicodeProperties() {
        for value in UInt32(0x80)...0x24F {
            let scalar = Unicode.Scalar(value)!
            if (0xC0...0x24F).contains(value) {
                #expect((Characters.classify(value) == .letter) == (Characters.classifyByProperties(value) == .letter), "\(value)")
            }
            #expect(Characters.isUppercase(value) == scalar.properties.isUppercase, "\(value)")
            #expect(Characters.isLowercase(value) == scalar.properties.isLowercase, "\(value)")
        }
        for value in UInt32(0x2012)...0x2027 where ![0x2018, 0x2019].contains(value) {
            #expect(Characters.classify(value) == Characters.classifyByProperties(value), "\(value)")
            #expect(TokenScanner.isSymbol(value) == TokenScanner.isSymbolByProperties(value), "\(value)")
        }
    }

    /// The capital flags the rules filter on (`allCaps`, `severalCapitals`) are those a count of the
    /// word's uppercase and lowercase letters gives, on both paths.
    @Test func capitalFlagsFollowTheLetters() throws {
        let (fast, icu) = tokenizers()
        let extra = "OTS RvdK eHealth ÉÉN Één ÉéN cliËNT jeugd-GGZ GGZ-instelling A AB aB Ab ABCDEFGHIJKLMNOPQ abcdefghijklmnoP"
        for (name, bytes) in try texts() + [("mixed", Array(extra.utf8))] {
            for tokenizer in [fast, icu] {
                for token in tokenizer.tokenize(bytes) where token.kind == .word {
                    let letters = String(decoding: bytes[token.range], as: UTF8.self).unicodeScalars.filter(\.properties.isAlphabetic)
                    let capitals = letters.filter(\.properties.isUppercase).count
                    let lowercase = letters.filter(\.properties.isLowercase).count
                    #expect(token.flags.contains(.severalCapitals) == (capitals >= 2), "\(name)")
                    #expect(token.flags.contains(.allCaps) == (capitals >= 2 && lowercase == 0), "\(name)")
                }
            }
        }
    }

    /// Keys are numbered while tokenizing: every token with a key points at that key, each distinct key
    /// is listed once, and the keys are those a token gets when folded on its own.
    @Test func keysAreNumberedOncePerDistinctKey() throws {
        let analyzer = Analyzer(lexicons: Self.lexicons)
        // Words outside ASCII get their numbers through a table of raw bytes: repeated, in every case.
        let extra = "OTS ots Ots ÓTS cliënt CLIËNT Cliënt onder-\ntoezicht ondertoezicht ’s ’S 's-Hertogenbosch"
            + " cliënt één Één één ÓTS cliënt CLIËNT ge\u{AD}ïnformeerd geïnformeerd ge\u{AD}ïnformeerd onder-\ntoezicht"
        for (name, bytes) in try texts() + [("mixed", Array(extra.utf8))] {
            let document = analyzer.analyze(SourceText(string: String(decoding: bytes, as: UTF8.self)))
            #expect(document.keyIndex.count == document.tokens.count, "\(name)")
            #expect(document.wordCount == document.tokens.filter { $0.kind == .word }.count, "\(name)")
            // The key table's first two bytes of each key are those of the key's UTF-8.
            #expect(document.tokenKeys.leadingPairs == TokenKeys(keys: document.keys, keyIndex: document.keyIndex).leadingPairs, "\(name)")
            #expect(Set(document.keys.map { Array($0.utf8) }).count == document.keys.count, "\(name)")
            for (token, number) in zip(document.tokens, document.keyIndex) where !token.isWordLike {
                #expect(number == -1, "\(name)")
            }
            let words = document.tokens.indices.filter { document.tokens[$0].isWordLike }.prefix(300)
            for index in words where document.tokens[index].flags.isDisjoint(with: .joined) {
                let folded = TextFolding.fold(document.text(of: document.tokens[index]))
                #expect(document.key(index) == folded, "\(name)")
                #expect(folded.isEmpty || document.keyIndex[index] >= 0, "\(name)")
            }
        }
    }

    /// The word-at-a-time reads behind every key hash: each word holds exactly the bytes a byte loop
    /// would read (never more), and lowercasing eight ASCII bytes at once equals lowercasing each.
    @Test func keyHashesReadWholeWordsCorrectly() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...20, using: &generator)).map { _ in UInt8.random(in: 0..<0x80, using: &generator) }
            bytes.withUnsafeBufferPointer { buffer in
                for offset in stride(from: 0, to: bytes.count, by: 8) {
                    var expected: UInt64 = 0
                    for (shift, byte) in bytes[offset..<min(offset + 8, bytes.count)].enumerated() { expected |= UInt64(byte) << (8 * shift) }
                    #expect(HashSlots.word(buffer, at: offset) == expected)
                    var lowered: UInt64 = 0
                    for (shift, byte) in bytes[offset..<min(offset + 8, bytes.count)].enumerated() {
                        lowered |= UInt64(byte >= 65 && byte <= 90 ? byte + 32 : byte) << (8 * shift)
                    }
                    #expect(HashSlots.asciiLowercased(expected) == lowered)
                }
                let folded = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                folded.withUnsafeBufferPointer { #expect(HashSlots.hash(buffer, lowercasing: true) == HashSlots.hash($0)) }
            }
        }
    }

    /// Words around the eight- and sixteen-byte steps of the key table: the same key always gets the
    /// same number, different keys never share one, whatever their case.
    @Test func keyNumbersAroundWordLengthSteps() {
        var words: [String] = []
        for length in [1, 2, 7, 8, 9, 15, 16, 17, 24] {
            let word = String(String(repeating: "abcdefghijklmnopqrstuvwxyz", count: 1).prefix(length))
            words += [word, word.uppercased(), String(word.dropLast()) + "x", word + "s"]
        }
        let text = (words + words.reversed()).joined(separator: " ")
        let document = Analyzer(lexicons: Self.lexicons).analyze(SourceText(string: text))
        let indexes = document.tokens.indices.filter { document.tokens[$0].isWordLike }
        for a in indexes {
            for b in indexes {
                let sameKey = document.text(of: document.tokens[a]).lowercased() == document.text(of: document.tokens[b]).lowercased()
                #expect((document.keyIndex[a] == document.keyIndex[b]) == sameKey)
            }
        }
    }

    /// The per-document arrays (hash slots, word ids) are filled as `init(repeating:count:)` fills them.
    @Test func filledArraysEqualRepeatedOnes() {
        for count in [0, 1, 7, 64, 1_000] {
            #expect([UInt64](filling: .max, count: count) == [UInt64](repeating: .max, count: count))
            #expect([[Int32]](filling: [3], count: count) == [[Int32]](repeating: [3], count: count))
            #expect([Bool](filling: false, count: count).count == count)
        }
    }

    /// Shared tables are looked up with the hashes the tokenizer gave the document's keys.
    @Test func keyMapFindsKeysByTheDocumentsHashes() throws {
        var map = KeyMap<Int>()
        let words = (0..<500).map { "woord\($0)" } + ["cliënt", "’s", "", "ots"]
        for (number, word) in words.enumerated() { map.set(number, for: word) }
        map.set(-1, for: "ots")
        #expect(map.count == words.count)
        #expect(map["woord7"] == 7 && map["cliënt"] == 500 && map[""] == 502 && map["ots"] == -1 && map["woord500"] == nil)
        var updated = map
        updated.update("woord7", initial: 0) { $0 += 100 }
        updated.update("nieuw", initial: 5) { $0 += 1 }
        #expect(updated["woord7"] == 107 && updated["nieuw"] == 6 && updated.count == words.count + 1 && map["woord7"] == 7)
        let document = Analyzer(lexicons: Self.lexicons).analyze(SourceText(string: "De cliënt en de OTS: woord7, woord7."))
        for (key, hash) in zip(document.keys, document.keyHashes) {
            #expect(hash == KeyMap<Int>.hash(key))
            #expect(map[key, hash: hash] == map[key])
        }
        #expect(document.keys.contains("woord7") && document.keys.contains("ots"))
    }

    /// `helder tokenize` segments without making keys; tokens and sentences must not change by it.
    @Test func segmentingWithoutKeysGivesTheSameTokensAndSentences() throws {
        let analyzer = Analyzer(lexicons: Self.lexicons)
        for (name, bytes) in try texts() + [("clitic", Array("Het regent. 's Avonds is het stil. ’t Is laat.".utf8))] {
            let full = analyzer.analyze(SourceText(string: String(decoding: bytes, as: UTF8.self)))
            let quick = analyzer.segment(full.source.text)
            // Only `analyze` finds entities and marks their tokens.
            let unmarked = full.tokens.map { [$0.start, $0.end, Int($0.flags.subtracting(.inEntity).rawValue)] }
            #expect(quick.tokens.map { [$0.start, $0.end, Int($0.flags.rawValue)] } == unmarked, "\(name)")
            #expect(Set(full.tokens.indices.filter { full.tokens[$0].flags.contains(.inEntity) })
                    == Set(full.entities.flatMap { Array($0.tokens) }), "\(name)")
            #expect(quick.tokens.map(\.kind) == full.tokens.map(\.kind), "\(name)")
            #expect(quick.sentences == full.sentences, "\(name)")
        }
    }

    @Test func scriptsWithoutSpacesAreSplitByICU() {
        let (fast, _) = tokenizers()
        let text = Array("Hij zei ภาษาไทยง่ายนิดเดียว en ging.".utf8)
        let tokens = fast.tokenize(text).map { String(decoding: text[$0.start..<$0.end], as: UTF8.self) }
        #expect(tokens.count > 6)
        #expect(tokens.first == "Hij")
        #expect(tokens.last == ".")
    }
}
