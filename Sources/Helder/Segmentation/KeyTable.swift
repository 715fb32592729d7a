/// Numbers the distinct keys of a document. A hash table over the keys' UTF-8 bytes (FNV-1a, open
/// addressing): interning every token's key through `Dictionary<String, _>` cost SipHash per token.
/// Keys that are canonically equal but differ in bytes get two numbers; everything keyed by number
/// works per key and gives the same answer for both.
struct KeyTable {
    private(set) var keys: [String] = []
    private var slots: [Int32]
    private var hashes: [UInt32] = []
    private var mask: Int

    init(expectedCount: Int) {
        var size = 64
        while size < expectedCount * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        keys.reserveCapacity(expectedCount)
        hashes.reserveCapacity(expectedCount)
    }

    /// The number of `key`, new or known.
    mutating func index(of key: String) -> Int32 {
        let hash = Self.hash(key)
        var slot = Int(hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { break }
            if hashes[Int(index)] == hash && keys[Int(index)] == key { return index }
            slot = (slot + 1) & mask
        }
        let new = Int32(keys.count)
        keys.append(key)
        hashes.append(hash)
        slots[slot] = new
        if keys.count * 2 > slots.count { grow() }
        return new
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

    static func hash(_ key: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        if let done = key.utf8.withContiguousStorageIfAvailable({ bytes -> UInt32 in
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return hash
        }) {
            return done
        }
        for byte in key.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
