import FoundationEssentials

/// The meaning of a 绩效自评表 (performance self-evaluation table), or of a 绩效目标表, the
/// same indicators with their targets only, as a budget sets them (see ``Stage``).
public struct SelfEvaluation: Sendable, Hashable, Codable {
    /// Which of the two tables of 绩效指标 it is.
    public enum Stage: String, Sendable, Hashable, Codable {
        /// 绩效自评表: each indicator's target beside what was achieved, weighed and scored,
        /// after the year (部门决算).
        case selfEvaluation
        /// 绩效目标表 (财政项目支出绩效目标填报表 …): the targets set with the budget (部门预算);
        /// nothing achieved yet, so every `actual` is empty.
        case targets
    }

    public enum Scope: String, Sendable, Hashable, Codable {
        /// 部门整体支出绩效自评表: the department's spending as a whole.
        case department
        /// 项目支出绩效自评表: one project or special fund.
        case project
    }

    /// The funds block: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分.
    public struct Funds: Sendable, Hashable, Codable {
        public var initialBudget: Decimal?
        public var fullYearBudget: Decimal?
        public var executed: Decimal?
        /// As written, e.g. `100%`.
        public var executionRate: String?
        public var weight: Decimal?
        public var score: Decimal?

        public init(initialBudget: Decimal? = nil, fullYearBudget: Decimal? = nil, executed: Decimal? = nil,
                    executionRate: String? = nil, weight: Decimal? = nil, score: Decimal? = nil) {
            self.initialBudget = initialBudget
            self.fullYearBudget = fullYearBudget
            self.executed = executed
            self.executionRate = executionRate
            self.weight = weight
            self.score = score
        }

