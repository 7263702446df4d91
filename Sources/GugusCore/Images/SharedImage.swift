/// The picture of an item that link previews (Open Graph), search engines (JSON-LD) and
/// feeds show: the derivative about 1200 px wide of a photo, or the file itself otherwise.
struct SharedImage: Sendable {
    /// A site path, percent-encoded; pages and feeds make it absolute.
    var url: String
    var width: Int?
    var height: Int?
    var type: String
}

extension Site {
    func sharedImage(of item: ContentItem) -> SharedImage? {
        guard let path = item.common.image.flatMap({ SitePath.mediaPath($0.value) }) else { return nil }
        guard let plan = library.plans[path] else {
            return SharedImage(url: ImageMarkup.address(SiteAddress.media(path)), type: StructuredData.mediaType(path))
        }
        let variant = plan.share ?? plan.original
        return SharedImage(url: variant.address, width: variant.width, height: variant.height, type: variant.format.mimeType)
    }
}
