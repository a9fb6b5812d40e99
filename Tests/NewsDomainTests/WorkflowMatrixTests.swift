import Foundation
import NewsDomain
import Testing

/// The people of the matrix, one column each. The article is in section 10 and was written by user 1.
enum WorkflowPerson: String, CaseIterable, Sendable {
    /// Reporter, the article's author.
    case RA
    /// Reporter, not the author.
    case RN
    /// Section editor for all sections.
    case SE
    /// Section editor limited to the article's section.
    case SL
    /// Section editor limited to another section.
    case SX
    /// Copy desk (thư ký tòa soạn).
    case CD
    /// Editor-in-chief.
    case EIC
    /// Administrator.
    case AD
    /// Administrator who is the article's author (no editorial role).
    case AA
    /// No role at all, though the article's author.
    case NO

    static let articleSection = SectionID(10)
    static let authorID: Int64 = 1

    var actor: WorkflowActor {
        switch self {
        case .RA: WorkflowActor(userID: 1, roles: [.reporter])
        case .RN: WorkflowActor(userID: 2, roles: [.reporter])
        case .SE: WorkflowActor(userID: 3, roles: [.sectionEditor])
        case .SL: WorkflowActor(userID: 4, roles: [.sectionEditor], sectionLimits: [SectionID(10)])
        case .SX: WorkflowActor(userID: 5, roles: [.sectionEditor], sectionLimits: [SectionID(20)])
        case .CD: WorkflowActor(userID: 6, roles: [.copyDesk])
        case .EIC: WorkflowActor(userID: 7, roles: [.editorInChief])
        case .AD: WorkflowActor(userID: 8, roles: [.administrator])
        case .AA: WorkflowActor(userID: 1, roles: [.administrator])
        case .NO: WorkflowActor(userID: 1, roles: [])
        }
    }
}

