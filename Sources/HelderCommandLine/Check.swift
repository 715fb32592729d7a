import ArgumentParser
import Foundation
import Helder
import LexiconFormat

extension Profile: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case info, warning, error, never
    var severity: Severity? { Severity(rawValue: rawValue) }
}

enum PlaceholderMode: String, ExpressibleByArgument, CaseIterable { case ignore, report }

/// Options shared by `check` and `audit`.
struct CommonOptions: ParsableArguments {
    @Option(help: "Voor wie is de tekst: brief (aan ouder of jongere) of dossier (over een gezin).")
    var profile: Profile?

    @Option(help: "Configuratiebestand (standaard: .helder.yml in deze map of een map erboven).")
    var config: String?

    @Option(name: .customLong("include"), help: "Alleen bestanden die hierop passen (glob, mag vaker).")
    var includes: [String] = []

    @Option(name: .customLong("exclude"), help: "Sla bestanden over die hierop passen (glob, mag vaker).")
    var excludes: [String] = []

    @Option(help: "Aantal bestanden tegelijk (standaard: aantal processorkernen).")
    var jobs: Int?

    @Option(help: "Bestanden groter dan dit aantal MB worden overgeslagen.")
    var maxFileSize: Int = 512

    @Option(help: "Naam voor de invoer van stdin (-), bepaalt ook het soort bestand.")
    var stdinFilename: String?

    @Option(help: "Zip (.docx, .odt): hoogstens zoveel onderdelen.")
    var zipMaxEntries: Int = 10_000

    @Option(help: "Zip (.docx, .odt): hoogstens zoveel MB uitgepakt per document.")
    var zipMaxSize: Int = 256

    @Option(help: "Zip (.docx, .odt): hoogstens deze verhouding tussen uitgepakt en ingepakt.")
    var zipMaxRatio: Int = 200

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs moet 1 of meer zijn") }
        if maxFileSize < 1 || maxFileSize > 1_048_576 { throw ValidationError("--max-file-size moet tussen 1 en 1048576 (MB) liggen") }
        if zipMaxEntries < 1 || zipMaxSize < 1 || zipMaxSize > 65_536 || zipMaxRatio < 1 {
            throw ValidationError("--zip-max-entries, --zip-max-size (tot 65536 MB) en --zip-max-ratio moeten 1 of meer zijn")
        }
    }
}

/// Loads configuration and lexicons and builds the batch checker: the part `check` and `audit` share.
struct Session {
    let configuration: Configuration
    let batch: BatchChecker
    let descriptions: [String: RuleDescription]

