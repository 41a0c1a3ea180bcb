import FoundationEssentials

/// Whether a paragraph's stated change adds up: the percent of 比上年减少959.49万元，下降4.51%
/// against the amount it changed from, and the change itself against the two years' amounts
/// when both are given.
///
/// The year before is the amount labelled 上年 (比上年1718.25万元) when the sentence gives one,
/// else this year's amount less the change. This year's amount is the nearest amount before
/// the change that no change word reads: in the change's sentence, or alone in the sentence
/// before it (收入支出总计20323.21万元。与2024年度相比，收入支出总计减少959.49万元). A change
/// stated with its two amounts and no change amount (执行数为60.41万元，2026年预算安排227.88万元，
/// 比2025年增加277.22%) is checked both ways round, as the years' order varies.
///
/// Every figure is taken as exact to half a unit of its last digit, and a percent to its
/// last digit (some reports cut rather than round): only a change that no rounding explains
/// is reported.
enum ChangeCheck {
    /// A figure of the paragraph, the sentence (up to 。 or ；) it stands in, and the number of
    /// words between its clause's start and it (增长48.16%: one).
    struct Placed {
        var figure: Figure
        var sentence: Int
        var leadWords: Int
    }

    /// A percent that follows its change amount says no more than 增长, 同比下降, 增加了 before
    /// it; more words (…，主要原因是经费统一压减10%) make it a figure of its own.
    private static let stepPercentLeadWords = 3

    static func diagnostics(_ placed: [Placed]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for i in placed.indices {
            let percent = placed[i].figure
            guard percent.unit == .percent, let change = percent.change, percent.comparator == nil else { continue }
            if i >= 1, let step = placed[i - 1].figure.money, placed[i - 1].figure.change != nil {
                guard placed[i].sentence == placed[i - 1].sentence, placed[i].leadWords <= stepPercentLeadWords else { continue }
                diagnostics += checkStep(placed, changeAt: i - 1, percent: percent, change: change, step: step)
            } else if i >= 2, placed[i - 2].sentence == placed[i].sentence,
                      let found = checkPair(placed[i - 2], placed[i - 1], percent: percent) {
                diagnostics.append(found)
            }
        }
        return diagnostics
    }

    /// 支出总计A万元…减少D万元，下降P%, or A万元，比上年B万元增加D万元，增长P%.
    private static func checkStep(_ placed: [Placed], changeAt k: Int, percent: Figure, change: Figure.Change,
                                  step: Money) -> [Diagnostic] {
        let stepFigure = placed[k].figure
        guard stepFigure.change == change else {
            return [warning(percent, "\(stated(percent)) follows \(direction(stepFigure.change)) of \(stepFigure.text)")]
        }
        // The amounts before the change, back to the nearest that another change reads.
        var before: [Int] = []
        var j = k - 1
        while j >= 0, placed[j].figure.change == nil {
            if placed[j].figure.unit != .percent { before.append(j) }
            j -= 1
        }
        let lastYear = before.first { isLastYear(placed[$0].figure) }
        let candidates = before.filter { !isLastYear(placed[$0].figure) }
        guard let current = candidates.first,
              placed[current].sentence == placed[k].sentence
                || (placed[current].sentence == placed[k].sentence - 1
                    && !candidates.dropFirst().contains { placed[$0].sentence == placed[current].sentence }),
              let now = placed[current].amount
        else { return [] }
        let signed = change == .increase ? step : step.negated
        guard let lastYear, lastYear > current, let then = placed[lastYear].amount else {
            let base = now - signed
            let from = "\(base.text) (\(now.text) \(change == .increase ? "less" : "plus") \(step.text))"
            return misfit(percent, change: signed, from: base).map {
                [warning(percent, "\(stated(percent)) does not follow: from \(from) to \(now.text) is \($0)")]
            } ?? []
        }
        // Both years given: the change is their difference too.
        var diagnostics: [Diagnostic] = []
        if !(now - then).overlaps(signed) {
            diagnostics.append(warning(percent, "\(direction(change)) of \(step.text) is not the change from \(then.text) "
                                           + "to \(now.text), \((now - then).text)"))
        }
        if let found = checkYears(then, now, percent: percent) { diagnostics.append(found) }
        return diagnostics
    }

    /// 执行数为60.41万元，2026年预算安排227.88万元，比2025年增加277.22%: the year before is the
    /// amount labelled 上年; else either order will do, as the years' order varies.
    private static func checkPair(_ first: Placed, _ second: Placed, percent: Figure) -> Diagnostic? {
        guard let a = first.amount, let b = second.amount else { return nil }
        if isLastYear(second.figure) { return checkYears(b, a, percent: percent) }
        if isLastYear(first.figure) { return checkYears(a, b, percent: percent) }
        guard let forward = misfit(percent, change: b - a, from: a), let backward = misfit(percent, change: a - b, from: b) else {
            return nil
        }
        return warning(percent, "\(stated(percent)) does not follow: from \(a.text) to \(b.text) is \(forward), "
                           + "and from \(b.text) to \(a.text) \(backward)")
    }

    /// A warning when `percent` is not the change from `then` to `now`.
    private static func checkYears(_ then: Money, _ now: Money, percent: Figure) -> Diagnostic? {
        misfit(percent, change: now - then, from: then).map {
            warning(percent, "\(stated(percent)) does not follow: from \(then.text) to \(now.text) is \($0)")
        }
    }

