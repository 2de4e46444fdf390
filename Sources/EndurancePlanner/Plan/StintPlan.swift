/// A plan: for each car, its stints in order with who drives and who spots, and the captain.
public struct StintPlan: Sendable, Hashable, Codable {
    public var cars: [CarPlan]

    public init(cars: [CarPlan]) { self.cars = cars }

    /// Every stint of every car, in the order they start.
    public var allStints: [(car: String, stint: PlannedStint)] {
        cars.flatMap { car in car.stints.map { (car: car.carID, stint: $0) } }
            .sorted { ($0.stint.time.start, $0.car) < ($1.stint.time.start, $1.car) }
    }

    /// The stints a driver drives, in order (what their reminder DMs are made from).
    public func stints(drivenBy driver: DriverID) -> [(car: String, stint: PlannedStint)] {
        allStints.filter { $0.stint.driver == driver }
    }
}

public struct CarPlan: Sendable, Hashable, Codable {
    public var carID: String
    public var captain: DriverID?
    public var stints: [PlannedStint]

    public init(carID: String, captain: DriverID?, stints: [PlannedStint]) {
        self.carID = carID
        self.captain = captain
        self.stints = stints
    }
}

public struct PlannedStint: Sendable, Hashable, Codable {
    /// 1-based, per car.
    public var number: Int
    public var time: TimeRange
    public var driver: DriverID
    public var spotter: DriverID?

    public init(number: Int, time: TimeRange, driver: DriverID, spotter: DriverID? = nil) {
        self.number = number
        self.time = time
        self.driver = driver
        self.spotter = spotter
    }
}
