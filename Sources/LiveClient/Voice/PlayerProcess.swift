import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the driver's player command (`--play "ffplay -nodisp -autoexit -"`) through the shell
/// with one clip on its standard input, and waits for it to finish.
struct PlayerProcess: Sendable {
    let command: String

    enum Outcome: Sendable, Equatable {
        case played
        case failed(String)
    }

    /// Plays `audio` (an Ogg Opus file); the player is killed after `limit` (a hung player must
    /// not silence every later cue).
    func play(_ audio: [UInt8], limit: Duration) async -> Outcome {
        Self.ignoreBrokenPipes()
        let process = Process()
        #if os(Windows)
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["ComSpec"] ?? "C:\\Windows\\System32\\cmd.exe")
        process.arguments = ["/c", command]
        #else
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        #endif
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exit = AsyncStream.makeStream(of: Int32.self, bufferingPolicy: .bufferingNewest(1))
        process.terminationHandler = { finished in
            exit.continuation.yield(finished.terminationStatus)
            exit.continuation.finish()
        }
        do { try process.run() } catch {
            return .failed("cannot start the player (\(command)): \(error.localizedDescription)")
        }
        // A player that stops reading must not block us: the write runs on its own thread.
        let writer = input.fileHandleForWriting
        Thread.detachNewThread {
            try? writer.write(contentsOf: audio)
            try? writer.close()
        }
        // The exit, or nil when the limit came first.
        let exited = await withTaskGroup(of: Int32?.self) { group in
            group.addTask {
                var iterator = exit.stream.makeAsyncIterator()
                return await iterator.next() ?? -1
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
        guard let status = exited else {
            process.terminate()
            return .failed("the player was still running after \(limit); stopped")
        }
        return status == 0 ? .played : .failed("the player exited with status \(status)")
    }

    /// Writing to a player that already exited must be an error, not a SIGPIPE that kills us.
    private static func ignoreBrokenPipes() {
        #if !os(Windows)
        signal(SIGPIPE, SIG_IGN)
        #endif
    }
}
