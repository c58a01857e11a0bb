// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Segflow",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "SegflowKit", targets: ["SegflowKit"]),
    .executable(name: "segflow", targets: ["segflow"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // C shim over the system ICU (Debian libicu-dev). Its public header has no ICU types, so it
    // never clashes with the ICU copy inside Foundation (see docs/architecture.md).
    .target(
      name: "CICU",
      linkerSettings: [
        .linkedLibrary("icui18n"),
        .linkedLibrary("icuuc"),
        .linkedLibrary("icudata"),
      ]
    ),
    // Swift types over the shim: break iterators on UTF-8, normalization, charsets, regex.
    .target(name: "SegflowICU", dependencies: ["CICU"]),
    // The engine: document model, stages, reflow, pipeline files, writers and the batch runner.
    .target(
      name: "SegflowKit",
      dependencies: ["SegflowICU", .product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "segflow",
      dependencies: ["SegflowKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // Throughput of each stage and of bare ICU over the same bytes (scripts/bench drives it).
    .executableTarget(name: "segflow-bench", dependencies: ["SegflowKit", "SegflowICU"]),
    .testTarget(name: "SegflowICUTests", dependencies: ["SegflowICU"]),
    // Golden files are read from the source tree by path (so RECORD_GOLDEN=1 can rewrite them).
    .testTarget(name: "SegflowKitTests", dependencies: ["SegflowKit"], exclude: ["Golden"]),
    .testTarget(name: "SegflowCLITests", dependencies: ["segflow"]),
  ]
)
