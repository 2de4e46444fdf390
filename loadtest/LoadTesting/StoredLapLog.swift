import Foundation
import Synchronization

/// Every `lap` message with `"stored": true` the drivers received, one JSON line each
/// (`{"driver":3,"session":"…","lap":12,"lap_id":345}`), written the moment it arrives: the
/// server promises such a lap is committed, so after a crash the database must hold every lap
/// this file names (scripts/crash-under-load.sh checks it). Lines are written unbuffered, so
/// the file is complete whenever the tool stops.
public final class StoredLapLog: Sendable {
    private let handle: Mutex<FileHandle>

    /// Creates (or empties) the file at `path`.
    public init(path: String) throws(LoadError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw LoadError(.invalidOption, "cannot write the stored-lap log \(path)")
        }
        self.handle = Mutex(handle)
    }

    func record(driver: Int, session: String, lap: Int, lapID: Int64) {
        let line = "{\"driver\":\(driver),\"session\":\(Self.quoted(session)),\"lap\":\(lap),\"lap_id\":\(lapID)}\n"
        handle.withLock { $0.write(Data(line.utf8)) }
    }

    /// The session id as a JSON string (ids are UUIDs; anything else is escaped, not trusted).
    private static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
