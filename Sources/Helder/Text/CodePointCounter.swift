/// Counts Unicode code points before byte offsets, for offsets asked in increasing order (it restarts
/// from the beginning when asked for an earlier one).
public final class CodePointCounter {
    let text: [UInt8]
    var byte = 0
    var count = 0

    public init(_ text: [UInt8]) {
        self.text = text
    }

    public func count(upTo offset: Int) -> Int {
        if offset < byte { byte = 0; count = 0 }
        let end = min(offset, text.count)
        while byte < end {
            if text[byte] & 0xC0 != 0x80 { count += 1 }
            byte += 1
        }
        return count
    }
}
