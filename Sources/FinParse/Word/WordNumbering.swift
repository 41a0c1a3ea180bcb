/// Word's automatic numbering (`word/numbering.xml`), and the counters a reader
/// keeps to render the markers Word shows: 一、 （一） 1. ① ….
///
/// As in Word, lists that share an abstract definition share their counters; a
/// list instance with a w:startOverride starts its level again the first time it
/// is used; a level restarts after any paragraph of a higher level (w:lvlRestart
/// names another level, 0 never restarts).
struct WordNumbering: Sendable {
    struct Level: Sendable {
        var format = "decimal"
        var text = ""
        var start = 1
        var restart: Int?
    }

    struct Instance: Sendable {
        var abstractID: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private(set) var abstracts: [String: [Int: Level]] = [:]
    private(set) var instances: [String: Instance] = [:]

    init() {}

    /// Lists read from elsewhere than numbering.xml (a .doc's list tables).
    init(abstracts: [String: [Int: Level]], instances: [String: Instance]) {
        self.abstracts = abstracts
        self.instances = instances
    }

    /// The number formats (MSONFC: a .doc's list tables, Word 2003's w:nfc) as numbering.xml
    /// names them; the rest count in digits.
    static let numberFormats: [Int: String] = [
        0x00: "decimal", 0x01: "upperRoman", 0x02: "lowerRoman", 0x03: "upperLetter", 0x04: "lowerLetter",
        0x0A: "ideographDigital", 0x0E: "decimalFullWidth", 0x12: "decimalEnclosedCircle", 0x13: "decimalFullWidth2",
        0x17: "bullet", 0x1B: "decimalEnclosedParen", 0x1C: "decimalEnclosedCircleChinese", 0x1E: "ideographTraditional",
        0x25: "chineseCounting", 0x26: "chineseLegalSimplified", 0x27: "chineseCountingThousand", 0xFF: "none",
    ]

    /// The elements of numbering.xml the reader acts on, and their names in Word 2003's XML,
    /// whose lists stand in the document itself (w:listDef for w:abstractNum, w:list w:ilfo
    /// for w:num w:numId, w:ilst for w:abstractNumId, w:nfc's MSONFC code for w:numFmt).
    enum Element: String, XMLVocabulary {
        case abstractNumbering = "w:abstractNum", numbering = "w:num", abstractNumberingID = "w:abstractNumId"
        case levelOverride = "w:lvlOverride", startOverride = "w:startOverride", level = "w:lvl", start = "w:start"
        case format = "w:numFmt", levelText = "w:lvlText", levelRestart = "w:lvlRestart"
        case listDefinition = "w:listDef", list = "w:list", listDefinitionID = "w:ilst", formatCode = "w:nfc"
    }

    /// Reads numbering.xml.
    struct Reader: XMLNodeReader {
        private(set) var result = WordNumbering()
        private var abstractID: String?
        private var numID: String?
        private var overrideLevel: Int?
        private var level: (index: Int, value: Level)?

        mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
            func val() -> String? { stream.attribute("w:val") }
            switch node {
            case .start(let element):
                switch element {
                case .abstractNumbering: abstractID = stream.attribute("w:abstractNumId")
                case .listDefinition: abstractID = stream.attribute("w:listDefId")
                case .numbering: numID = stream.attribute("w:numId")
                case .list: numID = stream.attribute("w:ilfo")
                case .abstractNumberingID, .listDefinitionID:
                    if let numID, let id = val() { result.instances[numID] = Instance(abstractID: id) }
                case .levelOverride: overrideLevel = stream.attribute("w:ilvl").flatMap { Int($0) }
                case .startOverride:
                    if let numID, let overrideLevel, let start = val().flatMap({ Int($0) }) {
                        result.instances[numID]?.startOverrides[overrideLevel] = start
                    }
                case .level: level = (stream.attribute("w:ilvl").flatMap { Int($0) } ?? 0, Level())
                case .start: if let start = val().flatMap({ Int($0) }) { level?.value.start = start }
                case .format: if let format = val() { level?.value.format = format }
                case .formatCode: level?.value.format = val().flatMap { Int($0) }.flatMap { WordNumbering.numberFormats[$0] } ?? "decimal"
                case .levelText: level?.value.text = val() ?? ""
                case .levelRestart: level?.value.restart = val().flatMap { Int($0) }
                default: break
                }
            case .end(let element):
                switch element {
                case .level:
                    guard let (index, value) = level else { break }
                    if let numID, overrideLevel != nil {
                        result.instances[numID]?.levelOverrides[index] = value
                    } else if let abstractID {
                        result.abstracts[abstractID, default: [:]][index] = value
                    }
                    level = nil
                case .levelOverride: overrideLevel = nil
                case .abstractNumbering, .listDefinition: abstractID = nil
                case .numbering, .list: numID = nil
                default: break
                }
            case .text:
                break
            }
        }
    }

