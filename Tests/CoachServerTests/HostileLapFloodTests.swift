import CoachServer
import Coaching
import Foundation
import NIOCore
import Storage
import Testing

/// Issue 13 item 2 against a real server (SQLite, the real coach): a client whose lap distance
/// jumps back and forth every frame (50 batches of 120 frames, as in the issue, where it stored
/// 5,999 laps in 3 s) stores no lap, is told `too_many_fragments` and closed (1008), and a driver
/// streaming real laps meanwhile gets each lap committed as fast as before the flood.
@Suite(.serialized) struct HostileLapFloodTests {
    static let trackLength = 600
    static let hello = ClientMessages.hello(trackLength: Double(trackLength))

    struct FloodRound: Sendable {
        var session: String
        var errors: [String]
        var closedForPolicy: Bool
    }

    @Test func jumpingDistancesStoreNoLapsCloseTheClientAndLeaveOtherDriversAlone() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: [])) { server in
            let victim = try await server.addDriver(named: "victim")
            let done = DoneFlag()
            let (result, _) = try await LiveStream.run(url: server.liveURL, token: victim.token, hello: Self.hello) { stream, _ in
                let drive = SyntheticDrive(length: Self.trackLength)
                var driver = LapDriver(drive: drive, stream: stream)
                let alone = try await driver.drive(throughCrossing: 4)
                let flood = Task { try await Self.flood(server, until: done) }
                // Let the flood start before the laps it must not slow down.
                try await Task.sleep(for: .milliseconds(100))
                let flooded = try await driver.drive(throughCrossing: 8)
                await done.set()
                return (alone: alone, flooded: flooded, rounds: try await flood.value)
            }

            let rounds = result.rounds
            #expect(!rounds.isEmpty)
            let laps = LapRepository(database: server.database)
            for round in rounds {
                #expect(round.errors.contains("too_many_fragments"), "errors: \(round.errors)")
                #expect(round.closedForPolicy, "not closed with 1008")
                #expect(try await laps.laps(sessionID: round.session, driverID: server.driverID).isEmpty, "a fragment was stored")
            }

            // The victim's laps: all committed before their `lap` message, and about as fast.
            let alone = result.alone.map(\.latency), flooded = result.flooded.map(\.latency)
            #expect(result.alone.allSatisfy { $0.stored } && result.flooded.allSatisfy { $0.stored })
            let baseline = median(alone.dropFirst())  // the first lap also created the reference
            let worst = flooded.max() ?? .zero
            print("lap latency alone \(alone), during the flood \(flooded) (\(rounds.count) flood connections)")
            #expect(worst <= baseline * 5 + .milliseconds(250), "a lap took \(worst) during the flood, \(baseline) alone")
        }
    }

    /// Connects again and again as the flooding driver, sending the 50 batches of 120
    /// jumping frames each time, until `done`.
    static func flood(_ server: EndToEndServer, until done: DoneFlag) async throws -> [FloodRound] {
        var rounds: [FloodRound] = []
        var time = 1_000.0
        repeat {
            let start = time
            let (round, close) = try await LiveStream.run(url: server.liveURL, token: server.token, hello: hello) { stream, welcome in
                for seq in 1...50 {
                    do { try await stream.send(SyntheticDrive.jumpingBatch(seq: UInt64(seq), startTime: start + Double(seq) * 2)) } catch { break }
                }
                try await stream.inbox.waitUntilClosed()
                let errors = await stream.inbox.all("error").compactMap(\.reply.code)
                return FloodRound(session: welcome.session ?? "", errors: errors, closedForPolicy: false)
            }
            time += 200
            var finished = round
            finished.closedForPolicy = close?.closeCode == .policyViolation
            rounds.append(finished)
        } while !(await done.isSet)
        return rounds
    }
}

/// Drives `SyntheticDrive` laps over a `LiveStream` and times each lap: from sending the batch
/// with the line crossing to the `lap` message (which the server sends after the commit).
struct LapDriver {
    struct Lap: Sendable {
        var number: Int32
        var latency: Duration
        var stored: Bool
        var lapID: Int64?
        /// The ticket of a lap reported not stored yet.
        var pending: UInt64?
    }

    let drive: SyntheticDrive
    let stream: LiveStream
    /// The next frame of `drive` to send, and the sequence of the next batch.
    private(set) var nextFrame = 0
    private(set) var nextSequence: UInt64 = 1
    private var crossings = 0

    init(drive: SyntheticDrive, stream: LiveStream) {
        self.drive = drive
        self.stream = stream
    }

    /// Sends frames up to the `crossing`-th line crossing, one lap message at a time.
    mutating func drive(throughCrossing crossing: Int) async throws -> [Lap] {
        var laps: [Lap] = []
        while crossings < crossing {
            crossings += 1
            let crossingFrame = drive.firstFrame(afterCrossing: crossings)
            let batches = drive.batches(nextFrame..<(crossingFrame + 1), firstSequence: nextSequence)
            let seen = await stream.inbox.count
            for batch in batches { try await stream.send(batch.buffer) }
            let sentAt = ContinuousClock.now
            nextFrame = batches.last?.frames.upperBound ?? nextFrame
            nextSequence += UInt64(batches.count)
            let number = drive.firstLap + Int32(crossings - 1)
            let lap = try await stream.inbox.next("lap", after: seen, where: { $0.lap == number })
            laps.append(Lap(
                number: number, latency: lap.at - sentAt, stored: lap.reply.stored == true, lapID: lap.reply.lap_id,
                pending: lap.reply.pending))
        }
        return laps
    }
}

actor DoneFlag {
    private(set) var isSet = false
    func set() { isSet = true }
}

func median(_ values: some Collection<Duration>) -> Duration {
    let sorted = values.sorted()
    return sorted.isEmpty ? .zero : sorted[sorted.count / 2]
}
