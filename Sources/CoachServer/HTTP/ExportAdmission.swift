import Synchronization

/// How many telemetry exports stream at once, in total and per driver (`[api]`). An export is
/// admitted before any work is done, or refused at once: no queue, so a burst of exports costs
/// the server nothing but the refusals.
final class ExportAdmission: Sendable {
    let maximumTotal: Int
    let maximumPerDriver: Int
    private let state = Mutex<(total: Int, byDriver: [Int64: Int])>((0, [:]))

    init(maximumTotal: Int, maximumPerDriver: Int) {
        self.maximumTotal = maximumTotal
        self.maximumPerDriver = maximumPerDriver
    }

    /// Exports streaming now.
    var activeCount: Int { state.withLock { $0.total } }

    /// A permit for one export, or 429 `too_many_exports` (this driver has enough running) or
    /// 503 `exports_busy` (the server has). The permit is given back when it is released.
    func admit(driverID: Int64) throws(APIError) -> ExportPermit {
        let refusal: APIError? = state.withLock { state in
            if state.byDriver[driverID, default: 0] >= maximumPerDriver {
                return APIError(.tooManyExports, "you have \(maximumPerDriver) exports running; wait for one to finish")
            }
            if state.total >= maximumTotal {
                return APIError(.exportsBusy, "the server is running \(maximumTotal) exports; try again shortly")
            }
            state.total += 1
            state.byDriver[driverID, default: 0] += 1
            return nil
        }
        if let refusal { throw refusal }
        return ExportPermit(admission: self, driverID: driverID)
    }

    fileprivate func release(driverID: Int64) {
        state.withLock { state in
            state.total -= 1
            let remaining = state.byDriver[driverID, default: 1] - 1
            state.byDriver[driverID] = remaining > 0 ? remaining : nil
        }
    }
}

/// One admitted export. The streaming body gives it back when its last byte is written
/// (`release`); should the body never run or stop half-way, it is given back when the last
/// reference goes, so it returns however the response ends.
final class ExportPermit: Sendable {
    private let admission: ExportAdmission
    private let driverID: Int64
    private let held = Mutex(true)

    fileprivate init(admission: ExportAdmission, driverID: Int64) {
        self.admission = admission
        self.driverID = driverID
    }

    /// Gives the slot back; later calls do nothing.
    func release() {
        guard held.withLock({ held in defer { held = false }; return held }) else { return }
        admission.release(driverID: driverID)
    }

    deinit { release() }
}