    init(_ options: CommonOptions, placeholders: PlaceholderMode = .ignore, keepSourceLines: Bool = false, baselineHashes: Bool = false) throws {
        var lexicons = RuleSet.builtInLexicons(entryExamples: false)
        var configuration = Configuration()
        if let path = options.config ?? Configuration.find(from: FileManager.default.currentDirectoryPath) {
            let knownNames = Set(lexicons.rules.map(\.id) + Category.allCases.map(\.rawValue) + ["template"] + lexicons.entries.map(\.id))
            do {
                configuration = try Configuration.load(path: path, knownNames: knownNames)
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        }
        for path in configuration.lexiconFiles {
            let full = path.hasPrefix("/") ? path : configuration.directory + "/" + path
            do {
                guard let data = FileManager.default.contents(atPath: full) else { throw InputError.notFound }
                lexicons.merge(try LexiconSourceReader().read(yaml: String(decoding: data, as: UTF8.self), name: path))
            } catch {
                printError("\(full): \(error)")
                throw ExitCode(2)
            }
        }
        // The built-in lexicons were validated when they were compiled; only extra ones need it now.
        if !configuration.lexiconFiles.isEmpty {
            for problem in LexiconValidator().problems(in: lexicons) { configuration.warnings.append(problem) }
        }
        for warning in configuration.warnings { printError("waarschuwing: \(warning)") }
        var settings = RuleSettings()
        settings.profile = options.profile ?? configuration.profile ?? .brief
        settings.disabled = configuration.disabled
        settings.enabled = configuration.enabled
        settings.severities = configuration.severities
        settings.accepted = configuration.accept
        settings.reportPlaceholders = placeholders == .report
        let rules = RuleSet(lexicons: lexicons, settings: settings)
        var batchOptions = BatchOptions()
        if let jobs = options.jobs { batchOptions.jobs = jobs }
        batchOptions.maximumFileSize = options.maxFileSize * 1_048_576
        batchOptions.zipLimits.maximumEntries = options.zipMaxEntries
        batchOptions.zipLimits.maximumTotalSize = options.zipMaxSize * 1_048_576
        batchOptions.zipLimits.maximumEntrySize = min(batchOptions.zipLimits.maximumEntrySize, batchOptions.zipLimits.maximumTotalSize)
        batchOptions.zipLimits.maximumRatio = options.zipMaxRatio
        batchOptions.keepSourceLines = keepSourceLines
        batchOptions.baselineHashes = baselineHashes
        // The flag wins over per-path settings; per-path settings win over the configured profile.
        let perPath: [(Glob, Profile)] = options.profile == nil ? configuration.paths : []
        self.batch = BatchChecker(checker: Checker(rules: rules), options: batchOptions, profiles: perPath)
        self.configuration = configuration
        self.descriptions = rules.descriptions
    }

    func discovery(options: CommonOptions) -> FileDiscovery {
        var discovery = FileDiscovery()
        let includes = options.includes.isEmpty ? configuration.include : options.includes
        if !includes.isEmpty { discovery.includes = includes.map(Glob.init) }
        discovery.excludes = (configuration.exclude + options.excludes).map(Glob.init)
        return discovery
    }

    /// Checks the given paths (or stdin for `-`), handing each file's report (or part of a large file's
    /// report) to `deliver` in order as soon as it is ready.
    func run(_ paths: [String], options: CommonOptions, deliver: (FileReport) -> Void) {
        let files = paths.filter { $0 != "-" }
        if paths.contains("-") {
            let input = Input(path: "-", stdinName: options.stdinFilename)
            do {
                let bytes = try input.readBytes(limit: batch.options.maximumFileSize)
                deliver(batch.check(bytes: bytes, path: options.stdinFilename ?? "stdin.txt", displayPath: input.displayPath))
            } catch {
                deliver(FileReport(path: input.displayPath, error: error))
            }
        }
        if !files.isEmpty || paths.isEmpty {
            batch.check(discovering: files.isEmpty ? ["."] : files, with: discovery(options: options),
                        displayPath: Self.display, deliver: deliver)
        }
    }

    @Sendable static func display(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Controleert brieven, sjablonen en verslagen.",
        discussion: """
            Zonder pad wordt de huidige map gecontroleerd; - leest standaardinvoer.
            Exitcode: 0 geen bevindingen op of boven --fail-on, 1 wel, 2 een bestand kon niet worden
            gecontroleerd of de opdracht klopt niet (de andere bestanden worden wel gecontroleerd).
            """
    )

    @Argument(help: "Bestanden en mappen om te controleren; - voor standaardinvoer.")
    var paths: [String] = []

    @OptionGroup var common: CommonOptions

    @Option(help: "Uitvoer: text, json, sarif, github, junit, checkstyle of gitlab.")
    var format: ReportFormat = .text

    @Option(help: "Toon alleen bevindingen vanaf dit niveau: info, warning of error.")
    var minSeverity: Severity?

    @Option(help: "Exitcode 1 bij een bevinding vanaf dit niveau: info, warning, error of never.")
    var failOn: FailLevel?

    @Option(help: "Toon alleen bevindingen die niet in deze baseline staan.")
    var baseline: String?

    @Option(help: "Schrijf alle huidige bevindingen naar een baseline-bestand.")
    var writeBaseline: String?

    @Option(help: "ignore: velden als {{datum}} overslaan; report: elk niet-ingevuld veld is een fout.")
    var placeholders: PlaceholderMode = .ignore

    @Flag(help: "Vervang gevonden tekst en bronregels door de regel-id (voor CI-logs zonder cliënttekst).")
    var redact = false

    @Flag(help: "Geen samenvatting en geen waarschuwingen, alleen bevindingen en fouten.")
    var quiet = false

    @Flag(help: "Geen kleur in de uitvoer.")
    var noColor = false

    func run() throws {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        let session = try Session(common, placeholders: placeholders, keepSourceLines: format == .text && isTerminal && !redact,
                                  baselineHashes: baseline != nil || writeBaseline != nil)
        let minimum = minSeverity ?? session.configuration.minSeverity ?? .info
        var known: Baseline?
        if let baseline {
            do {
                guard let data = FileManager.default.contents(atPath: baseline) else { throw InputError.notFound }
                known = try Baseline(json: String(decoding: data, as: UTF8.self))
            } catch {
                printError("\(baseline): \(error)")
                throw ExitCode(2)
            }
        }
        var context = ReportContext(rules: session.descriptions)
        context.color = isTerminal && !noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        context.showSourceLines = format == .text && isTerminal
        context.redact = redact
        context.rootPath = FileManager.default.currentDirectoryPath
        context.summary = !quiet
        let fail = failOn ?? session.configuration.failOn.flatMap(FailLevel.init(rawValue:)) ?? .warning
        // Reports are written as files finish (in order), so a large batch is never held in memory.
        var output = OutputBuffer()
        var writer = format.reporter.makeWriter(context: context)
        var current = Baseline()
        var sawError = false
        var failing = false
        // The last report is kept until the process ends (see below): letting go of it would free its
        // findings one by one, a few percent of a run over one large file.
        var lastReport: FileReport?
        // The flags as plain values: an option read in the closure below goes through the argument
        // parser's property wrapper, a look-up in the runtime's shared type cache per file.
        let (collectsBaseline, quiet) = (writeBaseline != nil, self.quiet)
        writer.begin(to: &output)
        session.run(paths, options: common) { report in
            var report = report
            // Only when some finding is below the minimum: removing copies the whole list of a report
            // that the batch still shares.
            if report.findings.contains(where: { $0.finding.severity < minimum }) {
                report.findings.removeAll { $0.finding.severity < minimum }
            }
            if collectsBaseline { current.add(report) }
            if let filtered = known?.remove(from: report) { report = filtered }
            if let error = report.error {
                printError("\(report.path): \(error.description)")
                sawError = true
            }
            if quiet { report.warnings = [] }
            if let level = fail.severity, report.findings.contains(where: { $0.finding.severity >= level }) { failing = true }
            writer.write(report, to: &output)
            lastReport = report
        }
        writer.end(to: &output)
        output.flush()
        if let writeBaseline {
            do {
                try writeAtomically(current.rendered(), to: writeBaseline)
            } catch {
                printError("\(writeBaseline): kan de baseline niet schrijven")
                throw ExitCode(2)
            }
        }
        // End the process here, with the session (and `lastReport`) still alive: tearing down the compiled
        // lexicons and the workers' caches (thousands of small objects) would cost a few milliseconds of a
        // one-letter run and free nothing exit does not.
        withExtendedLifetime(lastReport) {}
        Foundation.exit(sawError ? 2 : failing ? 1 : 0)
    }
}
