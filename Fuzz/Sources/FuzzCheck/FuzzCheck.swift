import FuzzDriver
import HelderFuzzed

/// decode → tokenize → split → all rules → locate findings → JSON, on arbitrary bytes as a .txt file.
/// Every finding must point at bytes of the input; the JSON report (written through raw byte storage)
/// must be whole.
let batch = BatchChecker(checker: Checker(rules: RuleSet(lexicons: RuleSet.builtInLexicons())))
let context = ReportContext(rules: [:])

func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let report = batch.check(bytes: bytes, path: "fuzz.txt", displayPath: "fuzz.txt")
    for finding in report.findings {
        precondition(finding.offset >= 0 && finding.offset + finding.length <= bytes.count, "finding outside the input")
        precondition(finding.line >= 1 && finding.column >= 1, "line or column below 1")
    }
    let json = JSONReporter().report([report], context: context)
    precondition(json.hasPrefix("{") && json.hasSuffix("}\n"), "JSON report cut short")
    return 0
}

@_cdecl("FuzzCheck_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
