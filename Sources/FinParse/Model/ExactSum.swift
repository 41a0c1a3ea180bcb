import FoundationEssentials

/// An exact sum of numbers read from text (a 自评表's weights and scores), added as one
/// integer at the smallest power of ten among them.
///
/// Foundation's `+` turns both operands into variable-length integers on the heap at every
/// addition, six allocations each: the checks of a report's 自评表s took 2% of its parse so.
/// A number given as a `Decimal`, and every term after a sum the integer cannot hold, is added
/// with `+`, which gives the same value.
struct ExactSum {
    /// A number as `significand × 10^exponent`, as read from its digits (``Decimal/scan(_:)``).
    struct Term {
        var significand: Int64
        var exponent: Int
    }

    private var significand: Int64 = 0
    private var exponent = 0
    /// The sum by Foundation's `+`, from the first number the integer did not take.
    private var added: Decimal?

    mutating func add(_ term: Term) {
        guard added == nil, let (sum, common) = Self.sum(significand, exponent, term) else {
            added = value + Decimal(term)
            return
        }
        (significand, exponent) = (sum, common)
    }

    /// A number as read (``Decimal/scan(_:)``): by its term where it has one.
    mutating func add(_ read: (value: Decimal, term: Term?)?) {
        guard let read else { return }
        if let term = read.term { add(term) } else { add(read.value) }
    }

    /// A number given as a `Decimal` (a funds block's weight, the sum of a table before): by `+`.
    mutating func add(_ value: Decimal?) {
        if let value { added = self.value + value }
    }

    var value: Decimal { added ?? Decimal(Term(significand: significand, exponent: exponent)) }

    /// `significand × 10^exponent + term` at the smaller of the two exponents, nil if it does not fit.
    private static func sum(_ significand: Int64, _ exponent: Int, _ term: Term) -> (Int64, Int)? {
        let common = min(exponent, term.exponent)
        guard let a = scaled(significand, by: exponent - common), let b = scaled(term.significand, by: term.exponent - common),
              case (let sum, false) = a.addingReportingOverflow(b) else { return nil }
        return (sum, common)
    }

    /// `value × 10^power`, nil if it does not fit.
    private static func scaled(_ value: Int64, by power: Int) -> Int64? {
        guard value != 0 else { return 0 }
        var result = value
        for _ in 0..<power {
            guard case (let product, false) = result.multipliedReportingOverflow(by: 10) else { return nil }
            result = product
        }
        return result
    }
}

extension Decimal {
    init(_ term: ExactSum.Term) {
        self.init(sign: term.significand < 0 ? .minus : .plus, exponent: term.exponent, significand: Decimal(term.significand.magnitude))
    }
}
