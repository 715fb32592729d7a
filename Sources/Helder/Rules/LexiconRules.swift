import LexiconFormat

/// Findings from lexicon entries: jargon, abbreviations, fixed directive phrases and blame wording.
/// Knows when a term is explained in the text (then it and later uses are fine) and when blame wording
/// is denied (`geen schuld`).
struct LexiconRules {
    static let explanationOpeners: [[String]] = [
        ["dat", "betekent"], ["dit", "betekent"], ["dat", "wil", "zeggen"], ["d.w.z."], ["oftewel"], ["ofwel"],
        ["met", "andere", "woorden"], ["m.a.w."], ["wat", "betekent"], ["dat", "is"], ["dit", "is"], ["betekent"],
        ["dat", "houdt", "in"], ["dit", "houdt", "in"], ["wat", "wil", "zeggen"], ["namelijk"],
    ]
    static let explanationOpenerStarts = Set(explanationOpeners.map { $0[0] })
    static let longestExplanationOpener = explanationOpeners.map(\.count).max() ?? 0
    static let denials: Set<String> = ["geen", "niet", "nooit", "zonder", "niemand", "niets"]

    let rules: RuleSet

    func findings(in document: AnalyzedDocument, cache: MatchCache) -> [Finding] {
        let entries = rules.lexicon.entries
        let enabled = rules.enabledEntries
        cache.use(for: rules)
        let matches = rules.lexicon.matches(in: document, cache: cache) { enabled[$0] }
        var explained = Set<Int>()
        var findings: [Finding] = []
        findings.reserveCapacity(matches.count)
        var wordClasses = WordClasses(document: document)
        defer { wordClasses.deallocate() }
        // Entries are read in place (`pointee`): a copy of an entry per match counts references to a
        // dozen strings and sets.
        entries.withUnsafeBufferPointer { entries in
            for match in matches {
                guard let entry = entries.baseAddress.map({ $0 + match.entry }) else { continue }
                if !rules.acceptedKeys.isEmpty, rules.acceptedKeys.contains(TextFolding.fold(document.source.string(match.bytes))) { continue }
                switch entry.pointee.category {
                case .jargon, .abbreviation:
                    if explained.contains(match.entry) { continue }
                    if isExplained(match, abbreviation: entry.pointee.category == .abbreviation, document, wordClasses: &wordClasses) {
                        explained.insert(match.entry)
                        continue
                    }
                case .blame:
                    if isDenied(match, document, wordClasses: &wordClasses) { continue }
                case .directive:
                    break
                }
                findings.append(rules.makeFinding(rule: entry.pointee.rule,
                                                  entry: (entry.pointee.id, entry.pointee.severity, entry.pointee.explanation),
                                                  category: entry.pointee.category.rawValue,
                                                  messageParts: rules.entryMessageParts[match.entry], range: match.bytes,
                                                  document: document,
                                                  suggestion: cache.suggestion(forEntry: match.entry) { Self.suggestion(for: entry.pointee) }))
            }
        }
        return findings
    }

    /// Built when an entry first has a finding (building all 800+ at start-up was a tenth of a one-letter
    /// run), by appending to one string: interpolation and `joined` cost several times as much.
    static func suggestion(for entry: LexiconEntry) -> String {
        var text = ""
        text.reserveCapacity(200)
        func appendQuoted(_ words: [String]) {
            for (index, word) in words.enumerated() {
                if index > 0 { text += " of " }
                text += "'"
                text += word
                text += "'"
            }
        }
        if let expansion = entry.expansion, entry.category == .abbreviation {
            text += "Schrijf voluit: '"
            text += expansion
            text += "'."
            let plain = entry.alternatives.filter { $0 != expansion }
            if !plain.isEmpty {
                text += " Of schrijf: "
                appendQuoted(plain)
                text += "."
            }
            return text
        }
        text += entry.category == .blame ? "Beschrijf wat er gebeurde en wanneer. Bijvoorbeeld: " : "Schrijf liever: "
        appendQuoted(entry.alternatives)
        text += "."
        return text
    }

