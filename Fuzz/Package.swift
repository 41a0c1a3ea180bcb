// swift-tools-version: 6.1
// Coverage-guided fuzzing of the whole parse with libFuzzer: a package of its own, as
// Benchmarks/ is, so that nothing here reaches FinParse's users. Build and run with
// `Fuzz/fuzz.sh FORMAT [SECONDS]` from the repository root (README.md in this folder).
import PackageDescription

let package = Package(
    name: "finparse-fuzz",
    dependencies: [
        .package(name: "finparse", path: ".."),
        // Wraps a fuzzed document.xml into a .docx.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .executableTarget(
            name: "FuzzParse",
            dependencies: [
                .product(name: "FinParse", package: "finparse"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // libFuzzer brings main().
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
