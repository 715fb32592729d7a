/// Runs the pattern program over one document's tokens.
struct ProgramMatcher {
    let code: UnsafeBufferPointer<Int32>
    /// `program.gapChecks`, read in place (a plain load per try, no reference counted).
    let gapChecks: UnsafeBufferPointer<PatternProgram.GapCheck?>
    let program: PatternProgram
    let tokens: [Token]
    let text: [UInt8]
    let keys: [String]
    let keyIndex: [Int32]
    var words: DocumentWords

    init(code: UnsafeBufferPointer<Int32>, gapChecks: UnsafeBufferPointer<PatternProgram.GapCheck?>, program: PatternProgram,
         document: AnalyzedDocument, words: DocumentWords) {
        self.code = code
        self.gapChecks = gapChecks
        self.program = program
        self.tokens = document.tokens
        self.text = document.source.text
        self.keys = document.keys
        self.keyIndex = document.keyIndex
        self.words = words
    }

    /// Matches a pattern from token `start`; returns the end token index (exclusive). When the first
    /// slot is known to match the token at `start` (checked once per distinct key), matching goes on
    /// from the second slot.
    mutating func match(_ pattern: Int, at start: Int, sentenceEnd: Int, firstSlotMatched: Bool = false) -> Int? {
        if let check = gapChecks[pattern], !mayMatch(after: check, at: start, sentenceEnd: sentenceEnd) { return nil }
        let pc = Int(program.start[pattern])
        let slots = Int(code[pc])
        guard firstSlotMatched else { return run(pc + 1, slots: slots, from: start, sentenceEnd: sentenceEnd) }
        let first = pc + 1
        let second = code[first] == PatternProgram.Opcode.word.rawValue || code[first] == PatternProgram.Opcode.inflectingWord.rawValue
            ? first + 2 + Int(code[first + 1]) : first + 2
        return run(second, slots: slots - 1, from: start + 1, sentenceEnd: sentenceEnd)
    }

    private mutating func run(_ pc: Int, slots: Int, from start: Int, sentenceEnd: Int) -> Int? {
        guard slots > 0 else { return start }
        // Placeholders never break a match.
        var position = start
        while position < sentenceEnd, tokens[position].kind == .placeholder { position += 1 }
        if code[pc] == PatternProgram.Opcode.gap.rawValue {
            let size = Int(code[pc + 1])
            var skipped = 0
            var next = position
            while next < sentenceEnd, skipped <= size {
                if let end = run(pc + 2, slots: slots - 1, from: next, sentenceEnd: sentenceEnd) { return end }
                if tokens[next].kind != .placeholder { skipped += 1 }
                next += 1
            }
            return nil
        }
        guard position < sentenceEnd else { return nil }
        let (matched, next) = slot(at: pc, matches: position)
        guard matched else { return nil }
        return run(next, slots: slots - 1, from: position + 1, sentenceEnd: sentenceEnd)
    }

    /// A quick test that a pattern of the common shape `word … word …` cannot match at `start`: the word
    /// after the gap is none of the next few tokens. Trying every place in the gap through `run` is
    /// the slowest part of matching (`in … ontwikkeling` is tried at every `in`); this reads one word
    /// id per place (a token without a key, such as a comma, by its bytes). Only for patterns of that
    /// shape without exact forms (`PatternProgram.gapChecks`).
    private mutating func mayMatch(after check: PatternProgram.GapCheck, at start: Int, sentenceEnd: Int) -> Bool {
        let alternatives = code[check.alternatives]
        let (size, inflect, alternativeBits) = (check.size, check.inflect, check.bits)
        // The places `run` tries after the gap: the first `size + 1` tokens that are not placeholders.
        var position = start + 1, tried = 0
        while position < sentenceEnd, tried <= size {
            if tokens[position].kind != .placeholder {
                let index = Int(keyIndex[position])
                if index < 0 {
                    // A comma or a number in the gap (most gaps hold one): its text against the words, as
                    // `rareSlot` compares it.
                    if alternatives.contains(where: { keylessToken(at: position, matches: $0, inflect: inflect) }) { return true }
                } else {
                    lookUpOnce(index)
                    if words.bits(index) & alternativeBits != 0 {
                        for alternative in alternatives where words.key(index, matches: alternative, inflect: inflect) { return true }
                    }
                }
                tried += 1
            }
            position += 1
        }
        return false
    }

