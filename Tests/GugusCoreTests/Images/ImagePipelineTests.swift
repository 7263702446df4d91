import Foundation
import Testing
@testable import GugusCore

/// The image pipeline as a reader and an officer see it: what the published files hold (no
/// place, camera or author), their real sizes against what the HTML says, what link previews
/// and feeds get, which pictures load lazily, what the cache spares, and where a broken
/// photo is reported. The photos are made with `vips` and `exiftool` (TestPhotos: each one
/// once per run, then copied). Each test has its own site and cache, so they run side by side.
@Suite struct ImagePipelineTests {
    // MARK: 1. Metadata

    @Test func publishedFilesCarryNoLocationCameraOrAuthor() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("x", extra: "image: media/foto/x.jpg\nimage_alt: Rapat koordinasi\n",
                 body: "Isi.\n\n![Peta lokasi](../media/foto/peta.png)\n\n![Spanduk](../media/foto/spanduk.webp)"),
        ]))
        try site.photo("foto/x.jpg", width: 2400, height: 1800, tagged: true, orientation: 6)
        try site.photo("foto/peta.png", width: 2400, height: 1800, colour: (20, 160, 60), tagged: true)
        try site.photo("foto/spanduk.webp", width: 1200, height: 900, colour: (200, 180, 20), tagged: true)
        // The photos as made do carry what must not be published (else this test proves nothing).
        let made = try TestPhotos.tags(of: ["x.jpg", "peta.png", "spanduk.webp"].map { site.root + "/content/media/foto/" + $0 })
        #expect(made.count == 3)
        for (path, tags) in made {
            #expect(Self.revealing(tags).contains { $0.hasPrefix("EXIF:GPSLatitude") }, "\(path) was made without GPS: \(tags)")
        }
        #expect(site.buildSucceeds())

        let published = TestPhotos.files(under: site.output + "/media")
        #expect(published.count >= 3 * 6, "three photos, each in two formats and at least three widths: \(published)")
        let tags = try TestPhotos.tags(of: published)
        #expect(tags.count == published.count, "exiftool read \(tags.count) of \(published.count) files")
        for path in published {
            let found = Self.revealing(tags[path] ?? [:])
            #expect(found.isEmpty, "\(path.dropFirst(site.output.count + 1)) still carries \(found)")
        }

        // The originals' addresses serve stripped copies, no wider than max_width (2048).
        let headers = try TestPhotos.headers(of: ["x.jpg", "peta.png", "spanduk.webp"].map { site.output + "/media/foto/" + $0 })
        #expect(headers[site.output + "/media/foto/x.jpg"] == .init(width: 1800, height: 2400, loader: "jpegload"))
        #expect(headers[site.output + "/media/foto/peta.png"] == .init(width: 2048, height: 1536, loader: "pngload"))
        #expect(headers[site.output + "/media/foto/spanduk.webp"] == .init(width: 1200, height: 900, loader: "webpload"))
    }

    /// The tags of a file (`Group:Name` → value) that tell something about where, with what
    /// or by whom the photo was taken, or that show a metadata block is still there: only
    /// the file's own description (size, encoding, JFIF, PNG or RIFF header) may remain.
    static func revealing(_ tags: [String: String]) -> [String] {
        let allowedGroups: Set<String> = ["ExifTool", "File", "Composite", "JFIF", "PNG", "RIFF"]
        let forbiddenNames: Set<String> = ["Make", "Model", "Creator", "By-line", "Artist", "Orientation", "ExifByteOrder", "CurrentIPTCDigest"]
        return tags.keys.sorted().filter { key in
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return true }
            let (group, name) = (parts[0], parts[1])
            return !allowedGroups.contains(group) || name.hasPrefix("GPS") || forbiddenNames.contains(name)
        }.map { "\($0)=\(tags[$0] ?? "")" }
    }

    // MARK: 2. Orientation and real sizes

    @Test func turnsAnUprightPhotoUprightAndStatesItsRealSize() throws {
        // Stored landscape (2400 × 1800) by a phone held upright: EXIF orientation 6.
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("x", extra: "image: media/foto/x.jpg\nimage_alt: Foto tegak\n", body: "Isi."),
        ]))
        try site.photo("foto/x.jpg", width: 2400, height: 1800, tagged: true, orientation: 6)
        #expect(site.buildSucceeds())

        let pictures = PageReading.pictures(in: site.page("berita/x/index.html"))
        let hero = try #require(pictures.first, "the news page shows no <picture>")
        let lists = hero.sources.map(\.candidates) + [hero.imgCandidates]
        #expect(lists.count == 2, "a WebP <source> and the JPEG <img>")
        #expect(hero.sources.map(\.type) == ["image/webp"])
        var checked = 0
        for list in lists {
            #expect(list.map(\.width) == [480, 960, 1600], "\(list)")
            let headers = try TestPhotos.headers(of: list.map { site.output + $0.url })
            for candidate in list {
                let header = try #require(headers[site.output + candidate.url])
                // What srcset says is the file's real width; the height follows 3:4 (portrait).
                #expect(header.width == candidate.width, "\(candidate.url) is \(header), srcset says \(candidate.width)w")
                let expectedHeight = Double(candidate.width) * 2400 / 1800
                #expect(abs(Double(header.height) - expectedHeight) <= 1, "\(candidate.url) is \(header); a portrait of that width is \(expectedHeight) high")
                checked += 1
            }
        }
        #expect(checked == 6)

        // `width` and `height` of <img> are the widest candidate's real pixels.
        let widest = try #require(hero.imgCandidates.max { $0.width < $1.width })
        let widestHeader = try #require(try TestPhotos.headers(of: [site.output + widest.url]).values.first)
        #expect(hero.img["width"] == String(widestHeader.width))
        #expect(hero.img["height"] == String(widestHeader.height))
        #expect(hero.img["width"] == "1600" && hero.img["height"] == "2133", "\(hero.img)")

        // Every file of the photo is upright, turned the right way: the stripe that was on the
        // stored picture's left is at the top (orientation 6 turns it a quarter clockwise).
        for path in TestPhotos.files(under: site.output + "/media/foto") {
            let header = try #require(try TestPhotos.headers(of: [path]).values.first)
            #expect(header.height > header.width, "\(path) is \(header): not upright")
            let top = try TestPhotos.colour(of: path, x: header.width / 2, y: header.height / 16)
            let bottom = try TestPhotos.colour(of: path, x: header.width / 2, y: header.height * 15 / 16)
            #expect(top.count >= 3 && top[0] > 150 && top[2] < 100, "\(path): the top should be the red stripe, is \(top)")
            #expect(bottom.count >= 3 && bottom[0] < 100 && bottom[2] > 150, "\(path): the bottom should be blue, is \(bottom)")
        }
        #expect(site.exists("media/foto/x.jpg"))
    }

    // MARK: 3. Every address exists

    @Test func everySourceAndSrcsetCandidateOfEveryPageExists() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("x", extra: "image: media/foto/a.jpg\nimage_alt: Rapat\n",
                 body: "Isi.\n\n![Peserta](../media/foto/b.png)\n\n![Spanduk](../media/foto/c.webp)"),
            news("y", date: "2024-07-20", body: "Isi.\n\n![Peserta](../media/foto/b.png)"),
            ("content/pages/profil.md", "---\ntitle: Profil\nimage: media/foto/c.webp\nimage_alt: Tim\n---\nTeks.\n\n![Kantor](../media/foto/d.jpg)\n"),
        ]))
        try site.photo("foto/a.jpg", width: 2400, height: 1800, tagged: true)
        try site.photo("foto/b.png", width: 1200, height: 900, colour: (20, 160, 60))
        try site.photo("foto/c.webp", width: 1000, height: 1000, colour: (200, 180, 20))
        try site.photo("foto/d.jpg", width: 700, height: 1000, colour: (90, 90, 90), orientation: 3)
        #expect(site.buildSucceeds())

        var addresses: [(page: String, url: String)] = []
        for path in TestPhotos.files(under: site.output) where path.hasSuffix(".html") {
            let html = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let page = String(path.dropFirst(site.output.count + 1))
            for url in PageReading.addresses(in: html) { addresses.append((page, url)) }
        }
        let local = addresses.compactMap { entry -> (page: String, path: String)? in
            var url = entry.url
            if url.hasPrefix("https://uji.example.id/") { url = String(url.dropFirst("https://uji.example.id".count)) }
            guard url.hasPrefix("/"), !url.hasPrefix("//") else { return nil }
            let path = String(url.prefix { $0 != "?" && $0 != "#" })
            return (entry.page, path.removingPercentEncoding ?? path)
        }
        let media = local.filter { $0.path.hasPrefix("/media/") }
        // a, b, c and d in srcsets of <source> and <img> (at least 2 widths each) and as src.
        #expect(Set(media.map(\.path)).count >= 4 * 2 * 2, "\(Set(media.map(\.path)).sorted())")
        for (page, path) in local {
            let file = path.hasSuffix("/") ? path + "index.html" : path
            #expect(site.exists(String(file.dropFirst())), "\(page) refers to \(path), which is not in public/")
        }
    }

    // MARK: 4. Nothing wider than the source

    @Test func offersNothingWiderThanTheSource() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("x", body: "Isi.\n\n![Foto kecil](../media/foto/kecil.jpg)"),
        ]))
        try site.photo("foto/kecil.jpg", width: 700, height: 525)
        #expect(site.buildSucceeds())

        let picture = try #require(PageReading.pictures(in: site.page("berita/x/index.html")).first)
        #expect(picture.sources.map(\.candidates.count) == [2])
        for list in picture.sources.map(\.candidates) + [picture.imgCandidates] {
            #expect(list.map(\.width) == [480, 700], "\(list)")
        }
        #expect(picture.img["width"] == "700" && picture.img["height"] == "525", "\(picture.img)")
        let files = TestPhotos.files(under: site.output + "/media/foto")
        #expect(files.count == 5, "the original, and 480 and 700 in WebP and JPEG: \(files)")
        for (path, header) in try TestPhotos.headers(of: files) {
            #expect(header.width <= 700, "\(path) is \(header), wider than the source")
        }
    }

    // MARK: 5. Link previews, search engines, feeds

    @Test func linkPreviewsSearchEnginesAndFeedsGetTheSharedJPEG() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("x", extra: "image: media/foto/x.jpg\nimage_alt: Rapat koordinasi\n", body: "Isi."),
        ]))
        try site.photo("foto/x.jpg", width: 2400, height: 1800, tagged: true)
        #expect(site.buildSucceeds())

        let html = site.page("berita/x/index.html")
        let shared = try #require(PageReading.meta("og:image", in: html), "no og:image")
        let pattern = #/^https://uji\.example\.id/media/foto/x-1200w\.[0-9a-f]{10}\.jpg$/#
        #expect(shared.wholeMatch(of: pattern) != nil, "og:image is \(shared)")
        let path = String(shared.dropFirst("https://uji.example.id/".count))
        #expect(site.exists(path), "\(path) is not in public/")
        let header = try #require(try TestPhotos.headers(of: [site.output + "/" + path]).values.first)
        #expect(header == .init(width: 1200, height: 900, loader: "jpegload"))
        #expect(PageReading.meta("og:image:width", in: html) == "1200")
        #expect(PageReading.meta("og:image:height", in: html) == "900")
        #expect(PageReading.meta("og:image:type", in: html) == "image/jpeg")

        let structured = PageReading.jsonLD(in: html)
        #expect(!structured.isEmpty, "no JSON-LD on the page")
        let images = structured.flatMap { PageReading.values(of: "image", in: $0) }
        #expect(!images.isEmpty && images.allSatisfy { $0 == shared }, "JSON-LD image: \(images), og:image: \(shared)")

        let feed = (try? String(contentsOfFile: site.output + "/feed.xml", encoding: .utf8)) ?? ""
        #expect(feed.contains("<link rel=\"enclosure\" type=\"image/jpeg\" href=\"\(shared)\"/>"), "feed.xml: \(feed)")
    }

    // MARK: 6. Lazy loading

    @Test func onlyTheFirstPictureOfAPageLoadsEagerly() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("x", extra: "image: media/foto/a.jpg\nimage_alt: Rapat\n",
                 body: "Isi.\n\n![Peserta](../media/foto/b.jpg)\n\nLagi.\n\n![Spanduk](../media/foto/c.jpg)"),
            news("y", date: "2024-07-20", body: "Isi.\n\n![Peserta](../media/foto/b.jpg)\n\nLagi.\n\n![Spanduk](../media/foto/c.jpg)"),
        ]))
        try site.photo("foto/a.jpg", width: 1000, height: 750)
        try site.photo("foto/b.jpg", width: 1000, height: 750, colour: (20, 160, 60))
        try site.photo("foto/c.jpg", width: 1000, height: 750, colour: (200, 180, 20))
        #expect(site.buildSucceeds())

        let withHero = PageReading.pictures(in: site.page("berita/x/index.html"))
        try #require(withHero.count == 3, "the hero and two body pictures: \(withHero.map(\.html))")
        #expect(withHero[0].img["src"]?.hasPrefix("/media/foto/a-") == true, "the hero comes first: \(withHero[0].html)")
        #expect(withHero[0].img["loading"] == nil && withHero[0].img["decoding"] == nil, "\(withHero[0].html)")
        #expect(withHero[0].img["alt"] == "Rapat")
        for (picture, alt) in zip(withHero.dropFirst(), ["Peserta", "Spanduk"]) {
            #expect(picture.img["loading"] == "lazy" && picture.img["decoding"] == "async", "\(picture.html)")
            #expect(picture.img["alt"] == alt)
        }

        let withoutHero = PageReading.pictures(in: site.page("berita/y/index.html"))
        try #require(withoutHero.count == 2, "\(withoutHero.map(\.html))")
        #expect(withoutHero[0].img["src"]?.hasPrefix("/media/foto/b-") == true)
        #expect(withoutHero[0].img["loading"] == nil && withoutHero[0].img["decoding"] == nil, "\(withoutHero[0].html)")
        #expect(withoutHero[1].img["loading"] == "lazy" && withoutHero[1].img["decoding"] == "async", "\(withoutHero[1].html)")
    }

    // MARK: 7. Cache

    @Test func aRebuildComesFromTheCacheAndAColdCacheGivesTheSameBytes() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("x", extra: "image: media/foto/a.jpg\nimage_alt: Rapat\n", body: "Isi.\n\n![Peta](../media/foto/b.png)"),
        ]))
        try site.photo("foto/a.jpg", width: 2400, height: 1800, tagged: true, orientation: 6)
        try site.photo("foto/b.png", width: 1200, height: 900, colour: (20, 160, 60))

        let first = try site.build().get()
        #expect(first.imagesProcessed == 2 && first.imageFilesMade > 0, "\(first.imagesProcessed) processed, \(first.imageFilesMade) made")
        let output = site.snapshot()
        #expect(output.keys.contains { $0.hasPrefix("media/foto/a-1600w.") })

        let second = try site.build().get()
        #expect(second.imagesProcessed == 0 && second.imageFilesMade == 0, "\(second.imagesProcessed) processed, \(second.imageFilesMade) made")
        Self.expectSame(site.snapshot(), output, "a rebuild from the cache")

        try site.remove(".gugus-cache")
        let cold = try site.build().get()
        #expect(cold.imagesProcessed == 2, "without its cache every photo is made again")
        Self.expectSame(site.snapshot(), output, "a rebuild without the cache")
    }

    @Test func aRemovedPhotoLeavesTheCacheAndAnotherQualityGivesNewAddresses() throws {
        let twoPhotos = news("x", extra: "image: media/foto/a.jpg\nimage_alt: Rapat\n", body: "Isi.\n\n![Peta](../media/foto/b.jpg)")
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [twoPhotos]))
        try site.photo("foto/a.jpg", width: 1200, height: 900)
        try site.photo("foto/b.jpg", width: 1200, height: 900, colour: (20, 160, 60))
        let digestA = try TestPhotos.sha256(of: site.root + "/content/media/foto/a.jpg")
        let digestB = try TestPhotos.sha256(of: site.root + "/content/media/foto/b.jpg")
        let cache = site.root + "/.gugus-cache/images"
        func folders(of digest: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter { $0.hasPrefix(digest.prefix(40)) }
        }
        #expect(site.buildSucceeds())
        try #require(folders(of: digestA).count == 1 && folders(of: digestB).count == 1,
                     "a folder for each photo, named by its digest: \((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? [])")
        let folderA = folders(of: digestA)[0]

        // b.jpg and its reference go. Its original's address was published: it must be
        // withdrawn in gone.yaml (its derivatives' addresses need not be).
        try site.write("content/news/x.md", news("x", extra: "image: media/foto/a.jpg\nimage_alt: Rapat\n", body: "Isi.").1)
        try site.remove("content/media/foto/b.jpg")
        let refused = site.buildErrors()
        #expect(refused.count == 1 && refused.allSatisfy { $0.contains("the address /media/foto/b.jpg was published before") }, "\(refused)")
        try site.write("content/gone.yaml", "- url: /media/foto/b.jpg\n  reason: Foto ditarik.\n")
        // Its folder goes; a's stays and is not made again.
        let afterRemoval = try site.build().get()
        #expect(folders(of: digestB).isEmpty, "the removed photo's cache folder is still there")
        #expect(folders(of: digestA) == [folderA])
        #expect(afterRemoval.imagesProcessed == 0)
        #expect(!site.snapshot().keys.contains { $0.hasPrefix("media/foto/b") }, "b's files are still published")

        // Another quality: the photo is made again, under new addresses.
        let before = PageReading.pictures(in: site.page("berita/x/index.html")).flatMap(\.allCandidates)
        try #require(!before.isEmpty)
        try site.write("content/site.yaml", TestSite.siteYAML + "\nimages: {quality: 60}\n")
        let requalified = try site.build().get()
        #expect(requalified.imagesProcessed == 1)
        let after = PageReading.pictures(in: site.page("berita/x/index.html")).flatMap(\.allCandidates)
        #expect(after.map(\.width) == before.map(\.width))
        #expect(Set(after.map(\.tag)).count == 1 && Set(before.map(\.tag)).count == 1, "one tag per photo: \(before) \(after)")
        #expect(Set(after.map(\.tag)).isDisjoint(with: before.map(\.tag)), "the address tag did not change: \(after.map(\.url))")
        for candidate in after { #expect(site.exists(String(candidate.url.dropFirst())), "\(candidate.url) is missing") }
        for candidate in before { #expect(!site.exists(String(candidate.url.dropFirst())), "\(candidate.url) is still published") }
        let shared = PageReading.meta("og:image", in: site.page("berita/x/index.html")) ?? ""
        #expect(shared.contains(".\(after[0].tag).jpg"), "og:image \(shared) has not the new tag")
        #expect(folders(of: digestA).count == 1 && folders(of: digestA) != [folderA], "the folder of quality 75 stays: \(folders(of: digestA))")
    }

    static func expectSame(_ actual: [String: Data], _ expected: [String: Data], _ what: String,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let added = Set(actual.keys).subtracting(expected.keys).sorted()
        let changed = expected.keys.filter { actual[$0] != nil && actual[$0] != expected[$0] }.sorted()
        #expect(missing.isEmpty && added.isEmpty && changed.isEmpty,
                "\(what) differs: missing \(missing), added \(added), changed \(changed)", sourceLocation: sourceLocation)
    }

    // MARK: 8. published-urls.txt

    @Test func publishedURLsRecordTheOriginalButNoDerivative() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("x", extra: "image: media/foto/x.jpg\nimage_alt: Rapat\n", body: "Isi.\n\n![Peta](../media/foto/peta.png)"),
        ]))
        try site.photo("foto/x.jpg", width: 1200, height: 900)
        try site.photo("foto/peta.png", width: 1200, height: 900, colour: (20, 160, 60))
        #expect(site.buildSucceeds())

        let text = (try? String(contentsOfFile: site.root + "/published-urls.txt", encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("/media/foto/x.jpg"), "\(text)")
        #expect(lines.contains("/media/foto/peta.png"), "\(text)")
        #expect(lines.contains("/berita/x/"), "\(text)")
        #expect(!text.contains("-480w."), "\(text)")
        let derivatives = lines.filter { $0.contains(#/-\d+w\.[0-9a-f]{10}\./#) }
        #expect(derivatives.isEmpty, "derivatives recorded: \(derivatives)")
        // … while they are published.
        #expect(site.snapshot().keys.contains { $0.hasPrefix("media/foto/x-480w.") && $0.hasSuffix(".webp") })
    }

    // MARK: 10. HEIC

    // (libheif 1.15 here encodes HEVC through x265: `vips copy x.v x.heic[compression=hevc]` works.)
    @Test func aHEICPhotoFromAPhoneIsPublishedAsWebPAndJPEG() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("x", extra: "image: media/foto/x.heic\nimage_alt: Dari ponsel\n", body: "Isi."),
        ]))
        try site.photo("foto/x.heic", width: 1200, height: 900, tagged: true)
        #expect(try TestPhotos.headers(of: [site.root + "/content/media/foto/x.heic"]).values.first?.loader == "heifload")
        #expect(site.buildSucceeds())

        let picture = try #require(PageReading.pictures(in: site.page("berita/x/index.html")).first)
        #expect(picture.sources.map(\.type) == ["image/webp"])
        let lists = picture.sources.map(\.candidates) + [picture.imgCandidates]
        for (list, suffix) in zip(lists, [".webp", ".jpg"]) {
            #expect(list.map(\.width) == [480, 960, 1200], "\(list)")
            #expect(list.allSatisfy { $0.url.hasSuffix(suffix) }, "\(list)")
        }
        let headers = try TestPhotos.headers(of: lists.joined().map { site.output + $0.url })
        for candidate in lists.joined() {
            let header = headers[site.output + candidate.url]
            #expect(header?.width == candidate.width, "\(candidate.url): \(String(describing: header))")
            #expect(header?.loader == (candidate.url.hasSuffix(".webp") ? "webpload" : "jpegload"))
        }
        #expect(site.exists("media/foto/x.heic"))
        #expect(try TestPhotos.headers(of: [site.output + "/media/foto/x.heic"]).values.first == .init(width: 1200, height: 900, loader: "heifload"))
        let shared = PageReading.meta("og:image", in: site.page("berita/x/index.html")) ?? ""
        #expect(shared.contains("/media/foto/x-1200w.") && shared.hasSuffix(".jpg"), "og:image is \(shared)")
        let published = TestPhotos.files(under: site.output + "/media")
        let tags = try TestPhotos.tags(of: published)
        for path in published {
            let found = (tags[path] ?? [:]).keys.filter { $0.contains("GPS") || $0.hasSuffix(":Make") || $0.hasSuffix(":Creator") }
            #expect(found.isEmpty, "\(path) still carries \(found.sorted())")
        }
    }

    // MARK: 11. Body images written as `image:` is

    @Test func aBodyImageMayBeWrittenRelativeToContentLikeImage() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("a", body: "Isi.\n\n![Foto](media/foto/x.jpg)"),
            news("b", date: "2024-07-20", body: "Isi.\n\n![Foto](../media/foto/x.jpg)"),
        ]))
        try site.photo("foto/x.jpg", width: 1200, height: 900)
        #expect(site.buildSucceeds())

        let relativeToContent = PageReading.pictures(in: site.page("berita/a/index.html"))
        let relativeToFile = PageReading.pictures(in: site.page("berita/b/index.html"))
        try #require(relativeToContent.count == 1 && relativeToFile.count == 1)
        #expect(relativeToContent[0].html == relativeToFile[0].html)
        #expect(relativeToContent[0].imgCandidates.map(\.width) == [480, 960, 1200])
        for candidate in relativeToContent[0].allCandidates {
            #expect(site.exists(String(candidate.url.dropFirst())), "\(candidate.url) is missing")
        }
    }

    // MARK: 12. File names as phones and officers write them

    /// `srcset` is split at whitespace (HTML's parsing rules): an address with a space must be
    /// written with %20, or a browser drops the candidate (and a <source> left without any).
    @Test func aFileNameWithASpaceStillGivesAValidSrcset() throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [
            news("x", extra: "image: media/foto/rapat pagi.jpg\nimage_alt: Rapat\n", body: "Isi.\n\n![Peserta](<../media/foto/foto peserta.jpg>)"),
        ]))
        try site.photo("foto/rapat pagi.jpg", width: 1200, height: 900)
        try site.photo("foto/foto peserta.jpg", width: 1200, height: 900, colour: (20, 160, 60))
        #expect(site.buildSucceeds())

        let html = site.page("berita/x/index.html")
        let values = html.matches(of: #/ srcset="([^"]*)"/#).map { PageReading.decode(String($0.output.1)) }
        #expect(values.count == 4, "a <source> and an <img> for each photo: \(values)")
        // Each candidate: one address (no whitespace in it) and one `<n>w` descriptor.
        let items = values.flatMap { $0.split(separator: ",").map { $0.split(whereSeparator: \.isWhitespace) } }
        #expect(items.count == 12, "two photos, 480, 960 and 1200 in WebP and JPEG: \(items)")
        let invalid = items.filter { $0.count != 2 || $0.last?.hasSuffix("w") != true }
        #expect(invalid.isEmpty, "not valid srcset candidates (a browser drops them): \(invalid.map { $0.joined(separator: " ") })")
        let addresses = items.compactMap { $0.first.map(String.init) } + PageReading.pictures(in: html).compactMap { $0.img["src"] }
        let missing = addresses.filter { !site.exists(String(($0.removingPercentEncoding ?? $0).dropFirst())) }
        #expect(missing.isEmpty, "addresses a browser reads that are not in public/: \(missing)")

        // Link previews and the feed get a working address too.
        let shared = PageReading.meta("og:image", in: html) ?? ""
        #expect(!shared.contains(" ") && shared.hasPrefix("https://uji.example.id/media/foto/rapat"), "og:image is “\(shared)”")
        let path = String(shared.dropFirst("https://uji.example.id/".count))
        #expect(site.exists(path.removingPercentEncoding ?? path), "\(shared) is not in public/")
        let feed = (try? String(contentsOfFile: site.output + "/feed.xml", encoding: .utf8)) ?? ""
        #expect(feed.contains("rel=\"enclosure\" type=\"image/jpeg\" href=\"\(shared)\""), "the feed's enclosure is not \(shared)")
    }
}

