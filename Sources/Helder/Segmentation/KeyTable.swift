/// Numbers the distinct keys of a document while it is tokenized. A hash table over the keys' UTF-8
/// bytes (FNV-1a, open addressing, the bytes kept in one arena): a word seen before gets its key
/// String back without making a new one, and no token is hashed twice.
/// Keys that are canonically equal but differ in bytes get two numbers; everything keyed by number
/// works per key and gives the same answer for both.
struct KeyTable {
    private(set) var keys: [String] = []
    private var slots: [Int32]
    /// The FNV-1a hash of each key's UTF-8 bytes (`KeyMap.hash`).
    private(set) var hashes: [UInt32] = []
    /// The bytes of key `i` are `arena[starts[i]..<starts[i + 1]]`.
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
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
        var contiguous = key
        return contiguous.withUTF8 { bytes in
            let hash = Self.hash(bytes, lowercasing: false)
            let (found, slot) = find(bytes, hash: hash, lowercasing: false)
            if let found { return found }
            return insert(key, bytes: bytes, hash: hash, slot: slot)
        }
    }

    /// The number and key of plain ASCII text lowercased (the key `TextFolding` makes of it), making a
    /// String only for a key not seen before.
    mutating func index(ofLowercased bytes: UnsafeBufferPointer<UInt8>) -> (Int32, String) {
        let hash = Self.hash(bytes, lowercasing: true)
        let (found, slot) = find(bytes, hash: hash, lowercasing: true)
        if let found { return (found, keys[Int(found)]) }
        let key = String(unsafeUninitializedCapacity: bytes.count) { output in
            for index in bytes.indices { output[index] = Self.lowercased(bytes[index]) }
            return bytes.count
        }
        return key.utf8.withContiguousStorageIfAvailable { folded in
            (insert(key, bytes: folded, hash: hash, slot: slot), key)
        } ?? (index(of: key), key)
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32, lowercasing: Bool) -> (Int32?, Int) {
        var slot = Int(hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return (nil, slot) }
            if hashes[Int(index)] == hash, equals(Int(index), bytes, lowercasing: lowercasing) { return (index, slot) }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Bool {
        let start = starts[index]
        guard starts[index + 1] - start == bytes.count else { return false }
        for offset in 0..<bytes.count where arena[start + offset] != (lowercasing ? Self.lowercased(bytes[offset]) : bytes[offset]) {
            return false
        }
        return true
    }

    private mutating func insert(_ key: String, bytes: UnsafeBufferPointer<UInt8>, hash: UInt32, slot: Int) -> Int32 {
        let new = Int32(keys.count)
        keys.append(key)
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
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

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(lowercasing ? lowercased(byte) : byte)) &* 16_777_619 }
        return hash
    }
}
