import LexiconFormat

/// `directive.obligation`: the reader as the subject of a verb of obligation, in any Dutch word order:
/// `u moet`, `moet u` (inversion and questions), `dat u … moet` (subordinate clause), and `u dient … te`.
/// The word lists come from `Lexicons/directive/grammar.yml`.
struct DirectiveGrammarRule {
    static let id = "directive.obligation"
    static let otherSubjects: Set<String> = ["ik", "hij", "zij", "ze", "wij", "we", "men", "het", "dit", "dat", "er", "iemand", "niemand", "iedereen"]
    static let determiners: Set<String> = ["de", "het", "een", "deze", "die", "dit", "dat", "uw", "onze", "ons", "mijn", "zijn", "haar", "hun", "elke", "iedere", "jouw", "jullie"]
    static let actors: Set<String> = ["rechter", "kinderrechter", "jeugdbeschermer", "school", "gemeente", "raad", "medewerker", "hulpverlener",
                                      "wijkteam", "politie", "arts", "huisarts", "leraar", "leerkracht", "mentor", "directeur", "voogd",
                                      "instelling", "organisatie", "advocaat", "onderzoeker", "begeleider", "coach", "zorgaanbieder"]

    let rules: RuleSet
    var grammar: DirectiveGrammar { rules.lexicons.grammar }

    func findings(in document: AnalyzedDocument) -> [Finding] {
        var findings: [Finding] = []
        for sentence in document.sentences {
            for clause in clauses(in: sentence, document) {
                for match in matches(in: clause, document) {
                    let range = document.tokens[match.lowerBound].start..<document.tokens[match.upperBound - 1].end
                    if let finding = rules.makeFinding(rule: Self.id, entry: nil, category: Category.directive.rawValue,
                                                       range: range, document: document) {
                        findings.append(finding)
                    }
                }
            }
        }
        return findings
    }

    /// Splits a sentence at commas and the like, and before words that open a clause (`dat`, `als`).
    func clauses(in sentence: Range<Int>, _ document: AnalyzedDocument) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = sentence.lowerBound
        for index in sentence {
            let token = document.tokens[index]
            let isBreak = token.kind == .punctuation && grammar.clauseBreaks.contains(document.text(of: token))
            let isOpener = token.isWordLike && grammar.clauseOpeners.contains(token.key) && index > start
            if isBreak {
                if index > start { result.append(start..<index) }
                start = index + 1
            } else if isOpener {
                result.append(start..<index)
                start = index
            }
        }
        if start < sentence.upperBound { result.append(start..<sentence.upperBound) }
        return result
    }

    /// Token ranges from the reader pronoun to the verb (or the other way round).
    func matches(in clause: Range<Int>, _ document: AnalyzedDocument) -> [Range<Int>] {
        let tokens = document.tokens
        let words = clause.filter { tokens[$0].isWordLike }
        guard !words.isEmpty else { return [] }
        var result: [Range<Int>] = []
        for (position, index) in words.enumerated() {
            let key = tokens[index].key
            let singular = grammar.singularModals.contains(key) || grammar.singularModalsWithTe.contains(key)
            let plural = grammar.pluralModals.contains(key) || grammar.pluralModalsWithTe.contains(key)
            guard singular || plural else { continue }
            let readers = singular ? grammar.singularReaders : grammar.pluralReaders
            let needsTe = grammar.singularModalsWithTe.contains(key) || grammar.pluralModalsWithTe.contains(key)
            if needsTe && !words[(position + 1)...].contains(where: { tokens[$0].key == "te" }) { continue }
            // `dat u moet kunnen meepraten`: a right of the reader, not an order.
            if words[(position + 1)...].prefix(2).contains(where: { grammar.rightVerbs.contains(tokens[$0].key) }) { continue }
            // Inversion: `moet u`, `Wat moet u meenemen?`
            if position + 1 < words.count, readers.contains(tokens[words[position + 1]].key),
               !isPossessive(words, position + 1, document), !objectAfterSubject(words, position, document) {
                result.append(index..<words[position + 1] + 1)
                continue
            }
            // Main clause: `u moet`, `jullie moeten`.
            if position >= 1, readers.contains(tokens[words[position - 1]].key), !isPossessive(words, position - 1, document) {
                result.append(words[position - 1]..<index + 1)
                continue
            }
            // Subordinate clause: `dat u het formulier moet invullen`.
            let opener = grammar.clauseOpeners.contains(tokens[words[0]].key)
            if opener, position >= 2, readers.contains(tokens[words[1]].key), !isPossessive(words, 1, document) {
                result.append(words[1]..<index + 1)
            }
        }
        return result
    }

    /// `je kind`: `je` as a possessive, not as the reader.
    func isPossessive(_ words: [Int], _ position: Int, _ document: AnalyzedDocument) -> Bool {
        let key = document.tokens[words[position]].key
        guard key == "je" || key == "jullie", position + 1 < words.count else { return false }
        return grammar.possessedNouns.contains(document.tokens[words[position + 1]].key)
    }

    /// `Hij moet u bellen`, `De rechter moet u horen`: someone else is the subject before the verb, so
    /// the pronoun after it is an object.
    func objectAfterSubject(_ words: [Int], _ modal: Int, _ document: AnalyzedDocument) -> Bool {
        guard modal >= 1 else { return false }
        let tokens = document.tokens
        let before = tokens[words[modal - 1]]
        if Self.otherSubjects.contains(before.key) { return true }
        if before.flags.contains(.capitalized), modal - 1 > 0 { return true }
        // `De rechter moet u horen`: a person or organisation before the verb is its subject. A thing
        // (`Het formulier moet u terugsturen`) is an object put first, and the reader is the subject.
        if modal >= 2, Self.determiners.contains(tokens[words[modal - 2]].key), Self.actors.contains(before.key) {
            return true
        }
        return false
    }
}

