import Foundation
import NIOHTTP1

extension IRacingClient {
    /// One `/data` call with the bearer token: paced by the rate limiter, retried once with a
    /// fresh token on 401, after the reset on 429, and with jittered backoff on 5xx and network
    /// failures (all counted by the circuit breaker).
    func dataCall(_ endpoint: IRacingEndpoint) async throws(IRacingError) -> Data {
        var transientFailures = 0
        var rateLimitWaits = 0
        var refreshedAfter401 = false
        while true {
            try await breaker.check()
            let token = try await session.accessToken()
            let reply: HTTPReply
            do {
                reply = try await send(endpoint, token: token)
            } catch {
                try await recordTransient(error, attempt: &transientFailures)
                continue
            }
            switch reply.status {
            case 200..<300:
                await breaker.recordSuccess()
                return reply.body
            case 401:
                metrics.authFailures.increment()
                guard !refreshedAfter401 else { throw .unauthorized("\(endpoint.path): \(reply.errorWords)") }
                refreshedAfter401 = true
                await session.invalidate(token)
            case 429:
                metrics.rateLimited.increment()
                rateLimitWaits += 1
                guard rateLimitWaits <= configuration.maxRateLimitWaits else {
                    throw .rateLimited("\(endpoint.path): still limited after \(rateLimitWaits - 1) waits")
                }
                let reset = RateLimitHeaders(reply.headers)?.reset
                logger.notice("iRacing rate limit reached; waiting for the reset", metadata: ["endpoint": "\(endpoint.path)"])
                await limiter.exhausted(until: reset, fallbackWait: configuration.rateLimitFallbackWait)
            case 503:
                try await recordTransient(.maintenance("\(endpoint.path): \(reply.errorWords)"), attempt: &transientFailures)
            case 500...:
                try await recordTransient(.transport("\(endpoint.path): HTTP \(reply.status)"), attempt: &transientFailures)
            case 400:
                throw .badRequest("\(endpoint.label): \(reply.errorWords)")
            case 404:
                throw .notFound("\(endpoint.label): \(reply.errorWords)")
            default:
                throw .transport("\(endpoint.path): HTTP \(reply.status)")
            }
        }
    }

    /// Sends one budgeted request and gives the rate limiter the headers back.
    private func send(_ endpoint: IRacingEndpoint, token: String) async throws(IRacingError) -> HTTPReply {
        do { try await limiter.acquire(budgeted: true) } catch { throw .transport("\(endpoint.path): cancelled") }
        metrics.dataRequests.increment()
        let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Accept": "application/json"]
        do {
            let reply = try await transport.get(endpoint.url(base: configuration.dataBaseURL), headers: headers, label: endpoint.path)
            await limiter.release(budgeted: true, headers: RateLimitHeaders(reply.headers))
            return reply
        } catch {
            await limiter.release(budgeted: true, headers: nil)
            throw error
        }
    }

    /// Counts a transient failure; throws it once retries are used up, else waits the backoff.
    private func recordTransient(_ error: IRacingError, attempt: inout Int) async throws(IRacingError) {
        await breaker.recordFailure()
        attempt += 1
        guard attempt <= configuration.maxTransientRetries, error.isTransient else { throw error }
        let delay = configuration.backoff.delay(attempt: attempt)
        logger.info(
            "iRacing call failed; retrying", metadata: ["error": "\(error.code)", "retry_in_s": "\(String(format: "%.2f", delay))"])
        do { try await Task.sleep(for: .seconds(delay)) } catch { throw .transport("cancelled during backoff") }
    }

    /// GETs a pre-signed link or chunk URL, without the bearer token.
    func linkedFile(_ url: String) async throws(IRacingError) -> Data {
        do { try await limiter.acquire(budgeted: false) } catch { throw .transport("linked file: cancelled") }
        let reply: HTTPReply
        do {
            reply = try await transport.get(url, label: "linked file")
            await limiter.release(budgeted: false, headers: nil)
        } catch {
            await limiter.release(budgeted: false, headers: nil)
            throw error
        }
        switch reply.status {
        case 200..<300: return reply.body
        case 403: throw .linkExpired("linked file: HTTP 403")
        case 404: throw .notFound("linked file: HTTP 404")
        default: throw .transport("linked file: HTTP \(reply.status)")
        }
    }
}
