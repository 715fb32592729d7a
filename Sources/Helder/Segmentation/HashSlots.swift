/// The open-addressing index behind `KeyTable` and `KeyMap`: entries are numbered in the order they
/// were added, and a slot array (a power of two, at most half full, linear probing) finds an entry's
/// number from its hash. What an entry holds and how two keys compare is up to the owner.
struct HashSlots {
    private var slots: [Int32]
    private var mask: Int
    /// The hash of each entry, by number.
    private(set) var hashes: [UInt32] = []

    init(minimumCapacity: Int, smallest: Int) {
        var size = smallest
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        hashes.reserveCapacity(minimumCapacity)
    }

    var count: Int { hashes.count }

    /// The number of the entry with this hash that `matches` accepts, or nil and the free slot where a new
    /// entry with this hash goes (for `insert`).
    @inline(__always)
    func find(_ hash: UInt32, where matches: (Int) -> Bool) -> (index: Int?, slot: Int) {
        var slot = Int(hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return (nil, slot) }
            if hashes[index] == hash && matches(index) { return (index, slot) }
            slot = (slot + 1) & mask
        }
    }

    /// Files the next entry (number `count`) under `hash` in the free `slot` that `find` gave.
    @discardableResult
    mutating func insert(_ hash: UInt32, at slot: Int) -> Int {
        let index = hashes.count
        slots[slot] = Int32(index)
        hashes.append(hash)
        if hashes.count * 2 > slots.count { grow() }
        return index
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// FNV-1a over UTF-8 bytes, optionally with A-Z lowercased on the way: the hash of every key.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool = false) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(lowercasing ? lowercased(byte) : byte)) &* 16_777_619 }
        return hash
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}