// MARK: 9. Bad input

/// A photo that cannot be published: reported where it is used (or at its own path when
/// nothing uses it) with the media path and a hint, and the last good public/ stays.
@Suite struct ImagePipelineBadInputTests {
    enum Breakage: String, CaseIterable, Sendable {
        case truncatedJPEG, pngNamedJPG, textNamedJPG, emptyJPG, decompressionBomb, overMaxPixels
        case unreferencedUnreadable, unreferencedTruncated, bodyImageUnreadable, bodyImageTruncated
    }

    /// x.md: `image:` on line 4 (value at column 8), the body picture y.jpg on line 9.
    static let item = news("x", extra: "image: media/foto/x.jpg\nimage_alt: Foto\n", body: "Isi.\n\n![Foto kedua](../media/foto/y.jpg)")
    /// x.md with a third picture, rusak.jpg, on line 11.
    static let itemWithBroken = news("x", extra: "image: media/foto/x.jpg\nimage_alt: Foto\n",
                                     body: "Isi.\n\n![Foto kedua](../media/foto/y.jpg)\n\n![a](../media/foto/rusak.jpg)")

    @Test(arguments: Breakage.allCases)
    func isReportedWhereItIsUsedAndKeepsTheLastGoodSite(_ breakage: Breakage) throws {
        let site = try TestSite(files: Dictionary(uniqueKeysWithValues: [Self.item]))
        try site.photo("foto/x.jpg", width: 1200, height: 1000)  // 1.2 megapixels
        try site.photo("foto/y.jpg", width: 800, height: 600, colour: (20, 160, 60))
        #expect(site.buildSucceeds())
        let good = site.snapshot()
        try #require(good.keys.contains("media/foto/x.jpg"))

        let media = site.root + "/content/media/foto/"
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: media + "x.jpg"))
        let halfJPEG = jpeg.prefix(jpeg.count / 2)
        let text = Data("Ini bukan foto, hanya catatan rapat.\n".utf8)
        // What each breakage should say: the place, the words that matter.
        let place: String, words: [String]
        switch breakage {
        case .truncatedJPEG:
            try site.write("content/media/foto/x.jpg", data: halfJPEG)
            (place, words) = ("content/news/x.md:4:8: error: the image media/foto/x.jpg cannot be published", ["damaged or cut short"])
        case .pngNamedJPG:
            try TestPhotos.make(site.root + "/png.png", width: 1200, height: 1000)
            try site.write("content/media/foto/x.jpg", data: try Data(contentsOf: URL(fileURLWithPath: site.root + "/png.png")))
            try site.remove("png.png")
            (place, words) = ("content/news/x.md:4:8: error: the image media/foto/x.jpg cannot be published", ["named .jpg", "holds a PNG image"])
        case .textNamedJPG:
            try site.write("content/media/foto/x.jpg", data: text)
            (place, words) = ("content/news/x.md:4:8: error: the image media/foto/x.jpg cannot be published", ["not a JPEG image"])
        case .emptyJPG:
            try site.write("content/media/foto/x.jpg", data: Data())
            (place, words) = ("content/news/x.md:4:8: error: the image media/foto/x.jpg cannot be published", ["empty"])
        case .decompressionBomb:
            // 12000 × 12000 = 144 megapixels (the default limit is 100), in a small file.
            try TestPhotos.blackPNG(media + "besar.png", width: 12000, height: 12000)
            let size = try FileManager.default.attributesOfItem(atPath: media + "besar.png")[.size] as? Int ?? 0
            #expect(size < 1_000_000, "the bomb should be small on disk, is \(size) bytes")
            try site.write("content/news/x.md", Self.item.1.replacingOccurrences(of: "media/foto/x.jpg", with: "media/foto/besar.png"))
            (place, words) = ("content/news/x.md:4:8: error: the image media/foto/besar.png cannot be published", ["megapixels", "max_pixels", "144"])
        case .overMaxPixels:
            try site.write("content/site.yaml", TestSite.siteYAML + "\nimages: {max_pixels: 1000000}\n")
            (place, words) = ("content/news/x.md:4:8: error: the image media/foto/x.jpg cannot be published", ["megapixels", "max_pixels", "1200 × 1000"])
        case .unreferencedUnreadable:
            try site.write("content/media/foto/rusak.jpg", data: text)
            (place, words) = ("content/media/foto/rusak.jpg:1:1: error: the image media/foto/rusak.jpg cannot be published", ["not a JPEG image"])
        case .unreferencedTruncated:
            try site.write("content/media/foto/rusak.jpg", data: halfJPEG)
            (place, words) = ("content/media/foto/rusak.jpg:1:1: error: the image media/foto/rusak.jpg cannot be published", ["damaged or cut short"])
        case .bodyImageUnreadable:
            try site.write("content/media/foto/rusak.jpg", data: text)
            try site.write(Self.itemWithBroken.0, Self.itemWithBroken.1)
            (place, words) = ("content/news/x.md:11:1: error: the image media/foto/rusak.jpg cannot be published", ["not a JPEG image"])
        case .bodyImageTruncated:
            try site.write("content/media/foto/rusak.jpg", data: halfJPEG)
            try site.write(Self.itemWithBroken.0, Self.itemWithBroken.1)
            (place, words) = ("content/news/x.md:11:1: error: the image media/foto/rusak.jpg cannot be published", ["damaged or cut short"])
        }

        let errors = site.buildErrors()
        let all = errors.joined(separator: "\n")
        let reported = errors.first { $0.hasPrefix(place) }
        #expect(reported != nil, "expected \(place)…, got:\n\(all)")
        if let reported {
            for word in words { #expect(reported.contains(word), "“\(word)” is not in: \(reported)") }
            if words.contains("megapixels") {
                // The image's megapixels, then the limit's: the first must be larger as written
                // (1.2 megapixels against 1, not "1 megapixels, more than … 1 megapixels").
                let message = reported.components(separatedBy: "\n").first ?? ""
                let counts = message.matches(of: #/([0-9][0-9.]*) megapixels/#).compactMap { Double($0.output.1) }
                #expect(counts.count == 2 && counts[0] > counts[1], "the megapixels as written: \(counts) in \(message)")
            }
            let hint = reported.components(separatedBy: "\n  hint: ").dropFirst().first ?? ""
            #expect(hint.count > 10, "no hint: \(reported)")
        }
        #expect(errors.count == 1, "one photo, one error:\n\(all)")
        ImagePipelineTests.expectSame(site.snapshot(), good, "public/ after the failed build")
    }
}

