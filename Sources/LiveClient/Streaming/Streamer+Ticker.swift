/// The streamer's one timer: batching deadlines, the watchdogs, and the status line.
extension Streamer {
    nonisolated func tickLoop() async {
        let tick = settings.tick
        var next = ContinuousClock.now + tick
        while !Task.isCancelled {
            do { try await Task.sleep(until: next) } catch { return }
            next = max(next + tick, .now)
            await onTick()
        }
    }

    func onTick() {
        let now = ContinuousClock.now
        // A partial batch whose oldest frame has waited long enough goes out now.
        ring()
        if let opened = link.openedAt, !link.welcomed, now - opened > settings.connectTimeout {
            abortLink("no welcome within \(settings.connectTimeout) of connecting")
        }
        if link.welcomed, let heard = link.lastHeard, outbox.current?.ledger.inFlight ?? 0 > 0,
           now - heard > settings.serverSilence {
            abortLink("the server sent nothing for \(settings.serverSilence) while batches waited for acks")
        }
        if let closeSent = link.closeSentAt, now - closeSent > settings.connectTimeout {
            abortLink("the server did not answer the closing handshake")
        }
        if let lastFrameAt, !sourceEnded {
            let quiet = now - lastFrameAt
            if quiet >= settings.sourceSilence {
                status.sourceSilentFor = quiet
                if !silenceReported {
                    silenceReported = true
                    report(.sourceSilent(quiet))
                }
            }
        }
        if sourceEnded, let drainDeadline, now >= drainDeadline, outbox.current != nil {
            abortLink("the source ended and the server did not take the rest within \(settings.drainTimeout)")
            changed.yield()
        }
        publishStatus(force: false)
    }

    /// Sends a status snapshot when something changed, at most four times a second unless forced.
    func publishStatus(force: Bool) {
        status.bufferedFrames = outbox.bufferedFrames
        let now = ContinuousClock.now
        guard force || lastStatusAt.map({ now - $0 >= .milliseconds(250) }) ?? true else { return }
        guard force || status != lastStatus else { return }
        lastStatus = status
        lastStatusAt = now
        report(.status(status))
    }
}