    func level(_ index: Int, of numID: String) -> Level? {
        guard let instance = instances[numID] else { return nil }
        return instance.levelOverrides[index] ?? abstracts[instance.abstractID]?[index]
    }

    /// The counters of one reading of a document.
    struct Counters {
        private var counts: [String: [Int: Int]] = [:]
        private var started: Set<String> = []

        /// The marker Word's numbering shows before a paragraph, counted: from its own list
        /// (`numID`) and level, else its style's; list "0" turns numbering off.
        mutating func marker(numID: String?, level: Int?, style: String?, styles: WordStyles,
                             in numbering: WordNumbering) -> String {
            let fromStyle = style.flatMap(styles.numbering(of:))
            guard let numID = numID ?? fromStyle?.numID, numID != "0" else { return "" }
            return next(numID, level: level ?? fromStyle?.level ?? 0, in: numbering) ?? ""
        }

        /// The marker of the next paragraph of list `numID` at `level`, counting it.
        mutating func next(_ numID: String, level index: Int, in numbering: WordNumbering) -> String? {
            guard let instance = numbering.instances[numID], let level = numbering.level(index, of: numID) else { return nil }
            let key = instance.abstractID
            if started.insert(numID).inserted {
                for (overridden, start) in instance.startOverrides { counts[key, default: [:]][overridden] = start - 1 }
            }
            var levels = counts[key, default: [:]]
            levels[index] = (levels[index] ?? (level.start - 1)) + 1
            // Deeper levels start again after this one, unless they say otherwise.
            for deeper in levels.keys where deeper > index {
                let restart = numbering.level(deeper, of: numID)?.restart
                if restart == nil || (restart! != 0 && restart! - 1 <= index) { levels[deeper] = nil }
            }
            counts[key] = levels
            // A bullet is a glyph of a symbol font (U+F0B7), no text of the paragraph's.
            if level.format == "bullet" { return "" }
            return Self.render(level.text) { referenced in
                guard let shown = numbering.level(referenced, of: numID) else { return "" }
                return WordNumbering.format(levels[referenced] ?? shown.start, as: shown.format)
            }
        }

        /// lvlText with %1…%9 replaced by the counters of those levels.
        private static func render(_ template: String, number: (Int) -> String) -> String {
            var result = ""
            var characters = template.makeIterator()
            while let c = characters.next() {
                guard c == "%" else { result.append(c); continue }
                guard let digit = characters.next() else { break }
                if let n = digit.wholeNumberValue, (1...9).contains(n) { result += number(n - 1) } else { result.append(digit) }
            }
            return result
        }
    }

    /// A counter in one of Word's number formats.
    static func format(_ n: Int, as format: String) -> String {
        // A damaged numbering.xml can start a list anywhere: what no format spells stays in digits.
        guard (1...9999).contains(n) || format == "decimal" else { return format == "none" || format == "bullet" ? "" : String(n) }
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital":
            return ChineseNumeral.spelled(n)
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return (1...10).contains(n) ? String(stems[n - 1]) : String(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(Unicode.Scalar(0x2460 + UInt32(n - 1))!) : String(n)
        case "decimalEnclosedParen":
            return (1...20).contains(n) ? String(Unicode.Scalar(0x2474 + UInt32(n - 1))!) : "(\(n))"
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        case "upperLetter", "lowerLetter":
            let letter = Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
            let text = String(repeating: letter, count: (n - 1) / 26 + 1)
            return format == "upperLetter" ? text : text.lowercased()
        case "upperRoman", "lowerRoman":
            let text = roman(n)
            return format == "upperRoman" ? text : text.lowercased()
        case "none", "bullet":
            return ""
        default:
            return String(n)
        }
    }

    private static func roman(_ n: Int) -> String {
        let values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, result = ""
        for (value, letters) in values { while n >= value { result += letters; n -= value } }
        return result
    }
}