// MARK: - Helpers

extension TestSite {
    /// Makes a photo at `content/media/<path>` (see TestPhotos.make).
    func photo(_ path: String, width: Int, height: Int, colour: (Int, Int, Int) = (30, 60, 200),
               tagged: Bool = false, orientation: Int? = nil) throws {
        try TestPhotos.make(root + "/content/media/" + path, width: width, height: height, colour: colour,
                            tagged: tagged, orientation: orientation)
    }
}

/// Small readings of the built pages: `<picture>` elements, `srcset`, meta tags, JSON-LD.
enum PageReading {
    struct Candidate: Equatable, CustomStringConvertible {
        var url: String
        var width: Int
        /// The ten hexadecimal digits of a derivative's address (`x-480w.<tag>.webp`).
        var tag: String {
            let parts = url.split(separator: ".")
            return parts.count >= 3 ? String(parts[parts.count - 2]) : ""
        }
        var description: String { "\(url) \(width)w" }
    }

    struct Source {
        var type: String
        var candidates: [Candidate]
    }

    struct Picture {
        var html: String
        var sources: [Source]
        /// The attributes of its `<img>`.
        var img: [String: String]
        var imgCandidates: [Candidate]
        var allCandidates: [Candidate] { sources.flatMap(\.candidates) + imgCandidates }
    }

