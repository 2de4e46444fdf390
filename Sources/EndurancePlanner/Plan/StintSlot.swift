import Foundation

/// One stint to fill: a car, its number and its time. The race is cut into stints of the
/// event's stint length from the green flag; the last one ends with the race.
public struct StintSlot: Sendable, Hashable {
    public var carIndex: Int
    public var number: Int
    public var time: TimeRange

    /// Every car's stints, in the order they start (cars in event order at the same time).
    public static func slots(for event: EnduranceEvent) -> [StintSlot] {
        guard event.stintMinutes > 0, event.lengthMinutes > 0 else { return [] }
        let count = (event.lengthMinutes + event.stintMinutes - 1) / event.stintMinutes
        var slots: [StintSlot] = []
        for number in 1...count {
            let offset = (number - 1) * event.stintMinutes
            let minutes = min(event.stintMinutes, event.lengthMinutes - offset)
            let start = event.start.addingTimeInterval(TimeInterval(offset * 60))
            for carIndex in event.cars.indices {
                slots.append(StintSlot(carIndex: carIndex, number: number, time: TimeRange(start: start, minutes: minutes)))
            }
        }
        return slots
    }
}
