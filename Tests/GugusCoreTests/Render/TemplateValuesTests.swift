import Foundation
import Mustache
import Testing
@testable import GugusCore

/// `TemplateValues` keeps names in a list instead of a dictionary: it must still behave as
/// the dictionary it replaced, for the walker and for swift-mustache alike.
@Suite struct TemplateValuesTests {
    @Test func aNameWrittenTwiceKeepsItsLaterValueAndNilLeavesANameOut() {
        var values: TemplateValues = ["title": "first", "url": "/a/", "title": "second"]
        #expect(values.child(named: "title") as? String == "second")
        values["url"] = nil
        #expect(values.child(named: "url") == nil)
        values["url"] = "/b/"
        #expect(values["url"] as? String == "/b/")

        let compacted = TemplateValues(compacting: ["kept": "yes", "gone": nil, "number": 3])
        #expect(compacted.child(named: "kept") as? String == "yes")
        #expect(compacted.child(named: "gone") == nil)
        #expect(compacted.child(named: "number") as? Int == 3)
        // Names of every length, and names that share their length or a prefix.
        let names = ["a", "ab", "ba", "title", "titlf", "tagList", "a-name-longer-than-fifteen-bytes", "a-name-longer-than-fifteen-bytez"]
        let many = TemplateValues(Dictionary(uniqueKeysWithValues: names.map { ($0, $0.uppercased()) }))
        for name in names { #expect(many.child(named: name) as? String == name.uppercased()) }
        #expect(many.child(named: "abc") == nil)
        #expect(many.child(named: "") == nil)
    }

    @Test func mergingCombinesSharedNamesAndAddsTheOthers() {
        let base: TemplateValues = ["title": "base", "lang": "id"]
        let merged = base.merging(["title": "page", "url": "/x/"]) { _, new in new }
        #expect(merged.child(named: "title") as? String == "page")
        #expect(merged.child(named: "lang") as? String == "id")
        #expect(merged.child(named: "url") as? String == "/x/")
        var kept = base
        kept.merge(["title": "page"]) { old, _ in old }
        #expect(kept.child(named: "title") as? String == "base")
    }

    @Test func theWalkerAndTheLibraryReadTheSameValues() throws {
        let source = "{{title}}|{{#page}}{{url}}{{^missing}}-{{/missing}}{{/page}}|{{#items}}{{name}},{{/items}}"
        let values: TemplateValues = [
            "title": "<b>A & B</b>", "page": ["url": "/x/", "title": "inner"] as TemplateValues,
            "items": [["name": "one"], ["name": "two"]] as [TemplateValues],
        ]
        let library = MustacheLibrary(templates: ["t": try MustacheTemplate(string: source)])
        let compiled = CompiledTemplates(library: library, names: ["t"])
        let walked = try #require(compiled.renderText(values, template: "t"))
        #expect(walked == "&lt;b&gt;A &amp; B&lt;/b&gt;|/x/-|one,two,")
        #expect(walked == library.render(values, withTemplate: "t"))
    }
}
