import Yams

/// Decap CMS widgets for the fields of the content model (`ContentModel`).
enum DecapWidgets {
    /// The collection of each type, named by its URL section so that relation widgets read
    /// like the site: `collection: regulasi`.
    static func collectionName(_ kind: ContentKind) -> String {
        kind == .page ? "halaman" : kind.section
    }

    static func field(_ spec: FieldSpec, regions: [Region]) -> Node {
        var pairs: [(String, Node)] = [("label", s(spec.label)), ("name", s(spec.name))]
        pairs += widget(spec, regions: regions)
        pairs.append(("hint", s(spec.editorHint ?? spec.hint)))
        pairs.append(("required", bool(spec.required)))
        return YAMLText.mapping(pairs)
    }

    private static func widget(_ spec: FieldSpec, regions: [Region]) -> [(String, Node)] {
        switch spec.kind {
        case .text, .dataFile: [("widget", s("string"))]
        case .longText: [("widget", s("text"))]
        case .date: [("widget", s("datetime")), ("date_format", s("YYYY-MM-DD")), ("time_format", bool(false))]
        case .dateTime: [("widget", s("datetime")), ("date_format", s("YYYY-MM-DD")), ("time_format", s("HH:mm"))]
        case .bool: [("widget", s("boolean")), ("default", bool(false))]
        case .integer: [("widget", s("number")), ("value_type", s("int")), ("min", YAMLText.plain("0"))]
        case .list: [("widget", s("list"))]
        case let .choice(options): select(options)
        case .region: select(regionOptions(regions))
        case .image: [("widget", s("image"))]
        case .document: [("widget", s("file"))]
        case .decree: decreeRelation(multiple: false)
        case .decrees: decreeRelation(multiple: true)
        case .events:
            [
                ("widget", s("relation")), ("collection", s(collectionName(.event))), ("value_field", s("{{slug}}")),
                ("search_fields", Node([s("title")])), ("display_fields", Node([s("title")])), ("multiple", bool(true)),
            ]
        case .members:
            [("widget", s("list")), ("fields", Node(["group", "role", "position", "agency", "name"].map { name in
                YAMLText.mapping([("label", s(memberLabels[name] ?? name)), ("name", s(name)), ("widget", s("string")), ("required", bool(false))])
            }))]
        case .source:
            [("widget", s("object")), ("fields", Node([
                YAMLText.mapping([("label", s("Nama media")), ("name", s("name")), ("widget", s("string"))]),
                YAMLText.mapping([("label", s("Alamat berita asli")), ("name", s("url")), ("widget", s("string")), ("required", bool(false))]),
            ]))]
        }
    }

    static let memberLabels = ["group": "Kelompok (subgugus)", "role": "Kedudukan", "position": "Jabatan", "agency": "Instansi", "name": "Nama"]

    private static func decreeRelation(multiple: Bool) -> [(String, Node)] {
        [
            ("widget", s("relation")), ("collection", s(collectionName(.decree))), ("value_field", s("number")),
            ("search_fields", Node([s("number"), s("title")])), ("display_fields", Node([s("number"), s("title")])),
            ("multiple", bool(multiple)),
        ]
    }

    static func select(_ options: [(value: String, label: String)]) -> [(String, Node)] {
        [("widget", s("select")), ("options", Node(options.map { YAMLText.mapping([("label", s($0.label)), ("value", s($0.value))]) }))]
    }

    /// The national level first, then by code, each labelled with its name and code.
    static func regionOptions(_ regions: [Region]) -> [(value: String, label: String)] {
        regions.sorted { ($0.level == .national ? 0 : 1, $0.code) < ($1.level == .national ? 0 : 1, $1.code) }
            .map { (value: $0.code, label: "\($0.name) (\($0.code))") }
    }

    static func s(_ text: String) -> Node { YAMLText.string(text) }
    static func bool(_ value: Bool) -> Node { YAMLText.plain(value ? "true" : "false") }
}