    /// What `change` (signed: a fall is below zero) of `base` is when `percent` is not it, to
    /// the rounding of each: a rise of 48.61%; nil when it is.
    private static func misfit(_ percent: Figure, change: Money, from base: Money) -> String? {
        let change = change.converted(to: base.unit)
        if base.low <= 0 && base.high >= 0 {
            // From nothing no percent follows (增加0.40万元，增长100% with 0.40万元 this year).
            guard percent.value != 0 || change.value != 0 else { return nil }
            return "\(direction(change.value < 0 ? .decrease : .increase)) from zero, which has no percent"
        }
        // A base below zero: the amounts read are not the ones the change is of.
        guard base.low > 0 else { return nil }
        // Some change c and base b within their rounding give a percent p within its last digit
        // when 100c − pb = 0 somewhere in their ranges: when its value at their middles is no
        // further from 0 than it can move, 100·slack(c) + |p|·slack(b) + slack(p)·(b + slack(b)).
        // Multiplied out, as a Decimal division costs as much as the rest of the check.
        let stated = percent.change == .decrease ? -percent.value : percent.value
        let reach = change.slack * 100 + stated.magnitude * base.slack + Money.halfUnit(of: percent.text) * 2 * base.high
        guard (change.value * 100 - stated * base.value).magnitude > reach else { return nil }
        let exact = change.value / base.value * 100
        return "\(direction(exact < 0 ? .decrease : .increase)) of \(rounded(exact.magnitude))%"
    }

    private static func warning(_ percent: Figure, _ message: String) -> Diagnostic {
        Diagnostic(severity: .warning, code: "change-percent", message: message, line: percent.line)
    }

    private static func direction(_ change: Figure.Change?) -> String { change == .decrease ? "a fall" : "a rise" }

    /// A rise of 48.16%, a fall of 4.51%: the percent with the direction its sentence gives it.
    private static func stated(_ percent: Figure) -> String { "\(direction(percent.change)) of \(percent.text)" }

    private static let lastYearLabels: Set<String> = ["上年", "上年度", "去年", "同期", "上年同期", "去年同期"]

    private static func isLastYear(_ figure: Figure) -> Bool { figure.label.map(lastYearLabels.contains) ?? false }

    /// `value` (zero or more) to two decimals, half up, for messages: 48.61, 22, 1025.2.
    /// Cut from the digits of its description, as reading a Decimal back costs more than the check.
    private static func rounded(_ value: Decimal) -> String {
        let half = Decimal(sign: .plus, exponent: -1, significand: 5)
        var digits = Array((value * 100 + half).exactString.prefix { $0 != "." })
        while digits.count < 3 { digits.insert("0", at: 0) }
        var fraction = digits.suffix(2)
        while fraction.last == "0" { fraction.removeLast() }
        return String(digits.dropLast(2)) + (fraction.isEmpty ? "" : "." + String(fraction))
    }
}

/// An amount with the range its rounding allows, in one unit (the first amount's when two meet).
struct Money {
    var value: Decimal
    var unit: Figure.Unit
    /// Half a unit of the last digit written; what arithmetic adds up.
    var slack: Decimal
    /// The figure as written; for an amount worked out, its value and unit.
    var text: String

    var low: Decimal { value - slack }
    var high: Decimal { value + slack }
    var negated: Money { Money(value: -value, unit: unit, slack: slack) }

    init(value: Decimal, unit: Figure.Unit, slack: Decimal, text: String? = nil) {
        self.value = value
        self.unit = unit
        self.slack = slack
        self.text = text ?? "\(value)\(unit.rawValue)"
    }

    /// The same amount in `unit`.
    func converted(to unit: Figure.Unit) -> Money {
        guard unit != self.unit else { return self }
        let factor = self.unit.yuanFactor! / unit.yuanFactor!
        return Money(value: value * factor, unit: unit, slack: slack * factor, text: text)
    }

    static func - (a: Money, b: Money) -> Money {
        let b = b.converted(to: a.unit)
        return Money(value: a.value - b.value, unit: a.unit, slack: a.slack + b.slack)
    }

    /// Whether the ranges of the two amounts meet.
    func overlaps(_ other: Money) -> Bool {
        let other = other.converted(to: unit)
        return other.low <= high && low <= other.high
    }

    /// Half a unit of the last digit of the number in `text` (4.51% → 0.005, 100% → 0.5).
    static func halfUnit(of text: String) -> Decimal {
        var decimals = 0
        var afterPoint = false
        for scalar in text.unicodeScalars {
            if scalar == "." || scalar == "．" {
                afterPoint = true
            } else if afterPoint, ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) {
                decimals += 1
            } else if afterPoint, scalar != "," {
                break
            }
        }
        return Decimal(sign: .plus, exponent: -decimals - 1, significand: 5)
    }
}

extension Figure {
    /// The figure as money with its rounding, nil for a percent.
    var money: Money? {
        unit == .percent ? nil : Money(value: value, unit: unit, slack: Money.halfUnit(of: text), text: text)
    }
}

extension ChangeCheck.Placed {
    /// This figure's amount, when it is one with no change word of its own and no comparator.
    var amount: Money? { figure.change == nil && figure.comparator == nil ? figure.money : nil }
}
