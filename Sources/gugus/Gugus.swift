import ArgumentParser

@main
struct Gugus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gugus",
        abstract: "A static site generator for Indonesia's anti-trafficking task forces (Gugus Tugas PP-TPPO).",
        subcommands: [Build.self],
        defaultSubcommand: nil
    )
}
