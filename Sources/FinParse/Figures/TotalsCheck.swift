/// Whether the totals a report's text states are the ones its tables give: the 情况说明's
/// 收入支出总计2995.39万元 against the 总计 row of its 收入支出决算总表, its 财政拨款收入支出总计
/// against the 财政拨款收入支出决算总表's, its 一般公共预算财政拨款支出 against the 合计 of that
/// table, a 预算's 收入预算总计 against its 收支预算总表's and its 三公 budget, item by item,
/// against its 三公 table's.
///
/// Only the totals of the templates' summary tables are compared, each by the label the
/// text gives it and the row label its table gives it: other labels that text and tables
/// share name different things (公务接待费 in the 基本支出 table is the basic part of the 三公
/// table's). Each figure counts as exact to half a unit of its last digit, and a total agrees
/// with its table when any amount of its rows does (a two-sided table prints 总计 on both
/// sides). A total whose table the report does not hold, or holds without those rows as read,
/// is not checked.
enum TotalsCheck {
    /// Labels and kinds are compared as ``Word``s, by their bytes: every labelled figure is
    /// looked up, and String's hashing would normalize each CJK label again.
    private struct Rule {
        var textLabels: [Word]
        var kinds: WordSet
        var rowLabels: WordSet
    }

    private static let rules: [Rule] = [
        Rule(textLabels: ["收入支出总计"], kinds: ["收入支出决算总表"], rowLabels: ["总计"]),
        Rule(textLabels: ["财政拨款收入支出总计"], kinds: ["财政拨款收入支出决算总表"], rowLabels: ["总计"]),
        Rule(textLabels: ["收入合计", "本年收入合计"], kinds: ["收入支出决算总表"], rowLabels: ["本年收入合计"]),
        Rule(textLabels: ["支出合计", "本年支出合计"], kinds: ["收入支出决算总表"], rowLabels: ["本年支出合计"]),
        Rule(textLabels: ["一般公共预算财政拨款支出"], kinds: ["一般公共预算财政拨款支出决算表"], rowLabels: ["合计"]),
        Rule(textLabels: ["一般公共预算财政拨款支出预算", "一般公共预算拨款支出预算"],
             kinds: ["一般公共预算支出功能分类预算表", "一般公共预算支出预算表"], rowLabels: ["合计"]),
        Rule(textLabels: ["一般公共预算财政拨款基本支出预算"],
             kinds: ["一般公共预算基本支出部门预算经济分类预算表", "一般公共预算基本支出预算表"], rowLabels: ["合计"]),
        Rule(textLabels: ["财政拨款基本支出预算"], kinds: ["财政拨款基本支出预算表"], rowLabels: ["合计"]),
        Rule(textLabels: ["三公经费预算数", "三公经费预算", "三公经费财政拨款支出预算"], kinds: sanGongBudgets,
             rowLabels: ["“三公”经费小计", "合计"]),
        Rule(textLabels: ["因公出国境费预算支出"], kinds: sanGongBudgets, rowLabels: ["因公出国(境)费"]),
        Rule(textLabels: ["公务用车购置及运行费预算支出", "公务用车购置及运行维护费预算支出"], kinds: sanGongBudgets,
             rowLabels: ["公务用车购置及运行维护费小计", "公务用车购置及运行费小计"]),
        Rule(textLabels: ["公务用车购置预算支出"], kinds: sanGongBudgets, rowLabels: ["公务用车购置费", "购置费"]),
        Rule(textLabels: ["公务用车运行维护费预算支出"], kinds: sanGongBudgets, rowLabels: ["公务用车运行维护费", "运行费"]),
        Rule(textLabels: ["公务接待费预算支出", "公务接待费支出预算"], kinds: sanGongBudgets, rowLabels: ["公务接待费"]),
        Rule(textLabels: ["会议费预算支出"], kinds: sanGongBudgets, rowLabels: ["会议费"]),
        Rule(textLabels: ["培训费预算支出"], kinds: sanGongBudgets, rowLabels: ["培训费"]),
        Rule(textLabels: ["三公经费财政拨款支出年初预算"], kinds: ["财政拨款“三公”经费支出决算表"], rowLabels: ["合计预算数"]),
        // 收入、支出预算总计 and 财政拨款收、支总预算 (江苏) state both sides' total at once.
        Rule(textLabels: ["收入预算总计", "收入预算合计", "本年收入预算合计", "收入预算", "收入支出预算总计"],
             kinds: ["收支预算总表", "财务收支预算总表", "收入预算总表"], rowLabels: ["收入合计", "收入总计", "总计", "合计"]),
        Rule(textLabels: ["支出预算总计", "支出预算合计", "本年支出预算合计", "支出预算", "收入支出预算总计"],
             kinds: ["收支预算总表", "财务收支预算总表", "支出预算总表"], rowLabels: ["支出合计", "支出总计", "总计", "合计"]),
        Rule(textLabels: ["财政拨款收入预算总计", "财政拨款收入", "财政拨款收支总预算"], kinds: ["财政拨款收支预算总表"],
             rowLabels: ["收入合计", "收入总计", "总计"]),
        Rule(textLabels: ["财政拨款支出预算总计", "财政拨款支出预算", "财政拨款收支总预算"], kinds: ["财政拨款收支预算总表"],
             rowLabels: ["支出合计", "支出总计", "总计"]),
    ]