    /// Does a token without a key (punctuation inside a form, a number) match word `id`? Its text is its
    /// key: compared on bytes; only a text that may be inflected (five bytes or more, ending like an
    /// inflection) is looked up by its stems.
    private func keylessToken(at position: Int, matches id: Int32, inflect: Bool) -> Bool {
        let token = tokens[position]
        let bytes = text[token.range]
        if bytes.elementsEqual(program.wordBytes[Int(id)]) { return true }
        return inflect && bytes.count >= 5 && CompiledPattern.mayBeInflected(endingIn: text[token.end - 1])
            && program.words(of: String(decoding: bytes, as: UTF8.self)).stems.contains(id)
    }

    /// Works out the word ids of the key with this index the first time it is asked for. The check comes
    /// first so that the program is passed (and copied) only for a key seen the first time.
    @inline(__always)
    private mutating func lookUpOnce(_ index: Int) {
        if !words.isKnown(index) { words.lookUp(index, in: program) }
    }

    /// The id bits of the token at `position` (see `DocumentWords.bits`); all bits for a token without a
    /// key, which `wordIDs(at:)` looks up by its bytes.
    mutating func wordBits(at position: Int) -> UInt64 {
        let index = Int(keyIndex[position])
        guard index >= 0 else { return ~0 }
        lookUpOnce(index)
        return words.bits(index)
    }

    /// The word ids of the token at `position` (see `DocumentWords`).
    mutating func wordIDs(at position: Int) -> (own: Int32, stems: [Int32]) {
        let index = Int(keyIndex[position])
        if index >= 0 {
            lookUpOnce(index)
            return words.ids(index)
        }
        // A token without a key (punctuation, a number): its text is the key, looked up by its bytes
        // unless it may be an inflected word (as in `slot(at:matches:)`).
        let bytes = text[tokens[position].range]
        if bytes.count < 5 || !CompiledPattern.mayBeInflected(endingIn: text[tokens[position].end - 1]) {
            return (program.wordID(bytes: bytes), [])
        }
        return program.words(of: String(decoding: bytes, as: UTF8.self))
    }

    /// The first token from `position` on that is not a placeholder, within the sentence. Static: called
    /// on the matcher, it would be copied for every call.
    static func firstNonPlaceholder(in tokens: [Token], from position: Int, sentenceEnd: Int) -> Int? {
        var position = position
        while position < sentenceEnd, tokens[position].kind == .placeholder { position += 1 }
        return position < sentenceEnd ? position : nil
    }

    /// Does the slot at `pc` match the token at `position`? Also returns where the next slot starts.
    /// The common case first, a word slot and a token with a key: its ids against the alternatives
    /// (whose order does not matter for a yes or no), after one test of their bits.
    private mutating func slot(at pc: Int, matches position: Int) -> (Bool, Int) {
        let opcode = code[pc]
        let index = Int(keyIndex[position])
        guard index >= 0, opcode != PatternProgram.Opcode.prefix.rawValue else { return rareSlot(at: pc, matches: position) }
        let next = pc + 2 + Int(code[pc + 1])
        lookUpOnce(index)
        let bits = words.bits(index)
        let inflect = opcode == PatternProgram.Opcode.inflectingWord.rawValue
        for alternative in code[(pc + 2)..<next] {
            if alternative < 0 { return rareSlot(at: pc, matches: position) }
            if bits & DocumentWords.bit(alternative) != 0, words.key(index, matches: alternative, inflect: inflect) {
                return (true, next)
            }
        }
        return (false, next)
    }

    /// `slot` for a prefix slot, an exact form among the alternatives, or a token without a key.
    @inline(never)
    private mutating func rareSlot(at pc: Int, matches position: Int) -> (Bool, Int) {
        let token = tokens[position]
        let index = Int(keyIndex[position])
        if code[pc] == PatternProgram.Opcode.prefix.rawValue {
            let prefix = program.prefixes[Int(code[pc + 1])]
            let matched = index < 0 ? text[token.range].starts(with: prefix) : keys[index].utf8.starts(with: prefix)
            return (matched, pc + 2)
        }
        let next = pc + 2 + Int(code[pc + 1])
        let inflect = code[pc] == PatternProgram.Opcode.inflectingWord.rawValue
        for alternative in code[(pc + 2)..<next] {
            if alternative < 0 {
                if text[token.range].elementsEqual(program.exactForms[Int(-alternative - 1)]) { return (true, next) }
            } else if index >= 0 {
                lookUpOnce(index)
                if words.key(index, matches: alternative, inflect: inflect) { return (true, next) }
            } else if keylessToken(at: position, matches: alternative, inflect: inflect) {
                return (true, next)
            }
        }
        return (false, next)
    }
}
