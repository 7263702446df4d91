import ArgumentParser
import Foundation

@main
struct Gugus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gugus",
        abstract: "A static site generator for Indonesia's anti-trafficking task forces (Gugus Tugas PP-TPPO).",
        version: GugusVersion.line,
        subcommands: [Build.self, Check.self, Init.self, New.self, Report.self, Serve.self, Sources.self]
    )

    /// Exit status 0 on success, 1 on content errors, 2 on a wrong command line.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 1 { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
