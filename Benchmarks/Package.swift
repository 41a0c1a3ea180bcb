// swift-tools-version: 6.1
// The benchmarks are a package of their own, so that depending on FinParse never
// pulls in benchmark dependencies. Run from this folder: `swift package benchmark`.
import PackageDescription

let package = Package(
    name: "finparse-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "finparse", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        // Builds the large .docx the Word benchmark reads.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // The floor: ICU's word break called directly, with none of finparse's code.
        .target(
            name: "ICUFloor",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // Throughput beside a floor measured in the same iteration, for every benchmark.
        .target(name: "FloorRatio", dependencies: [
            .product(name: "Benchmark", package: "benchmark"),
            .product(name: "FinParse", package: "finparse"),
        ]),
        // The floor under the Word reader: minizip inflating document.xml, then libxml2's
        // xmlTextReader pulling every node.
        .target(
            name: "XMLFloor",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2", "-I/usr/include/minizip"])],
            linkerSettings: [.linkedLibrary("xml2"), .linkedLibrary("minizip")]
        ),
        pipeline("WordPipeline", floor: "XMLFloor",
                 extra: ["ICUFloor", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        pipeline("TextPipeline", floor: "ICUFloor"),
    ]
)

/// A benchmark executable over the whole pipeline, beside the floor it is measured against.
func pipeline(_ name: String, floor: Target.Dependency, extra: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            floor, "FloorRatio",
            .product(name: "FinParse", package: "finparse"),
            .product(name: "Benchmark", package: "benchmark"),
        ] + extra,
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
