/// A trie over reversed keys: finds which known words a longer word ends with (`interventie` in
/// `gezinsinterventie`). Nodes live in flat arrays, children as a linked list of siblings: building it
/// allocates a few arrays instead of one dictionary per node, and a lookup per byte scans a handful of
/// siblings.
struct SuffixTrie: Sendable {
    private var byte: [UInt8] = [0]
    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    /// Per node: the values of the keys ending there.
    private var values: [[Int]] = [[]]
    /// The root's child for each last byte (-1 for none).
    private var rootChild = [Int32](repeating: -1, count: 256)

    private func child(of node: Int, _ value: UInt8) -> Int? {
        var current = firstChild[node]
        while current >= 0 {
            if byte[Int(current)] == value { return Int(current) }
            current = nextSibling[Int(current)]
        }
        return nil
    }

    mutating func insert(_ key: String, value: Int) {
        var node = 0
        for next in key.utf8.reversed() {
            if let existing = child(of: node, next) {
                node = existing
                continue
            }
            byte.append(next)
            firstChild.append(-1)
            nextSibling.append(firstChild[node])
            values.append([])
            firstChild[node] = Int32(byte.count - 1)
            if node == 0 { rootChild[Int(next)] = Int32(byte.count - 1) }
            node = byte.count - 1
        }
        values[node].append(value)
    }

    /// Calls `body` for every inserted key that the word with these UTF-8 bytes ends with, leaving at
    /// least `minimumPrefix` bytes. Asked for every distinct word of a document (and its stems): the
    /// first step, where a scan of the root's siblings would pass most of the alphabet, reads a table.
    func matches(in bytes: UnsafeBufferPointer<UInt8>, minimumPrefix: Int, _ body: (Int) -> Void) {
        var remaining = bytes.count
        guard remaining > minimumPrefix else { return }
        remaining -= 1
        var node = Int(rootChild[Int(bytes[remaining])])
        while node >= 0 {
            if !values[node].isEmpty { values[node].forEach(body) }
            guard remaining > minimumPrefix else { return }
            remaining -= 1
            guard let next = child(of: node, bytes[remaining]) else { return }
            node = next
        }
    }
}
