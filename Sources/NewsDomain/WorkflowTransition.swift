import Foundation

/// The outcome of a permitted action: what the storage layer applies and records in the audit log.
public struct WorkflowTransition: Sendable, Hashable {
    /// The action taken.
    public var action: WorkflowAction
    /// The state before.
    public var from: WorkflowState
    /// The state after.
    public var to: WorkflowState
    /// Whether the working version becomes the live one (publishing a new article, an approved revision, a scheduled article, or a taken-down article without a revision).
    public var makesLive: Bool
    /// Whether the action needed a note (return, withdraw, correct, take down, republish).
    public var noteRequired: Bool
    /// The request's note, trimmed; nil when it was absent or blank.
    public var note: String?
    /// The publication time set by `schedule`; nil for every other action.
    public var scheduledAt: Date?
    /// The role that allowed the action: the lowest of the actor's roles that grants it; nil when no person acted (the scheduler).
    public var actingRole: Role?

    /// Creates a transition.
    public init(
        action: WorkflowAction, from: WorkflowState, to: WorkflowState, makesLive: Bool, noteRequired: Bool,
        note: String? = nil, scheduledAt: Date? = nil, actingRole: Role? = nil
    ) {
        self.action = action
        self.from = from
        self.to = to
        self.makesLive = makesLive
        self.noteRequired = noteRequired
        self.note = note
        self.scheduledAt = scheduledAt
        self.actingRole = actingRole
    }
}
