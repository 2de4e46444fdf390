import Coaching
import Foundation
import GRDB

// Cues are stored one row each; `CueNumbers` (eight optional numbers that grow with the
// detectors) is kept as JSON so adding a number needs no migration.

extension RecordedCue {
    init(row: Row) throws {
        let kindName: String = try row.decode(forColumn: "kind")
        let topicName: String = try row.decode(forColumn: "topic")
        guard let kind = Cue.Kind(rawValue: kindName), let topic = Cue.Topic(rawValue: topicName) else {
            throw StorageError.corruptBlob("cue with unknown kind \(kindName) or topic \(topicName)")
        }
        let numbersJSON: String = try row.decode(forColumn: "numbers_json")
        let numbers = try JSONDecoder().decode(CueNumbers.self, from: Data(numbersJSON.utf8))
        let cueID: Int64 = try row.decode(forColumn: "cue_id")
        let batchSequence: Int64 = try row.decode(forColumn: "batch_sequence")
        var cue = Cue(
            id: UInt64(bitPattern: cueID), kind: kind, topic: topic, corner: try row.decode(forColumn: "corner"),
            cornerName: try row.decode(forColumn: "corner_name"), severity: try row.decode(forColumn: "severity"),
            text: try row.decode(forColumn: "text"), numbers: numbers,
            batchSequence: UInt64(bitPattern: batchSequence), deadlineDistance: try row.decode(forColumn: "deadline")
        )
        // Columns of `v12-cue-places`: nil for cues stored before.
        cue.saidDistance = try row.decode(forColumn: "said_distance")
        cue.from = try row.decode(forColumn: "from_name")
        self.init(cue: cue, lapNumber: try row.decode(forColumn: "lap_number"), sentAt: try row.decode(forColumn: "sent_at"))
    }
}

extension Cue {
    /// Inserts the cue unless the session already holds its id (a resumed session re-sending).
    func insert(_ db: Database, sessionID: String, lapNumber: Int32, sentAt: Date) throws {
        let numbersJSON = String(decoding: try JSONEncoder().encode(numbers), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO cues (session_id, cue_id, lap_number, kind, topic, corner, corner_name, severity, text,
                    numbers_json, batch_sequence, deadline, sent_at, said_distance, from_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (session_id, cue_id) DO NOTHING
                """,
            arguments: [
                sessionID, Int64(bitPattern: id), lapNumber, kind.rawValue, topic.rawValue, corner, cornerName, severity,
                text, numbersJSON, Int64(bitPattern: batchSequence), deadlineDistance, sentAt, saidDistance, from,
            ]
        )
    }
}
