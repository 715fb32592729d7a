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
