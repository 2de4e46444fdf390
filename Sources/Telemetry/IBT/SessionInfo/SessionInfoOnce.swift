import Synchronization

/// One file's session info, parsed at most once: the first caller parses under the lock (a
/// second caller waits for that parse instead of starting its own), and the outcome, an error
/// included, is kept for every later caller.
final class SessionInfoOnce: Sendable {
    private let outcome = Mutex<Result<IBTSessionInfo, IBTError>?>(nil)

    func value(_ parse: () throws(IBTError) -> IBTSessionInfo) throws(IBTError) -> IBTSessionInfo {
        let result = outcome.withLock { stored -> Result<IBTSessionInfo, IBTError> in
            if let stored { return stored }
            let parsed: Result<IBTSessionInfo, IBTError>
            do throws(IBTError) { parsed = .success(try parse()) } catch { parsed = .failure(error) }
            stored = parsed
            return parsed
        }
        return try result.get()
    }

}
