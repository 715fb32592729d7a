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

    /// What a word can be in this rule.
    struct Roles: OptionSet, Sendable {
        let rawValue: UInt16
        static let singularModal = Roles(rawValue: 1 << 0)
        static let pluralModal = Roles(rawValue: 1 << 1)
        static let needsTe = Roles(rawValue: 1 << 2)
        static let clauseOpener = Roles(rawValue: 1 << 3)
        static let singularReader = Roles(rawValue: 1 << 4)
        static let pluralReader = Roles(rawValue: 1 << 5)
        static let rightVerb = Roles(rawValue: 1 << 6)
        static let te = Roles(rawValue: 1 << 7)
        static let modal: Roles = [.singularModal, .pluralModal]
    }

    /// Every word of the grammar with its roles, built once per rule set: then a document's words need
    /// one lookup each, not one per list.
    static func roleTable(_ grammar: DirectiveGrammar) -> KeyMap<Roles> {
        var table = KeyMap<Roles>()
        table.set(.te, for: "te")
        func add(_ words: Set<String>, _ roles: Roles) {
            for word in words { table.set((table[word] ?? []).union(roles), for: word) }
        }
        add(grammar.singularModals, .singularModal)
        add(grammar.pluralModals, .pluralModal)
        add(grammar.singularModalsWithTe, [.singularModal, .needsTe])
        add(grammar.pluralModalsWithTe, [.pluralModal, .needsTe])
        add(grammar.clauseOpeners, .clauseOpener)
        add(grammar.singularReaders, .singularReader)
        add(grammar.pluralReaders, .pluralReader)
        add(grammar.rightVerbs, .rightVerb)
        return table
    }

    /// The roles of every token (none for tokens without a key).
    struct Context {
        let document: AnalyzedDocument
        let roles: [Roles]
        let clauseBreaks: [[UInt8]]

        func roles(_ token: Int) -> Roles {
            let key = document.keyIndex[token]
            return key < 0 ? [] : roles[Int(key)]
        }

        func isClauseBreak(_ token: Token) -> Bool {
            token.kind == .punctuation && clauseBreaks.contains { document.source.text[token.range].elementsEqual($0) }
        }
    }

    func findings(in document: AnalyzedDocument) -> [Finding] {
        let table = rules.directiveRoles
        let roles = document.keys.indices.map { table[document.keys[$0], hash: document.keyHashes[$0]] ?? [] }
        let context = Context(document: document, roles: roles,
                              clauseBreaks: grammar.clauseBreaks.map { Array($0.utf8) })
        var findings: [Finding] = []
        var clauses: [Range<Int>] = []
        // Most sentences have no modal verb at all: then no clause can match. Per key whether it is one,
        // read in place at every token.
        let isModal = roles.map { !$0.isDisjoint(with: .modal) }
        let sentencesWithModal = document.keyIndex.withUnsafeBufferPointer { keyIndex in
            isModal.withUnsafeBufferPointer { isModal in
                document.sentences.filter { sentence in
                    var index = sentence.lowerBound
                    while index < sentence.upperBound {
                        let key = keyIndex[index]
                        if key >= 0, isModal[Int(key)] { return true }
                        index &+= 1
                    }
                    return false
                }
            }
        }
        let template = rules.template(rule: Self.id, category: Category.directive.rawValue)
        for sentence in sentencesWithModal {
            self.clauses(in: sentence, context, into: &clauses)
            for clause in clauses {
                for match in matches(in: clause, context) {
                    let range = document.tokens[match.lowerBound].start..<document.tokens[match.upperBound - 1].end
                    if let finding = rules.makeFinding(template, range: range, document: document) {
                        findings.append(finding)
                    }
                }
            }
        }
        return findings
    }

    /// Splits a sentence at commas and the like, and before words that open a clause (`dat`, `als`).
    /// Into an array kept from sentence to sentence: one allocation per document, not per sentence.
    func clauses(in sentence: Range<Int>, _ context: Context, into result: inout [Range<Int>]) {
        result.removeAll(keepingCapacity: true)
        var start = sentence.lowerBound
        for index in sentence {
            let token = context.document.tokens[index]
            let isBreak = context.isClauseBreak(token)
            let isOpener = token.isWordLike && context.roles(index).contains(.clauseOpener) && index > start
            if isBreak {
                if index > start { result.append(start..<index) }
                start = index + 1
            } else if isOpener {
                result.append(start..<index)
                start = index
            }
        }
        if start < sentence.upperBound { result.append(start..<sentence.upperBound) }
    }

    /// Token ranges from the reader pronoun to the verb (or the other way round).
    func matches(in clause: Range<Int>, _ context: Context) -> [Range<Int>] {
        // Most clauses have no modal verb at all: find that out before collecting anything.
        guard clause.contains(where: { !context.roles($0).isDisjoint(with: .modal) }) else { return [] }
        let document = context.document
        let tokens = document.tokens
        let words = clause.filter { tokens[$0].isWordLike }
        guard !words.isEmpty else { return [] }
        var result: [Range<Int>] = []
        for (position, index) in words.enumerated() {
            let roles = context.roles(index)
            guard !roles.isDisjoint(with: .modal) else { continue }
            let reader: Roles = roles.contains(.singularModal) ? .singularReader : .pluralReader
            func isReader(_ word: Int) -> Bool { context.roles(word).contains(reader) }
            if roles.contains(.needsTe) && !words[(position + 1)...].contains(where: { context.roles($0).contains(.te) }) { continue }
            // `dat u moet kunnen meepraten`: a right of the reader, not an order.
            if words[(position + 1)...].prefix(2).contains(where: { context.roles($0).contains(.rightVerb) }) { continue }
            // Inversion: `moet u`, `Wat moet u meenemen?`
            if position + 1 < words.count, isReader(words[position + 1]),
               !isPossessive(words, position + 1, document), !objectAfterSubject(words, position, document) {
                result.append(index..<words[position + 1] + 1)
                continue
            }
            // Main clause: `u moet`, `jullie moeten`.
            if position >= 1, isReader(words[position - 1]), !isPossessive(words, position - 1, document) {
                result.append(words[position - 1]..<index + 1)
                continue
            }
            // Subordinate clause: `dat u het formulier moet invullen`.
            let opener = context.roles(words[0]).contains(.clauseOpener)
            if opener, position >= 2, isReader(words[1]), !isPossessive(words, 1, document) {
                result.append(words[1]..<index + 1)
            }
        }
        return result
    }

    /// `je kind`: `je` as a possessive, not as the reader.
    func isPossessive(_ words: [Int], _ position: Int, _ document: AnalyzedDocument) -> Bool {
        let key = document.key(words[position])
        guard key == "je" || key == "jullie", position + 1 < words.count else { return false }
        return grammar.possessedNouns.contains(document.key(words[position + 1]))
    }

    /// `Hij moet u bellen`, `De rechter moet u horen`: someone else is the subject before the verb, so
    /// the pronoun after it is an object.
    func objectAfterSubject(_ words: [Int], _ modal: Int, _ document: AnalyzedDocument) -> Bool {
        guard modal >= 1 else { return false }
        let tokens = document.tokens
        let before = tokens[words[modal - 1]]
        let beforeKey = document.key(words[modal - 1])
        if Self.otherSubjects.contains(beforeKey) { return true }
        if before.flags.contains(.capitalized), modal - 1 > 0 { return true }
        // `De rechter moet u horen`: a person or organisation before the verb is its subject. A thing
        // (`Het formulier moet u terugsturen`) is an object put first, and the reader is the subject.
        if modal >= 2, Self.determiners.contains(document.key(words[modal - 2])), Self.actors.contains(beforeKey) {
            return true
        }
        return false
    }
}
