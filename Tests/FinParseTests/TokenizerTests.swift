import Testing
@testable import FinParse

@Suite("Folding and tokens")
struct TokenizerTests {
    let tokenizer = Tokenizer()

    /// kind:text@column, the compact form the expectations below are written in.
    private func summary(_ text: String) -> [String] {
        tokenizer.tokens(in: text).map { "\($0.kind.rawValue):\($0.text)@\($0.location.column)" }
    }

    @Test func figureSentenceFromTheReport() {
        #expect(summary("一般公共预算财政拨款收入完成2553.52万元，增长48.16%") == [
            "word:一般@1", "word:公共@3", "word:预算@5", "word:财政@7", "word:拨款@9", "word:收入@11", "word:完成@13",
            "number:2553.52@15", "unit:万元@22", "punctuation:，@24", "word:增长@25", "number:48.16@27", "percentSign:%@32",
        ])
    }

    /// Justified PDF text spaces out a short line's characters: its words are segmented as if
    /// unspaced, each token still spanning its spaces; one space between two words, as page
    /// text parts its cells, is left a space.
    @Test func letterSpacedTextKeepsItsWords() {
        #expect(summary("本 年 收 入 合 计 2946.25 万 元 ，") == [
            "word:本@1", "word:年@3", "word:收 入@5", "word:合 计@9", "space: @12", "number:2946.25@13", "space: @20",
            "unit:万 元@21", "punctuation:，@25",
        ])
        #expect(summary("上海市普陀区财政局财政所 预算不单列").contains("space: @13"))
    }

    @Test func comparatorsAndCounts() {
        #expect(summary("≥4期") == ["comparator:≥@1", "number:4@2", "word:期@3"])
        #expect(summary("合格率≧95%") == ["word:合格@1", "word:率@3", "comparator:≧@4", "number:95@5", "percentSign:%@7"])
    }

    @Test func fullWidthFormsFoldButKeepTheirOriginal() {
        let tokens = tokenizer.tokens(in: "＞２０次")
        #expect(tokens.map(\.text) == [">", "20", "次"])
        #expect(tokens.map(\.original) == ["＞", "２０", "次"])
        #expect(tokens.map(\.range) == [0..<1, 1..<3, 3..<4])
        let amount = tokenizer.tokens(in: "１１６６．４５万元")
        #expect(amount.map(\.text) == ["1166.45", "万元"])
        #expect(amount[0].original == "１１６６．４５")
        #expect(amount[1].location.column == 8)
    }

    @Test func leadingIdeographicSpace() {
        let tokens = tokenizer.tokens(in: "　15", lineNumber: 390)
        #expect(tokens.map(\.kind) == [.space, .number])
        #expect(tokens[1].text == "15")
        #expect(tokens[1].location == SourceLocation(line: 390, column: 2))
        #expect(tokens[0].original == "　")
    }

    @Test func markersAreOneToken() {
        #expect(summary("十一、关于政府采购支出说明").prefix(2) == ["enumerator:十一、@1", "word:关于@4"])
        #expect(summary("（三）财政拨款支出").first == "enumerator:(三)@1")
        #expect(summary("(1)负责") == ["enumerator:(1)@1", "word:负责@4"])
        #expect(summary("第三部分") == ["enumerator:第三部分@1"])
    }

    @Test func numbersAndUnits() {
        #expect(summary("100，200") == ["number:100@1", "punctuation:，@4", "number:200@5"])
        #expect(summary("共计1,234.56万元") == ["word:共计@1", "number:1,234.56@3", "unit:万元@11"])
        #expect(summary("5*4=20万元") == ["number:5@1", "punctuation:*@2", "number:4@3", "comparator:=@4", "number:20@5", "unit:万元@7"])
        #expect(summary("元旦") == ["word:元旦@1"])
    }

    @Test func formatCharactersAreDroppedAndMapped() {
        let folded = FoldedText("收入\u{200B}总计\u{FEFF}2553.52", line: 7)
        #expect(folded.text == "收入总计2553.52")
        // 2553.52 starts at folded offset 4, original offset 6 (column 7).
        #expect(folded.location(ofFoldedOffset: 4) == SourceLocation(line: 7, column: 7))
        #expect(folded.originalText(of: 4..<11) == "2553.52")
    }

    /// A line is kept as written when one scan finds nothing to fold: that scan must agree
    /// with folding itself, on lines that fold and lines that do not.
    @Test(arguments: [
        "一般公共预算财政拨款收入2553.52万元，增长48.16%；", "①负责“三公”经费。", "《预算法》、「说明」",
        "收入：１２万元", "（一）基本情况", "合计\u{3000}12", "收入\u{200B}总计", "e\u{301}", "\u{301}起", "\u{FB01}",
        "株式会社\u{3231}", "㈠ 部门", "\t制表\r", "Café", "한국어", "𠀀𠀁", "\u{FF61}", "ｱｲ",
    ])
    func foldingKeepsOnlyWhatItWouldNotChange(line: String) {
        #expect(FoldedText(line, line: 1).text == FoldMap(line, line: 1).folded.text)
    }

    @Test func enclosedNumbersSurviveFolding() {
        #expect(FoldedText("①负责", line: 1).text == "①负责")
        #expect(ListMarker.scan("⑴负责")?.style == .parenthesizedArabicNumber)
        #expect(ListMarker.scan("①负责")?.number == 1)
    }

    @Test func chineseNumerals() {
        #expect(ChineseNumeral.value(of: "十一") == 11)
        #expect(ChineseNumeral.value(of: "二十三") == 23)
        #expect(ChineseNumeral.value(of: "九十九") == 99)
        #expect(ChineseNumeral.value(of: "一百零五") == 105)
        #expect(ChineseNumeral.value(of: "一二") == nil)
    }

    @Test func decimalIsNotAMarker() {
        #expect(ListMarker.scan("1.5万元用于") == nil)
        #expect(ListMarker.scan("1.机构设置")?.number == 1)
        #expect(ListMarker.scan("2021年，我市发生") == nil)
    }

    /// 一．部门职责 and 二. 机构设置, as some reports type their chapters, were body text, and the
    /// （一） under them went to the part above.
    @Test func aChineseNumberWithAPoint() {
        #expect(ListMarker.scan(FoldedText("一．部门职责", line: 1).text).map { "\($0.style) \($0.number) \($0.text)" } == "chineseNumber 1 一.")
        #expect(ListMarker.scan("十一. 机构设置")?.number == 11)
        #expect(ListMarker.scan("三.五倍") == nil)
    }

    /// A line's first and last scalars, read on the bytes for the joining of scraped lines: a
    /// character of three or four bytes whole, spaces skipped where asked, none in an empty line.
    @Test func firstAndLastScalarsOnTheBytes() {
        #expect("  2553.52万元，".firstScalar(skippingSpaces: true) == "2" && "  2553".firstScalar() == " ")
        #expect("收入总计 ".lastScalar(skippingSpaces: true) == "计" && "收入总计 ".lastScalar() == " ")
        #expect("增长𠀀".lastScalar() == "𠀀" && "𠀀增长".firstScalar() == "𠀀" && "%".lastScalar() == "%")
        #expect("".firstScalar() == nil && "   ".lastScalar(skippingSpaces: true) == nil && "   ".firstScalar(skippingSpaces: true) == nil)
        // A substring's own string (not contiguous from its start) reads the same.
        #expect(String("总计：12万元。"[...]).lastScalar() == "。")
    }
}