/// The expected outcomes, written out by hand from the rules (not derived from the implementation).
///
/// Each line: subject, action, then one outcome per person in `WorkflowPerson` order, or a single `WS` for all.
/// States: dr draft, sub submitted, edi edited, apr approved, sch scheduled, pub published, ret returned, down taken
/// down; `pub/edi` is published with a revision at edited. A trailing `*` means makesLive. Denials: WS wrong-state,
/// NP not-permitted, OS outside-sections. The request always carries a note and a time in the future.
enum WorkflowTable {
    static let actions = """
        # subject  action     RA      RN  SE      SL      SX  CD      EIC      AD  AA  NO
        dr        submit     sub     NP  sub     sub     OS  sub     sub      NP  NP  NP
        dr        return     WS
        dr        approve    WS
        dr        publish    WS
        dr        schedule   WS
        dr        unpublish  WS
        dr        correct    WS
        dr        takedown   WS

        sub       submit     WS
        sub       return     NP      NP  ret     ret     OS  ret     ret      NP  NP  NP
        sub       approve    NP      NP  edi     edi     OS  edi     edi      NP  NP  NP
        sub       publish    WS
        sub       schedule   WS
        sub       unpublish  WS
        sub       correct    WS
        sub       takedown   WS

        edi       submit     WS
        edi       return     NP      NP  NP      NP      NP  ret     ret      NP  NP  NP
        edi       approve    NP      NP  NP      NP      NP  apr     apr      NP  NP  NP
        edi       publish    WS
        edi       schedule   WS
        edi       unpublish  WS
        edi       correct    WS
        edi       takedown   WS

        apr       submit     WS
        apr       return     NP      NP  NP      NP      NP  NP      ret      NP  NP  NP
        apr       approve    WS
        apr       publish    NP      NP  NP      NP      NP  NP      pub*     NP  NP  NP
        apr       schedule   NP      NP  NP      NP      NP  NP      sch      NP  NP  NP
        apr       unpublish  WS
        apr       correct    WS
        apr       takedown   WS

        sch       submit     WS
        sch       return     NP      NP  NP      NP      NP  NP      ret      NP  NP  NP
        sch       approve    WS
        sch       publish    NP      NP  NP      NP      NP  NP      pub*     NP  NP  NP
        sch       schedule   WS
        sch       unpublish  NP      NP  NP      NP      NP  NP      apr      NP  NP  NP
        sch       correct    WS
        sch       takedown   NP      NP  NP      NP      NP  NP      down     NP  NP  NP

        pub       submit     WS
        pub       return     WS
        pub       approve    WS
        pub       publish    WS
        pub       schedule   WS
        pub       unpublish  NP      NP  NP      NP      NP  NP      apr      NP  NP  NP
        pub       correct    NP      NP  NP      NP      NP  pub     pub      NP  NP  NP
        pub       takedown   NP      NP  NP      NP      NP  NP      down     NP  NP  NP

        pub/dr    submit     pub/sub NP  pub/sub pub/sub OS  pub/sub pub/sub  NP  NP  NP
        pub/dr    return     WS
        pub/dr    approve    WS
        pub/dr    publish    WS
        pub/dr    schedule   WS
        pub/dr    unpublish  NP      NP  NP      NP      NP  NP      dr       NP  NP  NP
        pub/dr    correct    NP      NP  NP      NP      NP  pub/dr  pub/dr   NP  NP  NP
        pub/dr    takedown   NP      NP  NP      NP      NP  NP      down/dr  NP  NP  NP

        pub/sub   submit     WS
        pub/sub   return     NP      NP  pub/ret pub/ret OS  pub/ret pub/ret  NP  NP  NP
        pub/sub   approve    NP      NP  pub/edi pub/edi OS  pub/edi pub/edi  NP  NP  NP
        pub/sub   publish    WS
        pub/sub   schedule   WS
        pub/sub   unpublish  NP      NP  NP      NP      NP  NP      sub      NP  NP  NP
        pub/sub   correct    NP      NP  NP      NP      NP  pub/sub pub/sub  NP  NP  NP
        pub/sub   takedown   NP      NP  NP      NP      NP  NP      down/sub NP  NP  NP

        pub/edi   submit     WS
        pub/edi   return     NP      NP  NP      NP      NP  pub/ret pub/ret  NP  NP  NP
        pub/edi   approve    NP      NP  NP      NP      NP  pub/apr pub/apr  NP  NP  NP
        pub/edi   publish    WS
        pub/edi   schedule   WS
        pub/edi   unpublish  NP      NP  NP      NP      NP  NP      edi      NP  NP  NP
        pub/edi   correct    NP      NP  NP      NP      NP  pub/edi pub/edi  NP  NP  NP
        pub/edi   takedown   NP      NP  NP      NP      NP  NP      down/edi NP  NP  NP

        pub/apr   submit     WS
        pub/apr   return     NP      NP  NP      NP      NP  NP      pub/ret  NP  NP  NP
        pub/apr   approve    WS
        pub/apr   publish    NP      NP  NP      NP      NP  NP      pub*     NP  NP  NP
        pub/apr   schedule   WS
        pub/apr   unpublish  NP      NP  NP      NP      NP  NP      apr      NP  NP  NP
        pub/apr   correct    NP      NP  NP      NP      NP  pub/apr pub/apr  NP  NP  NP
        pub/apr   takedown   NP      NP  NP      NP      NP  NP      down/apr NP  NP  NP

        pub/ret   submit     pub/sub NP  pub/sub pub/sub OS  pub/sub pub/sub  NP  NP  NP
        pub/ret   return     WS
        pub/ret   approve    WS
        pub/ret   publish    WS
        pub/ret   schedule   WS
        pub/ret   unpublish  NP      NP  NP      NP      NP  NP      ret      NP  NP  NP
        pub/ret   correct    NP      NP  NP      NP      NP  pub/ret pub/ret  NP  NP  NP
        pub/ret   takedown   NP      NP  NP      NP      NP  NP      down/ret NP  NP  NP

        ret       submit     sub     NP  sub     sub     OS  sub     sub      NP  NP  NP
        ret       return     WS
        ret       approve    WS
        ret       publish    WS
        ret       schedule   WS
        ret       unpublish  WS
        ret       correct    WS
        ret       takedown   WS

        down      submit     WS
        down      return     WS
        down      approve    WS
        down      publish    NP      NP  NP      NP      NP  NP      pub*     NP  NP  NP
        down      schedule   WS
        down      unpublish  WS
        down      correct    WS
        down      takedown   WS

        down/edi  submit     WS
        down/edi  return     WS
        down/edi  approve    WS
        down/edi  publish    NP      NP  NP      NP      NP  NP      pub/edi  NP  NP  NP
        down/edi  schedule   WS
        down/edi  unpublish  WS
        down/edi  correct    WS
        down/edi  takedown   WS
        """

