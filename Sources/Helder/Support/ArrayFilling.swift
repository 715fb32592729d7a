extension Array {
    /// `count` copies of `value`, as `init(repeating:count:)` makes them. That initializer allocates
    /// through a path of the standard library that is not specialized for the element type: it looks
    /// the storage type up in the runtime's type cache at every call, and the workers of a batch all
    /// read and count on that one shared cache. Storage reserved here is allocated by code specialized
    /// for `Element`. For the arrays made afresh for every document.
    init(filling value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
