import FrameRing
import Foundation
import Testing

/// A payload whose second word is derived from the first, so a torn or stale slot read shows up
/// as a checksum mismatch, and a lost, duplicated or reordered element as a sequence mismatch.
private struct CheckedElement: BitwiseCopyable {
    static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15  // large odd constant

    var sequence: UInt64
    var checksum: UInt64

    init(_ sequence: UInt64) {
        self.sequence = sequence
        checksum = sequence &* Self.multiplier
    }

    var isIntact: Bool { checksum == sequence &* Self.multiplier }
}

/// What the consumer saw; checked on the test's thread after the consumer is done.
private struct ConsumerReport: Sendable {
    var received: UInt64 = 0
    var firstOutOfOrder: UInt64?
    var firstCorrupt: UInt64?
}

@Suite struct RingConcurrencyTests {
    /// Two real OS threads, so producer and consumer truly run at once on the two cores.
    @Test func twoThreadsPassAMillionElementsInOrder() async {
        let total: UInt64 = 1_000_000
        let ring = SPSCRing<CheckedElement>(capacity: 1024)

        let producer = Thread {
            var next: UInt64 = 0
            while next < total {
                // Alternate single pushes and small batches to exercise both paths.
                if next % 3 == 0 {
                    let batch = (next..<min(next + 17, total)).map(CheckedElement.init)
                    let pushed = ring.push(contentsOf: batch)
                    next += UInt64(pushed)
                    if pushed == 0 { sched_yield() }
                } else if ring.push(CheckedElement(next)) {
                    next += 1
                } else {
                    sched_yield()
                }
            }
        }

        let report = await withCheckedContinuation { (continuation: CheckedContinuation<ConsumerReport, Never>) in
            let consumer = Thread {
                var report = ConsumerReport()
                while report.received < total {
                    let drained = ring.drain(maxCount: 100) { element in
                        if element.sequence != report.received, report.firstOutOfOrder == nil {
                            report.firstOutOfOrder = report.received
                        }
                        if !element.isIntact, report.firstCorrupt == nil { report.firstCorrupt = element.sequence }
                        report.received += 1
                    }
                    if drained == 0 {
                        if let element = ring.pop() {
                            if element.sequence != report.received, report.firstOutOfOrder == nil {
                                report.firstOutOfOrder = report.received
                            }
                            if !element.isIntact, report.firstCorrupt == nil { report.firstCorrupt = element.sequence }
                            report.received += 1
                        } else {
                            sched_yield()
                        }
                    }
                }
                continuation.resume(returning: report)
            }
            consumer.start()
            producer.start()
        }

        #expect(report.received == total)
        #expect(report.firstOutOfOrder == nil)
        #expect(report.firstCorrupt == nil)
        #expect(ring.pop() == nil, "nothing beyond the last element (no duplicates)")
    }

    /// The server's shape: the event loop pushes, a coaching task drains.
    @Test func producerTaskAndConsumerTask() async {
        let total: UInt64 = 100_000
        let ring = SPSCRing<CheckedElement>(capacity: 256)

        let producer = Task.detached {
            var next: UInt64 = 0
            while next < total {
                if ring.push(CheckedElement(next)) { next += 1 } else { await Task.yield() }
            }
        }
        let consumer = Task.detached { () -> ConsumerReport in
            var report = ConsumerReport()
            while report.received < total {
                let drained = ring.drain { element in
                    if element.sequence != report.received, report.firstOutOfOrder == nil {
                        report.firstOutOfOrder = report.received
                    }
                    if !element.isIntact, report.firstCorrupt == nil { report.firstCorrupt = element.sequence }
                    report.received += 1
                }
                if drained == 0 { await Task.yield() }
            }
            return report
        }

        await producer.value
        let report = await consumer.value
        #expect(report.received == total)
        #expect(report.firstOutOfOrder == nil)
        #expect(report.firstCorrupt == nil)
        #expect(ring.approximateCount == 0)
    }
}