    /// The state after an edit (afterEdit), one line per subject, same columns.
    static let edits = """
        # subject  RA      RN  SE      SL      SX  CD      EIC     AD  AA  NO
        dr        dr      NP  dr      dr      OS  dr      dr      NP  NP  NP
        sub       NP      NP  sub     sub     OS  sub     sub     NP  NP  NP
        edi       NP      NP  edi     edi     OS  edi     edi     NP  NP  NP
        apr       NP      NP  edi     edi     OS  apr     apr     NP  NP  NP
        sch       NP      NP  edi     edi     OS  apr     apr     NP  NP  NP
        pub       pub/dr  NP  pub/edi pub/edi OS  pub/apr pub/apr NP  NP  NP
        pub/dr    pub/dr  NP  pub/dr  pub/dr  OS  pub/dr  pub/dr  NP  NP  NP
        pub/sub   NP      NP  pub/sub pub/sub OS  pub/sub pub/sub NP  NP  NP
        pub/edi   NP      NP  pub/edi pub/edi OS  pub/edi pub/edi NP  NP  NP
        pub/apr   NP      NP  pub/edi pub/edi OS  pub/apr pub/apr NP  NP  NP
        pub/ret   pub/ret NP  pub/ret pub/ret OS  pub/ret pub/ret NP  NP  NP
        ret       ret     NP  ret     ret     OS  ret     ret     NP  NP  NP
        down      WS
        down/edi  WS
        """

    /// Every subject of the matrix, as written in the tables.
    static let subjects = [
        "dr", "sub", "edi", "apr", "sch", "pub", "pub/dr", "pub/sub", "pub/edi", "pub/apr", "pub/ret", "ret", "down", "down/edi",
    ]

    static let statuses: [String: ArticleStatus] = [
        "dr": .draft, "sub": .submitted, "edi": .edited, "apr": .approved, "sch": .scheduled, "pub": .published,
        "ret": .returned, "down": .takenDown,
    ]

    static let stages: [String: RevisionStage] = [
        "dr": .draft, "sub": .submitted, "edi": .edited, "apr": .approved, "ret": .returned,
    ]

    /// "pub/edi" → published with revision edited.
    static func state(_ text: String) -> WorkflowState? {
        let parts = text.split(separator: "/").map(String.init)
        guard (1...2).contains(parts.count), let status = statuses[parts[0]] else { return nil }
        guard parts.count == 2 else { return WorkflowState(status) }
        guard let stage = stages[parts[1]] else { return nil }
        return WorkflowState(status, revision: stage)
    }

    static func subject(_ text: String) -> WorkflowSubject? {
        guard let state = state(text) else { return nil }
        return WorkflowSubject(
            status: state.status, revision: state.revision, sectionID: WorkflowPerson.articleSection, authorUserID: WorkflowPerson.authorID
        )
    }

    /// The table's lines as words, comments and blanks left out.
    static func rows(_ table: String) -> [[String]] {
        table.split(separator: "\n")
            .map { $0.split(separator: " ").map(String.init) }
            .filter { !$0.isEmpty && !$0[0].hasPrefix("#") }
    }

    /// One outcome per person: the row's cells, or a lone `WS` spread over everyone.
    static func cells(_ words: ArraySlice<String>) -> [String] {
        words.count == 1 ? Array(repeating: words.first ?? "", count: WorkflowPerson.allCases.count) : Array(words)
    }

    static let actionCases: [WorkflowActionCase] = rows(actions).flatMap { words in
        zip(WorkflowPerson.allCases, cells(words.dropFirst(2))).map { person, expected in
            WorkflowActionCase(subject: words[0], action: WorkflowAction(rawValue: words[1]), person: person, expected: expected)
        }
    }

    static let editCases: [WorkflowEditCase] = rows(edits).flatMap { words in
        zip(WorkflowPerson.allCases, cells(words.dropFirst(1))).map { person, expected in
            WorkflowEditCase(subject: words[0], person: person, expected: expected)
        }
    }
}

