/// What the lexicon matcher worked out per word (the patterns worth trying there, the word ids it stands
/// for), kept across the documents one worker checks: words repeat between letters as much as within
/// one. One cache per thread; it is never shared, so it needs no lock.
public final class MatchCache {
    /// The rule set the plans were made for (plans depend on which entries are switched on).
    private var owner: ObjectIdentifier?
    /// Both keyed by the document's key hashes (`KeyMap`), so a document's keys are not hashed again.
    /// No access is checked for overlap at run time (`@exclusivity(unchecked)`): one thread uses a cache
    /// at a time, no access here overlaps another, and the checks cost a few percent of the work per new
    /// word.
    @exclusivity(unchecked) private(set) var plans = KeyMap<KeyPlan>()
    @exclusivity(unchecked) private(set) var words = KeyMap<(own: Int32, stems: [Int32])>()
    /// The suggestion of each lexicon entry that has had a finding, by entry index: built once per worker
    /// rather than per finding, and the worker's own string (two workers never count references on it).
    @exclusivity(unchecked) private var suggestions: [Int: String] = [:]
    /// The plan shared by all words that start no pattern.
    let emptyPlan = KeyPlan()
    /// Past this many words the cache starts over, so an archive full of names and typos cannot make
    /// it grow without bound.
    let limit: Int

    public init(limit: Int = 50_000) {
        self.limit = limit
    }

    /// Empties the cache when it was filled for another rule set.
    func use(for ruleSet: AnyObject) {
        let identity = ObjectIdentifier(ruleSet)
        guard owner != identity else { return }
        owner = identity
        plans.removeAll()
        words.removeAll()
        suggestions.removeAll()
    }

    /// The suggestion of lexicon entry `index`, made by `make` the first time.
    func suggestion(forEntry index: Int, _ make: () -> String) -> String {
        if let known = suggestions[index] { return known }
        let suggestion = make()
        suggestions[index] = suggestion
        return suggestion
    }

    func store(_ plan: KeyPlan, for key: String, hash: UInt32) {
        if plans.count >= limit { plans.removeAll() }
        plans.set(plan, for: key, hash: hash)
    }

    func store(_ ids: (own: Int32, stems: [Int32]), for key: String, hash: UInt32) {
        if words.count >= limit { words.removeAll() }
        words.set(ids, for: key, hash: hash)
    }
}
