/// Numbers the distinct keys of a document while it is tokenized. A hash table over the keys' UTF-8
/// bytes (`HashSlots`, the bytes kept in one arena): a word seen before gets its number without a new
/// String being made, and no token is hashed twice.
/// Keys that are canonically equal but differ in bytes get two numbers; everything keyed by number
/// works per key and gives the same answer for both.
struct KeyTable {
    private(set) var keys: [String] = []
    private var slots: HashSlots
    /// The bytes of every key, one after the other.
    private var arena: [UInt8] = []
    /// Per key: where its bytes are, and its first sixteen bytes as two words (zero past the key), so
    /// that a lookup of a short word compares one record and never reads the arena.
    private var heads: [Head] = []

    private struct Head {
        var first: UInt64
        var second: UInt64
        var start: Int
        var length: Int
    }

    /// Key numbers of words with bytes outside ASCII, by those bytes as written: folding such a word
    /// (ICU normalization) costs thousands of instructions, and these words repeat like any other.
    private var rawSlots = HashSlots(minimumCapacity: 0, smallest: 64)
    private var rawArena: [UInt8] = []
    private var rawStarts: [Int] = [0]
    private var rawNumbers: [Int32] = []

    init(expectedCount: Int) {
        slots = HashSlots(minimumCapacity: expectedCount, smallest: 64)
        keys.reserveCapacity(expectedCount)
        heads.reserveCapacity(expectedCount)
    }

    /// The number of the key `fold` makes of these bytes (-1 when it makes an empty one); `fold` runs
    /// only the first time the bytes are seen.
    mutating func index(ofRaw bytes: UnsafeBufferPointer<UInt8>, folding fold: () -> String) -> Int32 {
        let hash = HashSlots.hash(bytes)
        let (found, slot) = rawSlots.find(hash) { index in
            rawStarts[index + 1] &- rawStarts[index] == bytes.count
                && rawArena[rawStarts[index]..<rawStarts[index + 1]].elementsEqual(bytes)
        }
        if let found { return rawNumbers[found] }
        let key = fold()
        let number = key.isEmpty ? -1 : index(of: key)
        rawArena.append(contentsOf: bytes)
        rawStarts.append(rawArena.count)
        rawNumbers.append(number)
        rawSlots.insert(hash, at: slot)
        return number
    }

    /// The hash of each key's UTF-8 bytes (`KeyMap.hash`).
    var hashes: [UInt32] { slots.hashes }

    /// The first two bytes of each key (`TokenKeys.leadingPairs`).
    var leadingPairs: [UInt16] { heads.map { UInt16(truncatingIfNeeded: $0.first) } }

    /// The number of `key`, new or known.
    mutating func index(of key: String) -> Int32 {
        var contiguous = key
        return contiguous.withUTF8 { bytes in
            let hash = HashSlots.hash(bytes)
            let (found, slot) = slots.find(hash) { equals($0, bytes, lowercasing: false) }
            if let found { return Int32(found) }
            return insert(key, bytes: bytes, hash: hash, slot: slot)
        }
    }

    /// The number of plain ASCII text lowercased (the key `TextFolding` makes of it), making a String
    /// only for a key not seen before.
    mutating func index(ofLowercased bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let count = bytes.count
        guard count > 0, count <= 16 else { return index(ofLowercasedLong: bytes) }
        // Most words: at most two machine words, lowercased once, then hashed and compared as words.
        let first = HashSlots.asciiLowercased(HashSlots.word(bytes, at: 0))
        let second = count > 8 ? HashSlots.asciiLowercased(HashSlots.word(bytes, at: 8)) : 0
        return index(lowercasedWords: first, second, of: bytes)
    }

    /// The number of plain ASCII text of one to sixteen bytes whose lowercased bytes the caller already
    /// holds as two little-endian words, bytes past the text zero.
    @inline(__always)
    mutating func index(lowercasedWords first: UInt64, _ second: UInt64, of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let count = bytes.count
        var state = HashSlots.mix(HashSlots.hashStart(count: count), first)
        if count > 8 { state = HashSlots.mix(state, second) }
        let hash = HashSlots.hashEnd(state)
        // A stored key's head is zero past the key, as the words are: no masks needed.
        let (found, slot) = slots.find(hash) { index in
            let head = heads[index]
            return head.length == count && head.first == first && head.second == second
        }
        if let found { return Int32(found) }
        return insertLowercased(bytes, hash: hash, slot: slot)
    }

    /// `index(ofLowercased:)` for words longer than sixteen bytes.
    private mutating func index(ofLowercasedLong bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = HashSlots.hash(bytes, lowercasing: true)
        let (found, slot) = slots.find(hash) { equals($0, bytes, lowercasing: true) }
        if let found { return Int32(found) }
        return insertLowercased(bytes, hash: hash, slot: slot)
    }

    private mutating func insertLowercased(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32, slot: Int) -> Int32 {
        let key = TextFolding.asciiLowercased(bytes, bytes.indices)
        return key.utf8.withContiguousStorageIfAvailable { folded in
            insert(key, bytes: folded, hash: hash, slot: slot)
        } ?? index(of: key)
    }

    /// Compared eight bytes at a time (lowercasing: the text is ASCII, the arena holds the key).
    @inline(__always)
    private func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Bool {
        let start = heads[index].start
        guard heads[index].length == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            let stored = UnsafeBufferPointer(rebasing: arena[start..<start + bytes.count])
            var offset = 0
            while offset < bytes.count {
                var word = HashSlots.word(bytes, at: offset)
                if lowercasing { word = HashSlots.asciiLowercased(word) }
                if word != HashSlots.word(stored, at: offset) { return false }
                offset &+= 8
            }
            return true
        }
    }

    private mutating func insert(_ key: String, bytes: UnsafeBufferPointer<UInt8>, hash: UInt32, slot: Int) -> Int32 {
        keys.append(key)
        heads.append(Head(first: HashSlots.word(bytes, at: 0), second: bytes.count > 8 ? HashSlots.word(bytes, at: 8) : 0,
                          start: arena.count, length: bytes.count))
        arena.append(contentsOf: bytes)
        return Int32(slots.insert(hash, at: slot))
    }
}