    /// The `<picture>` elements of a page, in order.
    static func pictures(in html: String) -> [Picture] {
        html.matches(of: #/<picture>(.*?)</picture>/#).map { match in
            let inner = String(match.output.1)
            let sources = inner.matches(of: #/<source [^>]*>/#).map { tag -> Source in
                let attributes = Self.attributes(of: String(tag.output))
                return Source(type: attributes["type"] ?? "", candidates: candidates(attributes["srcset"] ?? ""))
            }
            let img = inner.firstMatch(of: #/<img [^>]*>/#).map { attributes(of: String($0.output)) } ?? [:]
            return Picture(html: String(match.output.0), sources: sources, img: img, imgCandidates: candidates(img["srcset"] ?? ""))
        }
    }

    static func attributes(of tag: String) -> [String: String] {
        var found: [String: String] = [:]
        for match in tag.matches(of: #/([a-z:-]+)="([^"]*)"/#) {
            found[String(match.output.1)] = decode(String(match.output.2))
        }
        return found
    }

    /// `a.webp 480w, b.webp 960w` → the candidates.
    static func candidates(_ srcset: String) -> [Candidate] {
        srcset.split(separator: ",").compactMap { item in
            let parts = item.split(separator: " ")
            guard parts.count == 2, parts[1].hasSuffix("w"), let width = Int(parts[1].dropLast()) else { return nil }
            return Candidate(url: String(parts[0]), width: width)
        }
    }

    /// Every address a page's `src`, `href` and `srcset` attributes name.
    static func addresses(in html: String) -> [String] {
        var found: [String] = []
        for match in html.matches(of: #/ (src|href|srcset)="([^"]*)"/#) {
            let value = decode(String(match.output.2))
            if match.output.1 == "srcset" {
                found += candidates(value).map(\.url)
            } else if match.output.1 == "src" || value.hasPrefix("/media/") {
                found.append(value)
            }
        }
        return found
    }

    /// The content of `<meta property="…">`.
    static func meta(_ property: String, in html: String) -> String? {
        for match in html.matches(of: #/<meta property="([^"]*)" content="([^"]*)">/#) where match.output.1 == property {
            return decode(String(match.output.2))
        }
        return nil
    }

    /// The JSON-LD blocks of a page, parsed.
    static func jsonLD(in html: String) -> [Any] {
        html.matches(of: #/<script type="application/ld\+json">(.*?)</script>/#.dotMatchesNewlines()).compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.output.1.utf8))
        }
    }

    /// Every string value of a key anywhere in parsed JSON.
    static func values(of key: String, in json: Any) -> [String] {
        if let record = json as? [String: Any] {
            return record.flatMap { entry -> [String] in
                if entry.key == key, let text = entry.value as? String { return [text] }
                return values(of: key, in: entry.value)
            }
        }
        if let list = json as? [Any] { return list.flatMap { values(of: key, in: $0) } }
        return []
    }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