    /// A report has a few rows of each total (both sides of a 总计, a table per extraction
    /// page); a crafted one with thousands would make each of its stated totals read them all.
    private static let rowsKept = 64

    /// The 三公 tables of 预算 reports, whose one row of values the header labels (``SpacedHeaderLabels``).
    private static let sanGongBudgets: WordSet = ["“三公”经费、会议费、培训费支出预算表", "“三公”经费和机关运行经费预算表"]

    private static let rulesOfTextLabel: [Word: [Int]] = {
        var found: [Word: [Int]] = [:]
        for (index, rule) in rules.enumerated() { for label in rule.textLabels { found[label, default: []].append(index) } }
        return found
    }()

    /// The figures of a report as they are read, in any order (the 情况说明 may come before
    /// its tables or after them), keeping only the totals the rules name; the warnings once
    /// all are in.
    struct Ledger {
        /// The tables of the report that some rule names, by index: their kind, and the rules.
        private var tables: [Int: (kind: String, rules: [Int])] = [:]
        /// The text's totals, with their rule.
        private var stated: [(rule: Int, figure: Figure)] = []
        /// The tables' totals, by rule, with their table's kind.
        private var given: [Int: [(kind: String, figure: Figure)]] = [:]

        /// A table of the report, before its figures. One read a cell a line (plain pdftotext)
        /// gives no totals: which amount its 合计 labels is a guess there.
        mutating func add(_ table: Table) {
            guard let kind = table.kind, table.columns > 1 else { return }
            let rules = TotalsCheck.rules.indices.filter { TotalsCheck.rules[$0].kinds.contains(kind) }
            if !rules.isEmpty { tables[table.index] = (kind, rules) }
        }

        mutating func add(_ figure: Figure) {
            guard figure.unit != .percent, figure.change == nil, figure.comparator == nil, let text = figure.label else { return }
            if let cell = figure.cell {
                // Most cells stand in tables no rule names: their labels are not hashed.
                guard let table = tables[cell.table] else { return }
                let label = Word(text)
                for rule in table.rules where TotalsCheck.rules[rule].rowLabels.contains(label)
                    && given[rule, default: []].count < TotalsCheck.rowsKept {
                    given[rule, default: []].append((table.kind, figure))
                }
            } else if let rules = TotalsCheck.rulesOfTextLabel[Word(text)] {
                for rule in rules { stated.append((rule, figure)) }
            }
        }

        /// A warning for each total of the text that no amount of its table's rows agrees with.
        var diagnostics: [Diagnostic] {
            stated.compactMap { rule, figure in
                guard let rows = given[rule], let stated = Money(figure) else { return nil }
                let amounts = rows.compactMap { Money($0.figure) }
                guard amounts.count == rows.count, !amounts.contains(where: stated.overlaps) else { return nil }
                var seen = Set<String>()
                let tables = rows.filter { seen.insert("\($0.kind) \($0.figure.label!) \($0.figure.text)").inserted }.map {
                    "\($0.kind) \($0.figure.label!) \($0.figure.text)\($0.figure.unit.rawValue) (line \($0.figure.line))"
                }
                return Diagnostic(severity: .warning, code: "text-table-total",
                                  message: "\(figure.label!) \(figure.text) is not the total the tables give as read: \(tables.joined(separator: "; "))",
                                  line: figure.line)
            }
        }
    }
}
