#if canImport(Glibc)
import Glibc
#endif

/// Asks Linux to back large fresh storage (a file's bytes, a text's tokens) with 2 MB pages. A 10 MB text
/// has 40 MB of room for tokens; with 4 KB pages filling it costs thousands of page faults, with 2 MB
/// pages a few dozen. Only for storage of 8 MB or more: in a run that checks one large file, glibc maps
/// that fresh from the kernel and it is zero-filled page by page anyway (advising from 8 MB instead of
/// 32 MB saved 3,700 page faults and about 10 ms on a 10 MB text). Smaller storage is often recycled
/// by malloc, where the advice saves nothing and costs whole 2 MB pages (and possibly compaction) each
/// time: tokenizing a 1 MB text over and over took 14 ms instead of 8 with advice from 4 MB. Only
/// advice: where the kernel has no huge pages to give, or on other systems, nothing changes.
enum HugePages {
    static let size = 2 * 1_048_576
    /// The smallest storage advised.
    static let smallest = 8 * 1_048_576

    static func advise<Element>(_ storage: UnsafeMutableBufferPointer<Element>) {
        #if os(Linux)
        let bytes = storage.count * MemoryLayout<Element>.stride
        guard bytes >= smallest, let base = storage.baseAddress else { return }
        // Only whole huge pages inside the storage: never advise memory that is not ours.
        let start = (Int(bitPattern: UnsafeMutableRawPointer(base)) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: UnsafeMutableRawPointer(base)) + bytes) & ~(size - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        #endif
    }
}
