import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// A fake OpenTelemetry collector on 127.0.0.1 (free port) taking OTLP/HTTP exports at
/// `POST /v1/traces` as a real collector does: protobuf or JSON by `Content-Type`, 415 for
/// anything else, 400 for a body it cannot read, and the status `respondWith` sets (500 or 503
/// make it a failing collector). Every span it accepted is kept; tests wait for spans with
/// `spans(where:count:within:)`, woken by arrivals, not by polling.
public final class FakeOTLPCollector: Sendable {
    private let state = Mutex(State())

    struct State {
        var url = ""
        var spans: [ExportedSpan] = []
        var requests = 0
        var contentTypes: Set<String> = []
        var status: HTTPResponse.Status = .ok
        var waiters: [UInt64: (predicate: @Sendable ([ExportedSpan]) -> Bool, continuation: CheckedContinuation<Void, Never>)] = [:]
        var nextWaiter: UInt64 = 0
    }

    /// `http://127.0.0.1:PORT/v1/traces`, once the collector listens.
    public var tracesURL: String { state.withLock { $0.url } }

    /// Every span accepted so far.
    public var spans: [ExportedSpan] { state.withLock { $0.spans } }
    /// Export requests received, accepted or not.
    public var requestCount: Int { state.withLock { $0.requests } }
    public var contentTypes: Set<String> { state.withLock { $0.contentTypes } }

    /// The status later exports get (200 accepts and keeps the spans; others drop them).
    public func respondWith(_ status: HTTPResponse.Status) { state.withLock { $0.status = status } }

    /// Waits until the accepted spans satisfy `predicate`, or `within` runs out; returns them.
    public func spans(within timeout: Duration, until predicate: @escaping @Sendable ([ExportedSpan]) -> Bool) async -> [ExportedSpan] {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let satisfied = self.state.withLock { state -> Bool in
                        if predicate(state.spans) { return true }
                        state.waiters[id] = (predicate, continuation)
                        return false
                    }
                    if satisfied { continuation.resume() }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                self.state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
            }
            await group.next()
            group.cancelAll()
            self.state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
        }
        return spans
    }

    /// Takes one export: decodes it, keeps its spans when answering 200, wakes waiters.
    func receive(body: Data, contentType: String) -> HTTPResponse.Status {
        let decoded: [ExportedSpan]?
        switch contentType.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces) }) {
        case "application/x-protobuf": decoded = try? OTLPProtobufReader.spans(from: [UInt8](body))
        case "application/json": decoded = try? OTLPJSONReader.spans(from: body)
        default: return .unsupportedMediaType
        }
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.requests += 1
            state.contentTypes.insert(contentType)
            guard state.status == .ok, let decoded else { return [] }
            state.spans.append(contentsOf: decoded)
            let met = state.waiters.filter { $0.value.predicate(state.spans) }
            for id in met.keys { state.waiters.removeValue(forKey: id) }
            return met.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
        if decoded == nil { return .badRequest }
        return state.withLock { $0.status }
    }

    /// Runs a collector for `body`, then stops it.
    public static func with<T: Sendable>(_ body: @Sendable (FakeOTLPCollector) async throws -> T) async throws -> T {
        var logger = Logger(label: "fake-otlp-collector")
        logger.logLevel = .critical
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        let collector = FakeOTLPCollector()
        let router = Router()
        router.post("/v1/traces") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 16 << 20)
            let status = collector.receive(
                body: Data(buffer.readableBytesView), contentType: request.headers[.contentType] ?? "")
            guard status == .ok else { return Response(status: status) }
            // An empty ExportTraceServiceResponse in the request's encoding (protobuf: no bytes).
            let json = request.headers[.contentType]?.hasPrefix("application/json") == true
            return Response(
                status: .ok, headers: [.contentType: json ? "application/json" : "application/x-protobuf"],
                body: .init(byteBuffer: ByteBuffer(string: json ? "{}" : "")))
        }
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "fake-otlp"),
            onServerRunning: { channel in continuation.yield("http://127.0.0.1:\(channel.localAddress?.port ?? 0)/v1/traces") },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = urls.makeAsyncIterator()
            guard let url = await iterator.next() else { throw OTLPDecodingError("the fake collector did not start") }
            collector.state.withLock { $0.url = url }
            let result: Result<T, any Error>
            do { result = .success(try await body(collector)) } catch { result = .failure(error) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }
}
