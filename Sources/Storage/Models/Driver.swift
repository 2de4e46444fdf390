import Foundation

/// A person who drives and is coached. Names are unique (the CLI and Discord address drivers by name).
public struct Driver: Sendable, Equatable, Hashable {
    public var id: Int64
    public var name: String
    public var createdAt: Date

    public init(id: Int64, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}
