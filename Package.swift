// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Reprint",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Reprint", targets: ["Reprint"]),
        .executable(name: "reprint", targets: ["reprint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "Reprint"),
        .executableTarget(
            name: "reprint",
            dependencies: [
                "Reprint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ReprintTests", dependencies: ["Reprint"]),
    ],
    swiftLanguageModes: [.v6]
)
