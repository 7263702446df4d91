import Foundation
import GugusCore

/// The outcome of the latest build, as the browser's live-reload script sees it.
public struct BuildStatus: Sendable, Equatable {
    /// Counts builds, so that a page knows whether it shows the newest one.
    public var generation: Int
    /// Empty when the build succeeded; otherwise each problem as `file:line:col: error: …`.
    public var errors: [String]

    public var succeeded: Bool { errors.isEmpty }

    /// `{"errors":[…],"generation":3}`
    var json: Data {
        JSONValue.object(["generation": .int(generation), "errors": .array(errors.map(JSONValue.string))]).encoded()
    }

    /// A Server-Sent Events message: `event: reload` or `event: failed`, with JSON data.
    var eventText: String {
        let data = json
        return "event: \(succeeded ? "reload" : "failed")\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }
}
