// swift-tools-version:6.3
import PackageDescription

// The package-benchmark suite, in its own package so `swift test` and CI never build it.
//   cd Benchmarks && swift package benchmark
let package = Package(
    name: "HelderBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Helder", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HelderBenchmarks",
            dependencies: [
                .product(name: "Helder", package: "Helder"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/HelderBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
