/// A map from keys to values, hashed with the hash `KeyTable` gives every key of a document: a
/// document looks each of its keys up in the shared tables (lexicon plans, directive roles) without
/// hashing the key again. Open addressing (`HashSlots`); keys compared with `==`.
struct KeyMap<Value> {
    private var slots: HashSlots
    /// Each key beside its value: a lookup in a large map (a worker's plans for every word it has seen)
    /// then misses the cache once for the entry, not once for the key and again for the value.
    private var entries: [(key: String, value: Value)] = []

    init(minimumCapacity: Int = 0) {
        slots = HashSlots(minimumCapacity: minimumCapacity, smallest: 16)
    }

    var count: Int { entries.count }

    /// The hash of the key's UTF-8 bytes (the hash `KeyTable` gives document keys).
    static func hash(_ key: String) -> UInt32 {
        var contiguous = key
        return contiguous.withUTF8 { HashSlots.hash($0) }
    }

    subscript(key: String, hash hash: UInt32) -> Value? {
        slots.find(hash) { entries[$0].key == key }.index.map { entries[$0].value }
    }

    subscript(key: String) -> Value? { self[key, hash: Self.hash(key)] }

    /// The value of the key with exactly these UTF-8 bytes.
    func value(bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Value? {
        slots.find(hash) { Self.key(entries[$0].key, equals: bytes) }.index.map { entries[$0].value }
    }

    /// Compared on the String's own bytes: `elementsEqual` between a String's UTF-8 view and a buffer
    /// walks both generically, a few hundred instructions for a short word.
    @inline(__always)
    static func key(_ key: String, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = key.utf8
        guard utf8.count == bytes.count else { return false }
        return utf8.withContiguousStorageIfAvailable { stored in
            var index = 0
            while index < stored.count {
                if stored[index] != bytes[index] { return false }
                index &+= 1
            }
            return true
        } ?? utf8.elementsEqual(bytes)
    }

    mutating func set(_ value: Value, for key: String, hash: UInt32) {
        update(key, hash: hash, initial: value) { $0 = value }
    }

    mutating func set(_ value: Value, for key: String) { set(value, for: key, hash: Self.hash(key)) }

    /// Changes the key's value in place, starting from `initial` for a new key.
    mutating func update(_ key: String, initial: Value, _ change: (inout Value) -> Void) {
        update(key, hash: Self.hash(key), initial: initial, change)
    }

    private mutating func update(_ key: String, hash: UInt32, initial: Value, _ change: (inout Value) -> Void) {
        let (found, slot) = slots.find(hash) { entries[$0].key == key }
        if let found {
            change(&entries[found].value)
            return
        }
        var value = initial
        change(&value)
        entries.append((key, value))
        slots.insert(hash, at: slot)
    }

    mutating func removeAll() {
        self = KeyMap()
    }
}

extension KeyMap: Sendable where Value: Sendable {}
