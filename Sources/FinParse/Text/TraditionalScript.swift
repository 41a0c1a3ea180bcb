import CICU

/// Reports written in traditional characters: a government site's 繁體 page scraped as it was
/// served (收入總計2553.52萬元，增長48.16%). Every word finparse knows (万元, 增长, 决算, 合计,
/// 一级指标) is simplified, so such a text would give no amounts and no tables. It is read
/// as simplified instead, one character for one (ICU's Hant-Hans transliterator), so that
/// every byte keeps its place: lines and columns are the file's, and texts come out in
/// simplified characters, as the other reports' labels do.
enum TraditionalScript {
    /// Characters these reports use often that simplified text writes otherwise, and their
    /// simplified forms: which of the two a text's start holds tells its script.
    private static let pairs: [(traditional: Unicode.Scalar, simplified: Unicode.Scalar)] = Array(zip(
        "萬億與為說經預決財費資額門開關會個來時後過還這進應據總務區縣計項撥結轉購補類體單設機構職責員處報況減長較對實現營運產業".unicodeScalars,
        "万亿与为说经预决财费资额门开关会个来时后过还这进应据总务区县计项拨结转购补类体单设机构职责员处报况减长较对实现营运产业".unicodeScalars))
    /// For each ideograph from U+4E00 on, 1 when it is one of the traditional forms above, 2
    /// when one of the simplified: a lookup for each of the sample's characters.
    private static let kinds: [UInt8] = {
        var kinds = [UInt8](repeating: 0, count: 0xA000 - 0x4E00)
        for (traditional, simplified) in pairs {
            kinds[Int(traditional.value) - 0x4E00] = 1
            kinds[Int(simplified.value) - 0x4E00] = 2
        }
        return kinds
    }()
    /// Enough of a report to tell its script: the ideographs of its title, 目录 and first
    /// paragraphs, looked for no further than a web page's head and menus reach.
    private static let sample = 1_500, reach = 65_536

    /// Whether the start of `text` is written in traditional characters: at least eight of
    /// those above, and more than of their simplified forms (a simplified report may quote
    /// a name in traditional characters).
    static func isTraditional(_ text: String) -> Bool {
        var traditionalCount = 0, simplifiedCount = 0, ideographs = 0, seen = 0
        // Counted as it goes: prefix(reach) would walk the whole reach to find its end first.
        for scalar in text.unicodeScalars {
            seen += 1
            guard seen <= reach else { break }
            guard (0x4E00..<0xA000).contains(scalar.value) else { continue }
            ideographs += 1
            if ideographs > sample { break }
            switch kinds[Int(scalar.value) - 0x4E00] {
            case 1: traditionalCount += 1
            case 2: simplifiedCount += 1
            default: break
            }
        }
        return traditionalCount >= 8 && traditionalCount > simplifiedCount
    }

    /// `text` read as simplified when it is written in traditional characters, with the note
    /// that says so; nil, and `text` as it was, otherwise.
    static func simplify(_ text: inout String) -> Diagnostic? {
        guard isTraditional(text) else { return nil }
        var bytes = Array(text.utf8)
        let changed = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { fp_simplify_utf8($0.baseAddress, Int32($0.count)) }
        }
        // Without ICU's transliterator (a trimmed ICU data file) the text stays as written.
        guard changed > 0 else { return nil }
        text = String(decoding: bytes, as: UTF8.self)
        return Diagnostic(severity: .info, code: "traditional-script",
                          message: "the text is written in traditional characters: read as simplified, one character for one "
                              + "(\(changed) changed, by ICU's Hant-Hans), so that its figures, labels and tables are known; "
                              + "lines and columns are the file's, its texts are given in simplified characters",
                          line: 1)
    }
}
