import LexiconFormat

/// `abbreviation.unknown-acronym`: words in capitals that look like an abbreviation Helder does not know.
struct UnknownAcronymRule {
    static let id = "abbreviation.unknown-acronym"
    let rules: RuleSet

    func findings(in document: AnalyzedDocument) -> [Finding] {
        var findings: [Finding] = []
        var explained = Set<String>()
        var capitalLines: [Int: Bool] = [:]
        // Per spelling: acronym-like and unknown? The same acronyms recur through a document, and the
        // answer takes a fold and three set lookups. Looked up by the part's bytes: no String per part.
        var suspicious = KeyMap<Bool>()
        let template = rules.template(rule: Self.id, category: Category.abbreviation.rawValue)
        let tokens = document.tokens
        let text = document.source.text
        // Nearly every word has at most one capital: an acronym needs two, which the tokenizer has counted.
        let candidates = tokens.withUnsafeBufferPointer { tokens in
            var candidates: [Int] = []
            for index in tokens.indices where tokens[index].flags.contains(.severalCapitals) && tokens[index].kind == .word {
                candidates.append(index)
            }
            return candidates
        }
        // The start of the line holding a candidate is found walking back, but never past the candidate
        // before (whose line start is known): walking back to the line start from each one made a text
        // on one long line (an export without line ends) quadratic.
        var known = 0, knownLineStart = 0
        for index in candidates where !tokens[index].flags.contains(.inEntity) {
            for part in HyphenParts(text: text, token: tokens[index]) {
                let isSuspicious = text.withUnsafeBufferPointer { text in
                    let bytes = UnsafeBufferPointer(rebasing: text[part])
                    let hash = HashSlots.hash(bytes)
                    if let known = suspicious.value(bytes: bytes, hash: hash) { return known }
                    let raw = String(decoding: bytes, as: UTF8.self)
                    let verdict = isAcronymLike(raw) && !isKnown(raw)
                    suspicious.set(verdict, for: raw, hash: hash)
                    return verdict
                }
                guard isSuspicious else { continue }
                var lineStart = index
                while lineStart > known, !tokens[lineStart].flags.contains(.lineStart) { lineStart -= 1 }
                if lineStart == known, !tokens[known].flags.contains(.lineStart) { lineStart = knownLineStart }
                (known, knownLineStart) = (index, lineStart)
                if capitalLines[lineStart] == nil { capitalLines[lineStart] = onCapitalLine(lineStart, document) }
                if capitalLines[lineStart] == true { continue }
                let raw = document.source.string(part)
                if explained.contains(raw) { continue }
                if isGlossed(index, document) {
                    explained.insert(raw)
                    continue
                }
                if let finding = rules.makeFinding(template, range: part, document: document) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// The parts of a word between hyphens (`OTS-verlenging`: `OTS`, `verlenging`), one by one, with
    /// no list made per word.
    struct HyphenParts: Sequence, IteratorProtocol {
        let text: [UInt8]
        var start: Int
        var position: Int
        let end: Int

        init(text: [UInt8], token: Token) {
            self.text = text
            start = token.start
            position = token.start
            end = token.end
        }

        mutating func next() -> Range<Int>? {
            while position <= end {
                let here = position
                position += 1
                guard here == end || text[here] == UInt8(ascii: "-") else { continue }
                let part = start..<here
                start = here + 1
                if !part.isEmpty { return part }
            }
            return nil
        }
    }

    /// Two to six letters, all capitals (digits allowed after the first letter), not a Roman numeral.
    func isAcronymLike(_ raw: String) -> Bool {
        let bytes = raw.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard bytes.count >= 2, bytes.count <= 6, let first = bytes.first, first >= 65 && first <= 90 else { return false }
            // ASCII: capitals and digits only, at least two capitals.
            guard bytes.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }),
                  bytes.filter({ $0 >= 65 && $0 <= 90 }).count >= 2 else { return false }
            return !bytes.allSatisfy { "IVXLCDM".utf8.contains($0) }
        }
        let scalars = Array(raw.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 6, let first = scalars.first, first.properties.isUppercase else { return false }
        let letters = scalars.filter { $0.properties.isAlphabetic }
        guard letters.count >= 2, letters.allSatisfy({ $0.properties.isUppercase }),
              scalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else { return false }
        return !raw.allSatisfy { "IVXLCDM".contains($0) }
    }

    func isKnown(_ raw: String) -> Bool {
        rules.lexicons.knownAcronyms.contains(raw) || rules.abbreviationForms.contains(raw)
            || rules.acceptedKeys.contains(TextFolding.fold(raw))
    }

    /// A heading or a shouted line: most words on the line are in capitals.
    func onCapitalLine(_ index: Int, _ document: AnalyzedDocument) -> Bool {
        let tokens = document.tokens
        var start = index
        while start > 0, !tokens[start].flags.contains(.lineStart) { start -= 1 }
        var end = index + 1
        while end < tokens.count, !tokens[end].flags.contains(.lineStart) { end += 1 }
        var words = 0, capitals = 0
        for token in tokens[start..<end] where token.kind == .word {
            words += 1
            if token.flags.contains(.allCaps) { capitals += 1 }
        }
        return words >= 2 && capitals * 2 > words
    }

    func isGlossed(_ index: Int, _ document: AnalyzedDocument) -> Bool {
        let tokens = document.tokens
        if document.token(index + 1, isOneOf: Marks.openingBrackets) { return true }
        if document.token(index - 1, isOneOf: Marks.openingParenthesis) && document.token(index + 1, isOneOf: Marks.closingParenthesis)
            && index >= 2 && tokens[index - 2].isWordLike { return true }
        return false
    }
}
