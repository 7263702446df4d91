import CGugusBuildInfo

/// The version `gugus --version` prints. scripts/dist reads `number` from this file for the
/// Debian package's version, so it is written in one place only.
enum GugusVersion {
    static let number = "0.9.0"

    /// The commit the binary was built from: scripts/dist writes it into a header that
    /// Sources/CGugusBuildInfo/build_info.c includes; "unknown" in other builds.
    static var commit: String { String(cString: gugus_build_commit()) }

    /// "gugus 0.9.0 (commit abc123def456)"
    static var line: String { "gugus \(number) (commit \(commit))" }
}
