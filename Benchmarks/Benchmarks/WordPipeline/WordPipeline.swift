import Benchmark
import FinParse
import FloorRatio
import FoundationEssentials
import XMLFloor
import ZIPFoundation

// Throughput of the Word path on the corpus report's .docx with its body repeated
// to at least 50 MB of document.xml, beside the floor measured in the same
// iteration: inflating the part with libzip, as finparse does, and pulling every node
// through libxml2, nothing else.
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

/// The .docx whose document.xml holds `body` repeated to at least 50 MB, and its size.
func largeDocx(body: String) -> (docx: [UInt8], megabytes: Double) {
    var large = corpusParts.head
    while large.utf8.count < 50 << 20 { large += body }
    large += corpusParts.tail
    let bytes = Array(large.utf8)
    do {
        let output = try Archive(accessMode: .create)
        try output.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(bytes.count),
                            compressionMethod: .deflate) { position, size in Data(bytes[Int(position)..<Int(position) + size]) }
        return (Array(output.data!), Double(bytes.count) / 1_000_000)
    } catch {
        fatalError("cannot build the benchmark .docx: \(error)")
    }
}

/// The four pipeline benchmarks of one .docx, beside inflate + xmlTextReader over it.
func docxBenchmarks(_ name: String, body: String) {
    let (docx, megabytes) = largeDocx(body: body)
    pipelineBenchmarks("\(name) (\(Int(megabytes * 1_000_000) / 1_048_576) MB of document.xml)", bytes: docx,
                       path: "corpus.docx", megabytes: megabytes) {
        seconds {
            let nodes = docx.withUnsafeBytes { xml_floor_count_docx_nodes($0.baseAddress!, $0.count) }
            precondition(nodes > 0, "the floor could not read the benchmark .docx")
            blackHole(nodes)
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    configureFloorBenchmarks()
    docxBenchmarks("docx", body: corpusParts.body)
    docxBenchmarks("docx, Word-styled",
                   body: wordStyling.reduce(corpusParts.body) { $0.replacing($1.0, with: $1.1) })
}