        enum CodingKeys: String, CodingKey { case initialBudget, fullYearBudget, executed, executionRate, weight, score }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            initialBudget = try c.decodeDecimal(forKey: .initialBudget)
            fullYearBudget = try c.decodeDecimal(forKey: .fullYearBudget)
            executed = try c.decodeDecimal(forKey: .executed)
            executionRate = try c.decodeIfPresent(String.self, forKey: .executionRate)
            weight = try c.decodeDecimal(forKey: .weight)
            score = try c.decodeDecimal(forKey: .score)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeDecimal(initialBudget, forKey: .initialBudget)
            try c.encodeDecimal(fullYearBudget, forKey: .fullYearBudget)
            try c.encodeDecimal(executed, forKey: .executed)
            try c.encodeNullable(executionRate, forKey: .executionRate)
            try c.encodeDecimal(weight, forKey: .weight)
            try c.encodeDecimal(score, forKey: .score)
        }
    }

    /// A target or an achieved value: `＞1200个` → comparator `>`, value 1200, unit 个.
    /// A range, `90%-95%`, is comparator `≥`, value 90 and ``upper`` 95.
    public struct Measure: Sendable, Hashable, Codable {
        public var text: String
        public var comparator: Comparator?
        public var value: Decimal?
        /// The upper bound of a range (`300-500人次` → 500), whose lower bound is ``value``
        /// with comparator `≥`; nil for a single value.
        public var upper: Decimal?
        public var unit: String?

        public init(text: String, comparator: Comparator? = nil, value: Decimal? = nil, upper: Decimal? = nil, unit: String? = nil) {
            self.text = text
            self.comparator = comparator
            self.value = value
            self.upper = upper
            self.unit = unit
        }

        enum CodingKeys: String, CodingKey { case text, comparator, value, upper, unit }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decode(String.self, forKey: .text)
            comparator = try c.decodeIfPresent(Comparator.self, forKey: .comparator)
            value = try c.decodeDecimal(forKey: .value)
            // Output written before ranges were read has no upper bound.
            upper = try c.decodeDecimal(forKey: .upper)
            unit = try c.decodeIfPresent(String.self, forKey: .unit)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encodeNullable(comparator, forKey: .comparator)
            try c.encodeDecimal(value, forKey: .value)
            try c.encodeDecimal(upper, forKey: .upper)
            try c.encodeNullable(unit, forKey: .unit)
        }
    }

    /// One row of 绩效指标.
    public struct Indicator: Sendable, Hashable, Codable {
        /// 一级指标 without its weight suffix: 产出指标, 效益指标, 满意度指标.
        public var level1: String
        /// 二级指标: 数量指标, 质量指标, 时效指标, 成本指标 ...
        public var level2: String
        /// 三级指标.
        public var name: String
        public var target: Measure
        public var actual: Measure
        public var weight: Decimal?
        public var score: Decimal?
        /// 偏差原因分析及改进措施.
        public var deviation: String?
        public var line: Int

        public init(level1: String, level2: String, name: String, target: Measure, actual: Measure,
                    weight: Decimal?, score: Decimal?, deviation: String?, line: Int) {
            self.level1 = level1
            self.level2 = level2
            self.name = name
            self.target = target
            self.actual = actual
            self.weight = weight
            self.score = score
            self.deviation = deviation
            self.line = line
        }

        enum CodingKeys: String, CodingKey { case level1, level2, name, target, actual, weight, score, deviation, line }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            level1 = try c.decode(String.self, forKey: .level1)
            level2 = try c.decode(String.self, forKey: .level2)
            name = try c.decode(String.self, forKey: .name)
            target = try c.decode(Measure.self, forKey: .target)
            actual = try c.decode(Measure.self, forKey: .actual)
            weight = try c.decodeDecimal(forKey: .weight)
            score = try c.decodeDecimal(forKey: .score)
            deviation = try c.decodeIfPresent(String.self, forKey: .deviation)
            line = try c.decode(Int.self, forKey: .line)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(level1, forKey: .level1)
            try c.encode(level2, forKey: .level2)
            try c.encode(name, forKey: .name)
            try c.encode(target, forKey: .target)
            try c.encode(actual, forKey: .actual)
            try c.encodeDecimal(weight, forKey: .weight)
            try c.encodeDecimal(score, forKey: .score)
            try c.encodeNullable(deviation, forKey: .deviation)
            try c.encode(line, forKey: .line)
        }
    }

    public var stage: Stage
    public var scope: Scope
    /// 项目名称 / 专项名称, for project tables.
    public var name: String?
    /// 主管部门 / 预算部门名称.
    public var department: String?
    public var funds: Funds?
    public var indicators: [Indicator]
    public var totalWeight: Decimal?
    public var totalScore: Decimal?

    public init(stage: Stage = .selfEvaluation, scope: Scope, name: String?, department: String?, funds: Funds?,
                indicators: [Indicator], totalWeight: Decimal?, totalScore: Decimal?) {
        self.stage = stage
        self.scope = scope
        self.name = name
        self.department = department
        self.funds = funds
        self.indicators = indicators
        self.totalWeight = totalWeight
        self.totalScore = totalScore
    }

    enum CodingKeys: String, CodingKey { case stage, scope, name, department, funds, indicators, totalWeight, totalScore }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Output written before there were target tables has no stage: it was a 自评表.
        stage = try c.decodeIfPresent(Stage.self, forKey: .stage) ?? .selfEvaluation
        scope = try c.decode(Scope.self, forKey: .scope)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        department = try c.decodeIfPresent(String.self, forKey: .department)
        funds = try c.decodeIfPresent(Funds.self, forKey: .funds)
        indicators = try c.decode([Indicator].self, forKey: .indicators)
        totalWeight = try c.decodeDecimal(forKey: .totalWeight)
        totalScore = try c.decodeDecimal(forKey: .totalScore)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stage, forKey: .stage)
        try c.encode(scope, forKey: .scope)
        try c.encodeNullable(name, forKey: .name)
        try c.encodeNullable(department, forKey: .department)
        try c.encodeNullable(funds, forKey: .funds)
        try c.encode(indicators, forKey: .indicators)
        try c.encodeDecimal(totalWeight, forKey: .totalWeight)
        try c.encodeDecimal(totalScore, forKey: .totalScore)
    }
}