/// `abbreviation.unknown-acronym`: words in capitals that look like an abbreviation Helder does not know.
struct UnknownAcronymRule {
    static let id = "abbreviation.unknown-acronym"
    let rules: RuleSet

    func findings(in document: AnalyzedDocument) -> [Finding] {
        var findings: [Finding] = []
        var explained = Set<String>()
        var capitalLines: [Int: Bool] = [:]
        let tokens = document.tokens
        for (index, token) in tokens.enumerated() where token.kind == .word && !document.inEntity[index] {
            for part in parts(of: token, document) {
                let raw = document.source.string(part)
                guard isAcronymLike(raw), !isKnown(raw) else { continue }
                var lineStart = index
                while lineStart > 0, !tokens[lineStart].flags.contains(.lineStart) { lineStart -= 1 }
                if capitalLines[lineStart] == nil { capitalLines[lineStart] = onCapitalLine(lineStart, document) }
                if capitalLines[lineStart] == true { continue }
                if explained.contains(raw) { continue }
                if isGlossed(index, document) {
                    explained.insert(raw)
                    continue
                }
                if let finding = rules.makeFinding(rule: Self.id, entry: nil, category: Category.abbreviation.rawValue,
                                                   range: part, document: document) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    func parts(of token: Token, _ document: AnalyzedDocument) -> [Range<Int>] {
        let text = document.source.text
        var result: [Range<Int>] = []
        var start = token.start
        for position in token.start...token.end where position == token.end || text[position] == UInt8(ascii: "-") {
            if position > start { result.append(start..<position) }
            start = position + 1
        }
        return result
    }

    /// Two to six letters, all capitals (digits allowed after the first letter), not a Roman numeral.
    func isAcronymLike(_ raw: String) -> Bool {
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
        let words = tokens[start..<end].filter { $0.kind == .word }
        let capitals = words.filter { $0.flags.contains(.allCaps) }.count
        return words.count >= 2 && capitals * 2 > words.count
    }

    func isGlossed(_ index: Int, _ document: AnalyzedDocument) -> Bool {
        let tokens = document.tokens
        func value(_ i: Int) -> String? { i >= 0 && i < tokens.count ? document.text(of: tokens[i]) : nil }
        if value(index + 1) == "(" || value(index + 1) == "[" { return true }
        if value(index - 1) == "(" && value(index + 1) == ")" && index >= 2 && tokens[index - 2].isWordLike { return true }
        return false
    }
}

/// `template.placeholder`: with `--placeholders report`, every placeholder left in a letter.
struct PlaceholderRule {
    static let id = "template.placeholder"
    let rules: RuleSet

    func findings(in document: AnalyzedDocument) -> [Finding] {
        guard rules.settings.reportPlaceholders else { return [] }
        return document.tokens.filter { $0.kind == .placeholder }.compactMap { token in
            rules.makeFinding(rule: Self.id, entry: nil, category: "template", range: token.range, document: document)
        }
    }
}
