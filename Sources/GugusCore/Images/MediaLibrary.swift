/// The media of a site as pages refer to them: which paths exist, what each raster becomes,
/// and why a raster cannot be published. Made once by Resolve.
public struct MediaLibrary: Sendable {
    /// Paths under `media/` that exist.
    public var paths: Set<String> = []
    /// The plan of every raster that can be published.
    public var plans: [String: ImagePlan] = [:]
    /// Why each of the other rasters cannot.
    public var problems: [String: ImageProblem] = [:]

    public init(paths: Set<String> = [], plans: [String: ImagePlan] = [:], problems: [String: ImageProblem] = [:]) {
        self.paths = paths
        self.plans = plans
        self.problems = problems
    }

    init(_ media: [MediaFile], settings: ImageSettings, cacheRoot: String, shared: Set<String>) {
        paths = Set(media.map(\.path))
        let pixelKey = settings.pixelKey
        for file in media where file.raster != nil {
            if let problem = ImageInspector.problem(of: file, settings: settings) {
                problems[file.path] = problem
            } else if let plan = ImagePlanner.plan(file, settings: settings, pixelKey: pixelKey, cacheRoot: cacheRoot,
                                                           shared: shared.contains(file.path)) {
                plans[file.path] = plan
            }
        }
    }
}
