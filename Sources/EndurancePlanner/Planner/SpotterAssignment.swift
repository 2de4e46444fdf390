import Foundation

/// Spotters, chosen after the drivers: for each stint, a team member who is free for all of it
/// and not driving any car then, and not already spotting another car. Those with the fewest
/// spotting minutes go first, and among them one who is not driving just before or after (so a
/// driver's rest stays rest where the team allows it).
struct SpotterAssignment {
    let event: EnduranceEvent
    let drivers: [PlanningDriver]
    let slots: [StintSlot]
    let driverChoice: [Int]

    func assign() throws(PlanningFailure) -> [Int?] {
        var spotting = [Int](repeating: 0, count: drivers.count)
        var result = [Int?](repeating: nil, count: slots.count)
        let rest = Double(event.rules.minRestMinutes * 60)
        for (index, slot) in slots.enumerated() {
            let busy = Set(slots.indices.filter { slots[$0].time.overlaps(slot.time) }.flatMap { other in
                [driverChoice[other]] + (result[other].map { [$0] } ?? [])
            })
            let nearTheirStint: (Int) -> Bool = { member in
                slots.indices.contains { other in
                    driverChoice[other] == member && (slots[other].time.end.timeIntervalSince(slot.time.start) > -rest
                        && slot.time.end.timeIntervalSince(slots[other].time.start) > -rest)
                }
            }
            let choice = drivers.indices
                .filter { !busy.contains($0) && drivers[$0].isAvailable(for: slot.time) }
                .min { (spotting[$0], nearTheirStint($0) ? 1 : 0, $0) < (spotting[$1], nearTheirStint($1) ? 1 : 0, $1) }
            if let choice {
                result[index] = choice
                spotting[choice] += slot.time.minutes
            } else if event.rules.spotterRequired {
                let car = event.cars[slot.carIndex]
                throw PlanningFailure(
                    .nobodyToSpot(car: car.name, stint: slot.number, time: slot.time), carID: car.id, stintNumber: slot.number)
            }
        }
        return result
    }
}
