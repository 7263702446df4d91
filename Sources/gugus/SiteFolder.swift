import ArgumentParser
import Foundation
import GugusCore

/// The checks every command makes of its SITE argument and its `--now`, with the same words.
enum SiteFolder {
    static func validate(_ site: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("the site folder \(site) does not exist")
        }
        guard FileManager.default.fileExists(atPath: site + "/content") else {
            throw ValidationError("\(site) has no content/ folder; give the folder of a site (`gugus init` makes one)")
        }
    }

    static func validate(now: String?) throws {
        if let now, CivilDate(iso: now) == nil { throw ValidationError("--now must be a date written YYYY-MM-DD, like 2024-07-25") }
    }
}
