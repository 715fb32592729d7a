/// The patterns worth trying at one distinct key of a document, in lexicon order. Patterns whose second
/// slot is a plain word are filed under that word's id: a common first word (`in` starts dozens of
/// patterns) then only tries the few whose second word actually follows. A class: a plan is read at
/// every token with its key, and sharing it costs one reference count instead of one per array.
final class KeyPlan: Sendable {
    typealias Candidate = CompiledLexicon.KeyCandidate

    /// Tried at every token with this key.
    let always: [Item]
    /// The same items in storage the plan owns, read at every token without counting references to an
    /// array (the items are plain values). Written once in `init`, only read after: safe to share.
    nonisolated(unsafe) let alwaysItems: UnsafeMutableBufferPointer<Item>
    /// Second-slot word ids, sorted, and per id the candidates with that second word (and whether that
    /// slot inflects). Searched by halving: asked at every token with this key.
    let secondWords: [Int32]
    /// `DocumentWords.bits` of all second words: a next word whose bits miss these starts none of them.
    let secondWordBits: UInt64
    let bySecondWord: [[(order: Int, candidate: Candidate, inflects: Bool)]]
    /// For a hyphenated key: the patterns found from the whole key (before filtering). Its parts are
    /// also matched on their own (`OTS-verlenging`), except for these. Nil for keys without a hyphen.
    let wholeKeyPatterns: [Int]?
    /// Nothing to try and nothing to look up: most words.
    let isEmpty: Bool

    /// The plan of most words: nothing to try. One per worker (`MatchCache.emptyPlan`), not one for the
    /// process: both workers would otherwise count references to the same object at every new word.
    init() {
        always = []
        alwaysItems = UnsafeMutableBufferPointer.allocate(capacity: 0)
        secondWords = []
        secondWordBits = 0
        bySecondWord = []
        wholeKeyPatterns = nil
        isEmpty = true
    }

    deinit { alwaysItems.deallocate() }

    init(_ candidates: [Candidate], patterns: [CompiledPattern], program: PatternProgram, wholeKeyPatterns: [Int]?) {
        var always: [(order: Int, candidate: Candidate)] = []
        var bySecondWord: [Int32: [(order: Int, candidate: Candidate, inflects: Bool)]] = [:]
        for (order, candidate) in candidates.enumerated() {
            let slots = patterns[candidate.pattern].slots
            if !candidate.wholeToken, candidate.firstSlotMatched, slots.count >= 2,
               case .word(let keys, let exactCase, let inflect) = slots[1], exactCase.allSatisfy({ $0 == nil }) {
                for key in Set(keys) {
                    guard let id = program.wordIDs[key] else { continue }
                    bySecondWord[id, default: []].append((order, candidate, inflect))
                }
            } else {
                always.append((order, candidate))
            }
        }
        self.always = always
        self.alwaysItems = UnsafeMutableBufferPointer.allocate(capacity: always.count)
        _ = self.alwaysItems.initialize(from: always)
        self.secondWords = bySecondWord.keys.sorted()
        self.secondWordBits = secondWords.reduce(0) { $0 | DocumentWords.bit($1) }
        self.bySecondWord = secondWords.map { bySecondWord[$0]! }
        self.wholeKeyPatterns = wholeKeyPatterns
        self.isEmpty = always.isEmpty && bySecondWord.isEmpty && wholeKeyPatterns == nil
    }

    /// One candidate to try, with its place in lexicon order.
    typealias Item = (order: Int, candidate: Candidate)

    /// The candidates to try when the next word has these ids, in lexicon order; nil when they are just
    /// `always`, the usual answer (most next words start none of this key's phrases), which is then
    /// known without building an array.
    func candidates(nextWord: (own: Int32, stems: [Int32])) -> [Item]? {
        guard !secondWords.isEmpty, position(of: nextWord.own) != nil || nextWord.stems.contains(where: { position(of: $0) != nil })
        else { return nil }
        var selected = always
        if let items = items(secondWord: nextWord.own) {
            for item in items where !selected.contains(where: { $0.order == item.order }) {
                selected.append((item.order, item.candidate))
            }
        }
        for stem in nextWord.stems {
            guard let items = items(secondWord: stem) else { continue }
            for item in items where item.inflects && !selected.contains(where: { $0.order == item.order }) {
                selected.append((item.order, item.candidate))
            }
        }
        if selected.count > always.count { selected.sort { $0.order < $1.order } }
        return selected
    }

    /// Where `id` is in `secondWords`, found by halving: asked at every token with this key.
    private func position(of id: Int32) -> Int? {
        var low = 0, high = secondWords.count
        while low < high {
            let middle = (low &+ high) &>> 1
            if secondWords[middle] < id { low = middle &+ 1 } else { high = middle }
        }
        return low < secondWords.count && secondWords[low] == id ? low : nil
    }

    private func items(secondWord id: Int32) -> [(order: Int, candidate: Candidate, inflects: Bool)]? {
        position(of: id).map { bySecondWord[$0] }
    }

    var needsNextWord: Bool { !secondWords.isEmpty }
}
