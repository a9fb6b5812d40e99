/// Subjects the demo newsroom draws for its illustrations (the project makes its own images; nothing is copied).
public enum Motif: String, Sendable, CaseIterable {
    case skyline, sea, mountains, chart, stadium, sunrise, circuit, fields, bridge, lanterns, globe, books
}
