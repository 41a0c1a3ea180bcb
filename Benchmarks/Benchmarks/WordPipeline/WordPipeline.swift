import Benchmark
import FinParse
import FloorRatio
import FoundationEssentials
import ICUFloor
import XMLFloor
import ZIPFoundation

// Throughput of the Word path on the corpus report's .docx with its body repeated
// to at least 50 MB of document.xml, beside the floor measured in the same
// iteration: inflating the part with minizip, as finparse does, and pulling every node
// through libxml2, nothing else; and, for the record, that floor with ICU's word break over
// the text of the part's runs added.
// Twice: the body as the corpus .docx has it (one run per paragraph, no formatting: as
// dense in text as a .docx gets), and the same body with the run and cell properties
// Word writes for these reports' body text, on every run and cell.

let corpusDocx: String = {
    var root = #filePath
    for _ in 0..<4 { root = String(root[..<root.lastIndex(of: "/")!]) }
    return root + "/Corpus/docx/yongzhou-yingji-2021-juesuan.docx"
}()

/// The corpus document.xml: before its body, the body, and after it.
let corpusParts: (head: String, body: String, tail: String) = {
    do {
        let archive = try Archive(url: URL(fileURLWithPath: corpusDocx), accessMode: .read)
        var xml = Data()
        _ = try archive.extract(archive["word/document.xml"]!) { xml.append($0) }
        let text = String(decoding: xml, as: UTF8.self)
        let open = text.range(of: "<w:body>")!.upperBound
        let close = text.range(of: "<w:sectPr/>")!.lowerBound
        return (String(text[..<open]), String(text[open..<close]), String(text[close...]))
    } catch {
        fatalError("cannot read \(corpusDocx): \(error)")
    }
}()

/// Word's formatting of the reports' body text (仿宋_GB2312, 三号) and of a table cell,
/// with the revision ids it stamps on paragraphs and runs.
let wordStyling: [(String, String)] = [
    ("<w:p>", #"<w:p w:rsidR="00C24F1A" w:rsidRDefault="00C24F1A" w:rsidP="00C24F1A">"#),
    ("<w:r>", #"<w:r w:rsidRPr="00C24F1A"><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"/><w:color w:val="000000"/><w:kern w:val="0"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>"#),
    ("<w:tcPr>", #"<w:tcPr><w:tcW w:w="1200" w:type="dxa"/><w:tcBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tcBorders>"#),
    ("</w:tcPr>", #"<w:vAlign w:val="center"/></w:tcPr>"#),
]

/// The .docx whose document.xml holds `body` repeated to at least 50 MB, its size, and the
/// text of its runs.
func largeDocx(body: String) -> (docx: [UInt8], megabytes: Double, text: [UInt8]) {
    var large = corpusParts.head
    while large.utf8.count < 50 << 20 { large += body }
    large += corpusParts.tail
    let bytes = Array(large.utf8)
    do {
        let output = try Archive(accessMode: .create)
        try output.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(bytes.count),
                            compressionMethod: .deflate) { position, size in Data(bytes[Int(position)..<Int(position) + size]) }
        return (Array(output.data!), Double(bytes.count) / 1_000_000, runText(of: bytes))
    } catch {
        fatalError("cannot build the benchmark .docx: \(error)")
    }
}

/// The text of a document.xml's w:t elements, a line a paragraph (entities left as written).
func runText(of xml: [UInt8]) -> [UInt8] {
    let open = Array("<w:t".utf8), close = Array("</w:t>".utf8), paragraphEnd = Array("</w:p>".utf8)
    func starts(_ pattern: [UInt8], at i: Int) -> Bool {
        i + pattern.count <= xml.count && xml[i..<(i + pattern.count)].elementsEqual(pattern)
    }
    var text: [UInt8] = []
    var i = 0
    while i < xml.count {
        guard xml[i] == UInt8(ascii: "<") else {
            i += 1
            continue
        }
        if starts(paragraphEnd, at: i) {
            text.append(0x0A)
            i += paragraphEnd.count
        } else if starts(open, at: i), i + 4 < xml.count, xml[i + 4] == UInt8(ascii: ">") || xml[i + 4] == UInt8(ascii: " ") {
            // <w:t> or <w:t xml:space="preserve">, not <w:tab/>, <w:tbl>, <w:tc> or <w:t/>.
            var j = i + 4
            while xml[j] != UInt8(ascii: ">") { j += 1 }
            j += 1
            while !starts(close, at: j) {
                text.append(xml[j])
                j += 1
            }
            i = j + close.count
        } else {
            i += 1
        }
    }
    return text
}

/// The four pipeline benchmarks of one .docx, beside inflate + xmlTextReader over it, and
/// that floor with ICU's word break over the text of its runs added (as the text benchmarks'
/// floor runs it: decoded, then broken).
func docxBenchmarks(_ name: String, body: String) {
    let (docx, megabytes, text) = largeDocx(body: body)
    pipelineBenchmarks("\(name) (\(Int(megabytes * 1_000_000) / 1_048_576) MB of document.xml)", bytes: docx,
                       path: "corpus.docx", megabytes: megabytes,
                       floor: {
                           seconds {
                               let nodes = docx.withUnsafeBytes { xml_floor_count_docx_nodes($0.baseAddress!, $0.count) }
                               precondition(nodes > 0, "the floor could not read the benchmark .docx")
                               blackHole(nodes)
                           }
                       },
                       wordBreak: {
                           seconds {
                               let units = Array(String(decoding: text, as: UTF8.self).utf16)
                               let count = units.withUnsafeBufferPointer { icu_floor_count_word_boundaries($0.baseAddress, Int32($0.count)) }
                               blackHole(count)
                           }
                       })
}

let benchmarks: @Sendable () -> Void = {
    configureFloorBenchmarks()
    docxBenchmarks("docx", body: corpusParts.body)
    docxBenchmarks("docx, Word-styled",
                   body: wordStyling.reduce(corpusParts.body) { $0.replacing($1.0, with: $1.1) })
}
