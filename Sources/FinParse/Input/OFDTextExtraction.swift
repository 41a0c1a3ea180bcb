/// The text of an OFD document (GB/T 33190, China's fixed-layout format, in which
/// government bodies issue documents), laid out by position as `pdftotext -layout` lays
/// out a PDF's: a line for each baseline, each run of text at the column its place on the
/// page gives, a form feed between pages. The text reader then reads it as it reads a PDF's.
///
/// An OFD is a zip package: OFD.xml names each document's root part (Doc_0/Document.xml),
/// which lists the pages' content parts; a page's text stands in `ofd:TextObject`s, each
/// placed by its `Boundary` and holding `ofd:TextCode`s of Unicode text whose glyphs are set
/// from `X`, `Y` by the advances of `DeltaX` and `DeltaY`. A page's template (a letterhead)
/// is read with it.
enum OFDTextExtraction {
    /// Whether the package is an OFD document: one with OFD.xml at its root.
    static func isOFD(_ package: OfficePackage) -> Bool {
        (try? package.bytes(of: "OFD.xml")) != nil
    }

    static func text(of package: OfficePackage) throws(FinParseError) -> String {
        var root = RootReader()
        _ = try package.read("OFD.xml", into: &root)
        var pages: [String] = []
        for document in root.documents {
            let documentPart = partName(document, in: "")
            var listing = DocumentReader()
            guard try package.read(documentPart, into: &listing) else { continue }
            let folder = OfficePackage.folder(of: documentPart)
            let templates = Dictionary(listing.templates.map { ($0.id, partName($0.location, in: folder)) },
                                       uniquingKeysWith: { first, _ in first })
            // Resources hold the drawings pages place by reference (a converted PDF's pages
            // often are such drawings, text and all).
            var resources = ContentReader()
            for part in listing.resources { _ = try package.read(partName(part, in: folder), into: &resources) }
            // A template (a letterhead) is read once, however many pages it is drawn on.
            var templateGlyphs: [String: [Glyph]] = [:]
            for page in listing.pages {
                var content = ContentReader()
                guard try package.read(partName(page, in: folder), into: &content) else { continue }
                var glyphs = content.placed(from: resources.units)
                for id in content.templates {
                    if templateGlyphs[id] == nil {
                        var template = ContentReader()
                        if let part = templates[id] { _ = try package.read(part, into: &template) }
                        templateGlyphs[id] = template.placed(from: resources.units)
                    }
                    glyphs += templateGlyphs[id]!
                }
                pages.append(layout(glyphs))
            }
        }
        return pages.joined(separator: "\u{0C}")
    }

    /// A part named from a document's root or a page list: from the package's root when it
    /// starts with "/", else from `folder`.
    private static func partName(_ location: String, in folder: String) -> String {
        let location = location.filter { !$0.isWhitespace }
        return location.hasPrefix("/") ? String(location.dropFirst()) : folder + location
    }

    enum Element: String, XMLVocabulary {
        case docRoot = "ofd:DocRoot"
        case page = "ofd:Page"
        case templatePage = "ofd:TemplatePage"
        case template = "ofd:Template"
        case publicRes = "ofd:PublicRes"
        case documentRes = "ofd:DocumentRes"
        case compositeGraphicUnit = "ofd:CompositeGraphicUnit"
        case compositeObject = "ofd:CompositeObject"
        case textObject = "ofd:TextObject"
        case textCode = "ofd:TextCode"
    }

    /// A character set on the page: its origin on the baseline, in millimetres from the
    /// page's top left, and its size.
    struct Glyph {
        var x: Double
        var y: Double
        var size: Double
        var advance: Double
        var character: Character
    }

    /// OFD.xml's documents: the parts their `ofd:DocRoot`s name.
    private struct RootReader: XMLNodeReader {
        var documents: [String] = []
        private var inside = false

        mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
            switch node {
            case .start(.docRoot):
                inside = true
                documents.append("")
            case .end(.docRoot): inside = false
            case .text where inside: documents[documents.count - 1] += stream.text
            default: break
            }
        }
    }

    /// A document's page list, page templates and resource parts.
    private struct DocumentReader: XMLNodeReader {
        var pages: [String] = []
        var templates: [(id: String, location: String)] = []
        var resources: [String] = []
        private var inResource = false

        mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
            switch node {
            case .start(.page): stream.attribute("BaseLoc").map { pages.append($0) }
            case .start(.templatePage):
                if let id = stream.attribute("ID"), let location = stream.attribute("BaseLoc") { templates.append((id, location)) }
            case .start(.publicRes), .start(.documentRes):
                inResource = true
                resources.append("")
            case .end(.publicRes), .end(.documentRes): inResource = false
            case .text where inResource: resources[resources.count - 1] += stream.text
            default: break
            }
        }
    }

    /// The glyphs of a page's content, the templates it is drawn on and the drawings it
    /// places; or, read over resource parts, the glyphs of each drawing (composite unit).
    private struct ContentReader: XMLNodeReader {
        var glyphs: [Glyph] = []
        var templates: [String] = []
        /// Composite units' glyphs, by ID, in the units' own coordinates.
        var units: [String: [Glyph]] = [:]
        /// The composite objects placed: the unit's ID, the object's origin and transform.
        var composites: [(unit: String, x: Double, y: Double, ctm: [Double])] = []
        private var unit: String?
        /// The text object being read: its origin, size and transform.
        private var object: (x: Double, y: Double, size: Double, ctm: [Double])?
        /// The current text code's origin and advances, and where its next glyph goes.
        private var code: (deltaX: [Double], deltaY: [Double])?
        private var pen: (x: Double, y: Double) = (0, 0)

        mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
            switch node {
            case .start(.template):
                if let id = stream.attribute("TemplateID") { templates.append(id) }
            case .start(.compositeGraphicUnit):
                unit = stream.attribute("ID")
            case .end(.compositeGraphicUnit):
                unit = nil
            case .start(.compositeObject):
                let box = numbers(stream.attribute("Boundary"))
                if let id = stream.attribute("ResourceID") {
                    composites.append((id, box.first ?? 0, box.count > 1 ? box[1] : 0, transform(stream.attribute("CTM"))))
                }
            case .start(.textObject):
                let box = numbers(stream.attribute("Boundary"))
                // A size that is no size (0, negative, NaN) is taken for the common 3.5 mm.
                let size = Double(stream.attribute("Size") ?? "").flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? 3.5
                object = (box.first ?? 0, box.count > 1 ? box[1] : 0, size, transform(stream.attribute("CTM")))
                pen = (0, 0)
            case .end(.textObject):
                object = nil
            case .start(.textCode) where object != nil:
                // A code without its own origin goes on where the one before ended.
                if let x = stream.attribute("X").flatMap(Double.init) { pen.x = x }
                if let y = stream.attribute("Y").flatMap(Double.init) { pen.y = y }
                code = (advances(stream.attribute("DeltaX")), advances(stream.attribute("DeltaY")))
            case .end(.textCode):
                code = nil
            case .text:
                guard let object, let advance = code else { return }
                let text = stream.text
                for (i, character) in text.enumerated() where !character.isNewline {
                    let dx = i < advance.deltaX.count ? advance.deltaX[i] : nil
                    // With no advance given, a glyph is as wide as its size, half that for ASCII.
                    let width = dx ?? object.size * (character.isASCII ? 0.5 : 1)
                    let glyph = Self.place(Glyph(x: pen.x, y: pen.y, size: object.size, advance: width, character: character),
                                           by: object.ctm, at: (object.x, object.y))
                    // A glyph placed nowhere (a damaged number: infinite, NaN) is left out.
                    if glyph.x.isFinite, glyph.y.isFinite, glyph.size.isFinite, glyph.advance.isFinite {
                        if let unit { units[unit, default: []].append(glyph) } else { glyphs.append(glyph) }
                    }
                    pen.x += width
                    if i < advance.deltaY.count { pen.y += advance.deltaY[i] }
                }
                let count = text.count
                code = (Array(advance.deltaX.dropFirst(count)), Array(advance.deltaY.dropFirst(count)))
            default:
                break
            }
        }

        /// The page's glyphs, with those of the composite units it places (from `units`).
        func placed(from units: [String: [Glyph]]) -> [Glyph] {
            glyphs + composites.flatMap { composite in
                (units[composite.unit] ?? []).map { Self.place($0, by: composite.ctm, at: (composite.x, composite.y)) }
            }
        }

        /// `glyph` moved by the transform `ctm` ([a b c d e f]) and then to `origin`.
        private static func place(_ glyph: Glyph, by ctm: [Double], at origin: (x: Double, y: Double)) -> Glyph {
            let scale = (ctm[0] * ctm[0] + ctm[1] * ctm[1]).squareRoot()
            return Glyph(x: origin.x + ctm[0] * glyph.x + ctm[2] * glyph.y + ctm[4],
                         y: origin.y + ctm[1] * glyph.x + ctm[3] * glyph.y + ctm[5],
                         size: glyph.size * scale, advance: glyph.advance * scale, character: glyph.character)
        }

        private func transform(_ text: String?) -> [Double] {
            let values = numbers(text)
            return values.count == 6 ? values : [1, 0, 0, 1, 0, 0]
        }

        private func numbers(_ text: String?) -> [Double] {
            text?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) } ?? []
        }

        /// DeltaX and DeltaY: numbers, with `g N d` standing for N times d.
        private func advances(_ text: String?) -> [Double] {
            let words = text?.split(separator: " ") ?? []
            var values: [Double] = []
            var i = 0
            while i < words.count {
                if words[i] == "g", i + 2 < words.count, let count = Int(words[i + 1]), let value = Double(words[i + 2]) {
                    // More advances than a text code has characters are never used.
                    values += repeatElement(value, count: min(max(count, 0), (1 << 16) - values.count))
                    i += 3
                } else {
                    if let value = Double(words[i]) { values.append(value) }
                    i += 1
                }
            }
            return values
        }
    }

    /// A page's glyphs as lines of text: glyphs on one baseline (within a third of their
    /// size) make a line, in the order of their places; a glyph set apart from the one
    /// before by more than a space starts at the column its place gives, a column being half
    /// the body text's size (an ASCII character's width), each character taking one, as
    /// pdftotext sets them.
    static func layout(_ glyphs: [Glyph]) -> String {
        guard !glyphs.isEmpty else { return "" }
        let sizes = glyphs.map(\.size).sorted()
        let column = max(sizes[sizes.count / 2] / 2, 0.01)
        let left = glyphs.map(\.x).min()!
        var lines: [[Glyph]] = []
        for glyph in glyphs.sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) {
            if let last = lines.last?.last, abs(glyph.y - last.y) <= min(glyph.size, last.size) / 3 {
                lines[lines.count - 1].append(glyph)
            } else {
                lines.append([glyph])
            }
        }
        // The page's line spacing: the step from one baseline to the next, of the closest
        // quarter of its lines, and at most 1.6 times the text's size (official documents
        // set 16 pt text 28–30 pt apart). A larger step leaves as many blank lines as further
        // lines would fill it, as pdftotext leaves them between paragraphs set apart.
        let steps = zip(lines.dropFirst(), lines).map { $0[0].y - $1[0].y }.filter { $0 > 0 }.sorted()
        let step = min(steps.isEmpty ? .infinity : steps[steps.count / 4], sizes[sizes.count / 2] * 1.6)
        var text = ""
        var previousY: Double?
        for line in lines {
            let line = line.sorted { $0.x < $1.x }
            if let previousY {
                let blank = whole((line[0].y - previousY) / step, atMost: 50) - 1
                text += String(repeating: "\n", count: max(blank, 0))
            }
            previousY = line[0].y
            var count = 0
            var end: Double?
            for glyph in line {
                let target = whole((glyph.x - left) / column, atMost: count + 500)
                let spaces = if let end { glyph.x - end > column * 0.8 ? max(target - count, 1) : 0 } else { target }
                text += String(repeating: " ", count: spaces)
                text.append(glyph.character)
                count += spaces + 1
                end = glyph.x + glyph.advance
            }
            text += "\n"
        }
        return text
    }

    /// `value` rounded to a whole number within 0...`limit`: a glyph placed far off the page
    /// (a damaged number) costs no more than a long line.
    private static func whole(_ value: Double, atMost limit: Int) -> Int {
        value.isFinite ? Int(min(max(value.rounded(), 0), Double(limit))) : 0
    }
}
