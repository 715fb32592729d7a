/// A map from keys to values, hashed with the FNV-1a hash of the key's UTF-8 bytes that `KeyTable`
/// gives every key of a document: a document looks each of its keys up in the shared tables (lexicon
/// plans, directive roles) without hashing the key again. Open addressing; keys compared with `==`.
struct KeyMap<Value> {
    private var slots: [Int32]
    private var hashes: [UInt32] = []
    private var keys: [String] = []
    private var values: [Value] = []
    private var mask: Int

    init(minimumCapacity: Int = 0) {
        var size = 16
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { keys.count }

    /// The FNV-1a hash of the key's UTF-8 bytes (the hash `KeyTable` gives document keys).
    static func hash(_ key: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    subscript(key: String, hash hash: UInt32) -> Value? {
        let (index, _) = find(key, hash: hash)
        return index.map { values[$0] }
    }

    subscript(key: String) -> Value? { self[key, hash: Self.hash(key)] }

    mutating func set(_ value: Value, for key: String, hash: UInt32) {
        let (index, slot) = find(key, hash: hash)
        if let index {
            values[index] = value
            return
        }
        slots[slot] = Int32(keys.count)
        hashes.append(hash)
        keys.append(key)
        values.append(value)
        if keys.count * 2 > slots.count { grow() }
    }

    mutating func set(_ value: Value, for key: String) { set(value, for: key, hash: Self.hash(key)) }

    mutating func removeAll() {
        self = KeyMap()
    }

    private func find(_ key: String, hash: UInt32) -> (Int?, Int) {
        var slot = Int(hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return (nil, slot) }
            if hashes[index] == hash && keys[index] == key { return (index, slot) }
            slot = (slot + 1) & mask
        }
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
}

extension KeyMap: Sendable where Value: Sendable {}
