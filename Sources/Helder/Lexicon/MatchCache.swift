/// What the lexicon matcher worked out per word (the patterns worth trying there, the word ids it stands
/// for), kept across the documents one worker checks: words repeat between letters as much as within
/// one. One cache per thread; it is never shared, so it needs no lock.
public final class MatchCache {
    /// The rule set the plans were made for (plans depend on which entries are switched on).
    private var owner: ObjectIdentifier?
    private(set) var plans: [String: KeyPlan] = [:]
    private(set) var words: [String: (own: Int32, stems: [Int32])] = [:]
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
        plans = [:]
        words = [:]
    }

    func store(_ plan: KeyPlan, for key: String) {
        if plans.count >= limit { plans = [:] }
        plans[key] = plan
    }

    func store(_ ids: (own: Int32, stems: [Int32]), for key: String) {
        if words.count >= limit { words = [:] }
        words[key] = ids
    }
}