/// One cell of the action matrix.
struct WorkflowActionCase: Sendable, CustomTestStringConvertible {
    var subject: String
    var action: WorkflowAction?
    var person: WorkflowPerson
    var expected: String
    var testDescription: String { "\(person.rawValue) \(action?.rawValue ?? "?") on \(subject) → \(expected)" }
}

/// One cell of the edit matrix.
struct WorkflowEditCase: Sendable, CustomTestStringConvertible {
    var subject: String
    var person: WorkflowPerson
    var expected: String
    var testDescription: String { "\(person.rawValue) edits \(subject) → \(expected)" }
}

/// Checks an outcome against a table cell.
func expectWorkflowOutcome<T>(
    _ result: Result<T, WorkflowDenial>, _ expected: String, state: (T) -> WorkflowState, makesLive: (T) -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let denials = ["WS": "wrong-state", "NP": "not-permitted", "OS": "outside-sections"]
    switch result {
    case .success(let value):
        #expect(denials[expected] == nil, "expected \(expected), got \(state(value))", sourceLocation: sourceLocation)
        guard denials[expected] == nil else { return }
        let live = expected.hasSuffix("*")
        #expect(state(value) == WorkflowTable.state(String(expected.dropLast(live ? 1 : 0))), sourceLocation: sourceLocation)
        #expect(makesLive(value) == live, "makesLive", sourceLocation: sourceLocation)
    case .failure(let denial):
        #expect(denial.code == denials[expected], "expected \(expected), got \(denial)", sourceLocation: sourceLocation)
        #expect(!denial.message.isEmpty, sourceLocation: sourceLocation)
    }
}

@Suite("Workflow: the complete matrix of the standard three-level chain")
struct WorkflowMatrixTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    let workflow = Workflow()

    @Test("the tables cover every state × action and every state once, with a cell for every person")
    func tablesAreComplete() {
        let actionRows = WorkflowTable.rows(WorkflowTable.actions)
        let keys = actionRows.map { "\($0[0]) \($0[1])" }
        let expectedKeys = WorkflowTable.subjects.flatMap { subject in WorkflowAction.allCases.map { "\(subject) \($0.rawValue)" } }
        #expect(keys == expectedKeys)
        #expect(actionRows.allSatisfy { $0.count == 3 || $0.count == 2 + WorkflowPerson.allCases.count })
        let editRows = WorkflowTable.rows(WorkflowTable.edits)
        #expect(editRows.map { $0[0] } == WorkflowTable.subjects)
        #expect(editRows.allSatisfy { $0.count == 2 || $0.count == 1 + WorkflowPerson.allCases.count })
        #expect(WorkflowTable.actionCases.count == WorkflowTable.subjects.count * WorkflowAction.allCases.count * WorkflowPerson.allCases.count)
        #expect(WorkflowTable.editCases.count == WorkflowTable.subjects.count * WorkflowPerson.allCases.count)
    }

    @Test("decide", arguments: WorkflowTable.actionCases)
    func decide(_ cell: WorkflowActionCase) throws {
        let action = try #require(cell.action)
        let subject = try #require(WorkflowTable.subject(cell.subject))
        let actor = cell.person.actor
        let result = workflow.decide(action, by: actor, on: subject, note: "Lý do", at: Self.now.addingTimeInterval(3600), now: Self.now)
        expectWorkflowOutcome(result, cell.expected, state: \.to, makesLive: \.makesLive)
        if case .success(let transition) = result {
            #expect(transition.action == action)
            #expect(transition.from == subject.state)
            #expect(transition.actingRole.map { actor.roles.contains($0) } == true)
        }
        // The buttons offered are exactly the permitted actions.
        let permitted = !["WS", "NP", "OS"].contains(cell.expected)
        #expect(workflow.availableActions(for: actor, on: subject).contains(action) == permitted)
    }

    @Test("afterEdit", arguments: WorkflowTable.editCases)
    func afterEdit(_ cell: WorkflowEditCase) throws {
        let subject = try #require(WorkflowTable.subject(cell.subject))
        let result = workflow.afterEdit(by: cell.person.actor, on: subject)
        expectWorkflowOutcome(result, cell.expected, state: { $0 }, makesLive: { _ in false })
    }
}
