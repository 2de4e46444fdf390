import ArgumentParser
import Foundation
import LoadTesting

/// `trailbrake-load run`: many simulated drivers, a live progress line, a final table and an
/// optional JSON report.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run many simulated drivers against a server and measure it.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var source: SourceOptions
    @OptionGroup var pacing: PacingOptions

    @Option(help: "Number of simulated drivers.") var drivers = 10
    @Option(help: "Seconds the run lasts, ramp-up included.") var duration = 30.0
    @Option(help: "Seconds over which the drivers start.") var rampUp = 0.0
    @Option(help: "coaching (the live endpoint) or echo (the server's echo endpoint, server.echo_path).")
    var target: LoadOptions.Target = .coaching
    @Option(help: "Path of the echo endpoint for --target echo.") var echoPath = "/bench/echo"
    @Option(help: "Each driver drops its socket once after this many seconds and resumes its session.")
    var reconnectAfter: Double?
    @Option(help: "PID of a server on this machine, to read its memory from /proc when /metrics has none.")
    var serverPid: Int?
    @Option(help: "Write the JSON report here (schema in docs/performance.md).") var report: String?
    @Option(help: "Log every lap the server says it stored here, one JSON line each (scripts/crash-under-load.sh).")
    var storedLaps: String?

    func run() async throws {
        let url = connection.url(path: target == .echo ? echoPath : "/api/v1/coaching/live")
        var options = LoadOptions(url: url, tokens: try connection.loadTokens())
        options.tls = try connection.tlsConfiguration(for: url)
        options.drivers = drivers
        options.duration = .seconds(duration)
        options.rampUp = .seconds(rampUp)
        options.target = target
        options.reconnectAfter = reconnectAfter.map { .seconds($0) }
        options.probe = ServerProbe(metricsURL: ServerProbe.metricsURL(forLive: url), processID: serverPid)
        options.storedLaps = try storedLaps.map { path throws(LoadError) in try StoredLapLog(path: path) }
        pacing.apply(to: &options)
        let result: LoadReport
        do {
            result = try await LoadRun(options: options, source: try source.source).run { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        } catch let error as LoadError {
            throw ValidationError(error.description)
        }
        print(result.table)
        if let report {
            try result.json().write(to: URL(fileURLWithPath: report))
        }
    }
}
