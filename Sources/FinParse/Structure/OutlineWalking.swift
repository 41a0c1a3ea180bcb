extension Section {
    /// A section with where it stands in the tree.
    public struct Visit: Sendable, Hashable {
        public var section: Section
        /// 0 for a top-level section.
        public var depth: Int
        /// The titles of the sections that contain this one, outermost first.
        public var path: [String]
    }
}

extension Document {
    /// Every section of the outline, depth first in document order, with its depth
    /// and path.
    ///
    /// ```swift
    /// for visit in document.sections where visit.section.kind == .heading {
    ///     print(String(repeating: "  ", count: visit.depth) + visit.section.title)
    /// }
    /// ```
    public var sections: [Section.Visit] {
        var visits: [Section.Visit] = []
        // An explicit stack: the walk's depth never depends on the input.
        var pending: [(Section, Int, [String])] = outline.reversed().map { ($0, 0, []) }
        while let (section, depth, path) = pending.popLast() {
            visits.append(Section.Visit(section: section, depth: depth, path: path))
            let childPath = path + [section.title]
            pending += section.children.reversed().map { ($0, depth + 1, childPath) }
        }
        return visits
    }

    /// The innermost section that holds `line`: the last section, in document
    /// order, that starts on or before it. Nil before the first section.
    public func section(containing line: Int) -> Section.Visit? {
        sections.last { $0.section.line <= line }
    }
}
