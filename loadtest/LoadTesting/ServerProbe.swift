import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads the server's resident memory: from its `/metrics` (the `process_resident_memory_bytes`
/// gauge), else from `/proc/PID/status` when the server runs on this machine.
public struct ServerProbe: Sendable {
    /// `http(s)://host:port/metrics`; nil to skip.
    public var metricsURL: URL?
    /// PID of a local server; nil to skip.
    public var processID: Int?

    public init(metricsURL: URL? = nil, processID: Int? = nil) {
        self.metricsURL = metricsURL
        self.processID = processID
    }

    /// The metrics URL beside a live endpoint URL: same host and port, `http(s)`.
    public static func metricsURL(forLive url: String) -> URL? {
        guard var components = URLComponents(string: url) else { return nil }
        components.scheme = components.scheme == "wss" ? "https" : "http"
        components.path = "/metrics"
        components.query = nil
        return components.url
    }

    /// Resident bytes and where they came from; nil when neither source answers.
    public func residentMemory() async -> (bytes: Int, source: String)? {
        if let metricsURL, let bytes = await Self.scrape(metricsURL) { return (bytes, "metrics") }
        if let processID, let bytes = Self.procResident(pid: processID) { return (bytes, "proc") }
        return nil
    }

    static func scrape(_ url: URL) async -> Int? {
        guard let (data, _) = try? await URLSession.shared.data(from: url) else { return nil }
        return parseGauge("process_resident_memory_bytes", in: String(decoding: data, as: UTF8.self))
    }

    /// The value of an undimensioned gauge in Prometheus text.
    static func parseGauge(_ name: String, in text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            guard let value = line.split(separator: " ").last.flatMap({ Double($0) }), value.isFinite,
                (0..<9e18).contains(value)
            else { return nil }
            return Int(value)
        }
        return nil
    }

    /// `VmRSS` of `/proc/PID/status`, in bytes.
    static func procResident(pid: Int) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1_024 }
        }
        return nil
    }
}
