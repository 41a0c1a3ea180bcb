/// Reads the meaning of a 绩效自评表 from its grid.
enum SelfEvaluationReader {
    static func read(_ table: Table) -> SelfEvaluation? { nil }
}
