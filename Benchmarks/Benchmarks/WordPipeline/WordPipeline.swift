import Benchmark
import FinParse
import FloorRatio
import FoundationEssentials
import XMLFloor
import ZIPFoundation

// Throughput of the Word path on the corpus report's .docx with its body repeated
// to at least 50 MB of document.xml, beside the floor measured in the same
// iteration: inflating the part and pulling every node through libxml2, nothing else.

let corpusDocx: String = {
    var root = #filePath
    for _ in 0..<4 { root = String(root[..<root.lastIndex(of: "/")!]) }
    return root + "/Corpus/docx/yongzhou-yingji-2021-juesuan.docx"
}()

/// The large document.xml and the .docx that holds it.
let (documentXML, docx): ([UInt8], [UInt8]) = {
    do {
        let archive = try Archive(url: URL(fileURLWithPath: corpusDocx), accessMode: .read)
        var xml = Data()
        _ = try archive.extract(archive["word/document.xml"]!) { xml.append($0) }
        let text = String(decoding: xml, as: UTF8.self)
        let open = text.range(of: "<w:body>")!.upperBound
        let close = text.range(of: "<w:sectPr/>")!.lowerBound
        let body = text[open..<close]
        var large = String(text[..<open])
        while large.utf8.count < 50 << 20 { large += body }
        large += text[close...]
        let bytes = Array(large.utf8)
        let output = try Archive(accessMode: .create)
        try output.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(bytes.count),
                            compressionMethod: .deflate) { position, size in Data(bytes[Int(position)..<Int(position) + size]) }
        return (bytes, Array(output.data!))
    } catch {
        fatalError("cannot build the benchmark .docx from \(corpusDocx): \(error)")
    }
}()

let megabytes = Double(documentXML.count) / 1_000_000

let benchmarks: @Sendable () -> Void = {
    configureFloorBenchmarks()

    pipelineBenchmarks("docx (\(documentXML.count / 1_048_576) MB of document.xml)", bytes: docx, path: "corpus.docx",
                       megabytes: megabytes) {
        try seconds {
            let archive = try Archive(data: Data(docx), accessMode: .read)
            var xml = Data()
            _ = try archive.extract(archive["word/document.xml"]!) { xml.append($0) }
            let nodes = xml.withUnsafeBytes { buffer in
                xml_floor_count_nodes(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(buffer.count))
            }
            blackHole(nodes)
        }
    }
}