    /// `term (uitleg)`, `uitleg (TERM)`, `term: dat betekent …`, `term, oftewel …`.
    func isExplained(_ match: LexiconMatch, abbreviation: Bool, _ document: AnalyzedDocument, wordClasses: inout WordClasses) -> Bool {
        let tokens = document.tokens
        let start = match.tokens.lowerBound
        let end = match.tokens.upperBound
        // Inside brackets right after words: `ondertoezichtstelling (OTS)`.
        if document.token(start - 1, isOneOf: Marks.openingBrackets), document.token(end, isOneOf: Marks.closingBrackets),
           start >= 2, tokens[start - 2].isWordLike {
            return true
        }
        // A gloss in brackets right after: `OTS (ondertoezichtstelling)`, `risicotaxatie (een inschatting …)`.
        if document.token(end, isOneOf: Marks.openingBrackets) {
            var words = 0
            var index = end + 1
            while index < tokens.count, !document.token(index, isOneOf: Marks.closingBrackets), index - end < 40 {
                if tokens[index].isWordLike { words += 1 }
                index += 1
            }
            let glossIsAcronym = words == 1 && tokens[end + 1].flags.contains(.allCaps)
            if words >= (abbreviation ? 1 : 2) || (words >= 1 && !glossIsAcronym) { return true }
        }
        // Named by what comes before: `Dat heet een ondertoezichtstelling`, `dat noemen we een …`.
        var back = start - 1
        while back >= 0, start - back <= 3, tokens[back].isWordLike {
            if wordClasses.classes(ofToken: back).contains(.naming) { return true }
            back -= 1
        }
        // An explaining phrase after optional punctuation and an acronym in brackets:
        // `risicotaxatie: dat betekent …`, `ondertoezichtstelling (OTS): dat betekent …`.
        var index = end
        if document.token(index, isOneOf: Marks.openingParenthesis), document.token(index + 2, isOneOf: Marks.closingParenthesis),
           tokens[index + 1].flags.contains(.allCaps) {
            index += 3
        }
        var skipped = 0
        while index < tokens.count, tokens[index].kind == .punctuation, skipped < 2, document.token(index, isOneOf: Self.leadingMarks) {
            index += 1
            skipped += 1
        }
        // Most tokens here start no opener at all: the first key decides that, before a list of keys
        // (each read once, not once per opener) is made.
        guard index < tokens.count, wordClasses.classes(ofToken: index).contains(.openerStart) else { return false }
        let keys = (0..<Self.longestExplanationOpener).map { index + $0 < tokens.count ? document.key(index + $0) : "" }
        return Self.explanationOpeners.contains { opener in opener.enumerated().allSatisfy { keys[$0.offset] == $0.element } }
    }

    /// What may come between a term and the phrase that explains it: `risicotaxatie: dat betekent …`.
    static let leadingMarks = [",", ":", "-", "–", "—", "("].map { Array($0.utf8) }

    /// Words that name what follows: `Dat heet een ondertoezichtstelling`.
    static let namingWords: Set<String> = ["heet", "heten", "noemen", "noemt", "genoemd", "zogenoemde", "zogenaamde"]

    /// `geen dader`, `niet uw schuld`: a denial just before the blame words.
    func isDenied(_ match: LexiconMatch, _ document: AnalyzedDocument, wordClasses: inout WordClasses) -> Bool {
        let start = match.tokens.lowerBound
        let sentenceStart = document.sentences[document.sentence(ofToken: start)].lowerBound
        var index = start - 1
        var words = 0
        while index >= sentenceStart, words < 3 {
            let token = document.tokens[index]
            if token.isWordLike {
                if wordClasses.classes(ofToken: index).contains(.denial) { return true }
                words += 1
            }
            index -= 1
        }
        return false
    }
}

/// Which of the word lists above a document's key is in, worked out once per distinct key: the checks
/// run around every jargon and blame match, and looking a key up in a set of strings hashes it anew.
struct WordClasses {
    struct Classes: OptionSet {
        let rawValue: UInt8
        static let naming = Classes(rawValue: 1)
        static let openerStart = Classes(rawValue: 2)
        static let denial = Classes(rawValue: 4)
        static let known = Classes(rawValue: 0x80)
    }

    private let document: AnalyzedDocument
    private let known: UnsafeMutableBufferPointer<Classes>

    init(document: AnalyzedDocument) {
        self.document = document
        known = .allocate(capacity: document.keys.count)
        known.initialize(repeating: [])
    }

    func deallocate() { known.deallocate() }

    /// The classes of the token's key; none for a token without one.
    mutating func classes(ofToken token: Int) -> Classes {
        let key = Int(document.keyIndex[token])
        guard key >= 0 else { return [] }
        if known[key].contains(.known) { return known[key] }
        let text = document.keys[key]
        var classes: Classes = .known
        if LexiconRules.namingWords.contains(text) { classes.insert(.naming) }
        if LexiconRules.explanationOpenerStarts.contains(text) { classes.insert(.openerStart) }
        if LexiconRules.denials.contains(text) { classes.insert(.denial) }
        known[key] = classes
        return classes
    }
}
