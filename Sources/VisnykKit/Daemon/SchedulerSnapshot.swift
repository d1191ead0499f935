import Foundation

/// What the scheduler has done since start, for sd_notify's STATUS= line.
public struct SchedulerSnapshot: Sendable, Equatable {
    public var sources = 0
    public var failing = 0
    public var retired = 0
    public var polls = 0
    public var newArticles = 0
    public var lastPollAt: Date?
    /// In a cluster: why the last claim on the shared database failed; nil once one works.
    public var clusterProblem: String?

    public init() {}

    /// "12 sources (1 failing), 340 polls, 57 new articles since start, last poll 07:31:02Z"
    public var statusLine: String {
        var line = "\(sources) sources"
        var notes: [String] = []
        if failing > 0 { notes.append("\(failing) failing") }
        if retired > 0 { notes.append("\(retired) retired") }
        if !notes.isEmpty { line += " (" + notes.joined(separator: ", ") + ")" }
        line += ", \(polls) polls, \(newArticles) new articles since start"
        if let last = lastPollAt {
            line += ", last poll " + last.formatted(.iso8601)
        }
        if clusterProblem != nil { line += "; the state database fails, nothing new is claimed" }
        return line
    }
}
