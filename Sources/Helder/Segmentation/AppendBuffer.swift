/// A growing run of plain values with one owner, appended to without the checks `Array.append` makes
/// each time (is the storage shared? is there room?): the tokenizer appends two values per token, and
/// those calls were a good part of a plain word's cost. The owner hands the values over with `finish()`,
/// which frees the memory, and never lets a copy append or finish (copies may read `count`).
struct AppendBuffer<Element: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Element>?
    private var capacity = 0
    private(set) var count = 0

    init(capacity: Int) {
        if capacity > 0 {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base.unsafelyUnwrapped + count).initialize(to: element)
        count &+= 1
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: max(capacity * 2, 16))
        if let base {
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = larger
        capacity = max(capacity * 2, 16)
    }

    /// The values as an array; the buffer is empty afterwards and its memory freed.
    mutating func finish() -> [Element] {
        guard let base else { return [] }
        let array = Array(UnsafeBufferPointer(start: base, count: count))
        base.deallocate()
        self.base = nil
        capacity = 0
        count = 0
        return array
    }
}
