/// The open-addressing index behind `KeyTable` and `KeyMap`: entries are numbered in the order they
/// were added, and a slot array (a power of two, at most half full, linear probing) finds an entry's
/// number from its hash. What an entry holds and how two keys compare is up to the owner.
struct HashSlots {
    /// Each slot holds an entry's hash (high half) and number (low half), so that a probe reads one
    /// slot and nothing else before comparing keys; `empty` marks a free slot.
    private var slots: [UInt64]
    private var mask: Int
    /// The hash of each entry, by number.
    private(set) var hashes: [UInt32] = []
    private static let empty = UInt64.max

    init(minimumCapacity: Int, smallest: Int) {
        var size = smallest
        while size < minimumCapacity * 2 { size <<= 1 }
        slots = [UInt64](filling: Self.empty, count: size)
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
            let stored = slots[slot]
            if stored == Self.empty { return (nil, slot) }
            if UInt32(truncatingIfNeeded: stored &>> 32) == hash {
                let index = Int(UInt32(truncatingIfNeeded: stored))
                if matches(index) { return (index, slot) }
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// Files the next entry (number `count`) under `hash` in the free `slot` that `find` gave.
    @discardableResult
    mutating func insert(_ hash: UInt32, at slot: Int) -> Int {
        let index = hashes.count
        slots[slot] = Self.slot(hash, index)
        hashes.append(hash)
        if hashes.count * 2 > slots.count { grow() }
        return index
    }

    @inline(__always)
    private static func slot(_ hash: UInt32, _ index: Int) -> UInt64 { UInt64(hash) &<< 32 | UInt64(UInt32(index)) }

    private mutating func grow() {
        slots = [UInt64](filling: Self.empty, count: slots.count * 2)
        mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while slots[slot] != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = Self.slot(hash, index)
        }
    }

    /// The hash of every key: its UTF-8 bytes read eight at a time, each word mixed in by a multiply.
    /// With `lowercasing`, A-Z count as a-z (for ASCII text only, which the caller has checked).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool = false) -> UInt32 {
        var hash = hashStart(count: bytes.count)
        var offset = 0
        while offset < bytes.count {
            var word = word(bytes, at: offset)
            if lowercasing { word = asciiLowercased(word) }
            hash = mix(hash, word)
            offset &+= 8
        }
        return hashEnd(hash)
    }

    /// The steps of `hash`, for callers that already hold the words.
    @inline(__always)
    static func hashStart(count: Int) -> UInt64 { 0x243F_6A88_85A3_08D3 ^ UInt64(count) }

    @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 29)
    }

    @inline(__always)
    static func hashEnd(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash ^ (hash >> 32)) }

    /// Up to eight bytes from `offset` as one little-endian word, missing bytes zero. Never reads
    /// outside `bytes`.
    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let remaining = bytes.count &- offset
        if remaining >= 8 { return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var word: UInt64 = 0
        var shift: UInt64 = 0
        var position = offset
        if remaining & 4 != 0 {
            word = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
            position &+= 4
            shift = 32
        }
        if remaining & 2 != 0 {
            word |= UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt16.self))) << shift
            position &+= 2
            shift &+= 16
        }
        if remaining & 1 != 0 { word |= UInt64(base[position]) << shift }
        return word
    }

    /// A-Z in a word of ASCII bytes made a-z, all eight at once: a byte is a capital when adding 0x3F
    /// sets its top bit and adding 0x25 does not.
    @inline(__always)
    static func asciiLowercased(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let capitals = ((word &+ ones &* 0x3F) ^ (word &+ ones &* 0x25)) & (ones &* 0x80)
        return word | (capitals >> 2)
    }
}
