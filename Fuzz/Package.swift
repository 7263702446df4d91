// swift-tools-version:6.0
// The coverage-guided fuzzer (libFuzzer) for Gugus's input stages. A separate package,
// because a fuzz target has no main of its own: libFuzzer provides it.
//   swift build -c debug --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//   Fuzz/.build/debug/GugusFuzz Fuzz/corpus -max_total_time=60
import PackageDescription

let package = Package(
    name: "GugusFuzz",
    dependencies: [.package(name: "Gugus", path: "..")],
    targets: [
        .executableTarget(
            name: "GugusFuzz",
            dependencies: [.product(name: "GugusCore", package: "Gugus")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
