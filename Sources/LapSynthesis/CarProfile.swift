import Coaching

/// The few physical numbers a quasi-steady-state lap needs. Aerodynamic downforce is folded
/// into the grip figures (constant with speed), which is good enough for test ground truth.
public struct CarProfile: Sendable, Equatable {
    public var name: String
    /// Peak lateral acceleration, in g.
    public var lateralGrip: Double
    /// Deceleration at full brake pedal on a straight, in g.
    public var brakingDeceleration: Double
    /// Longitudinal acceleration limit from the driven tyres, in g.
    public var tractionLimit: Double
    /// Engine power at the wheels divided by mass, W/kg.
    public var powerToMass: Double
    /// Drag as deceleration per squared speed: 0.5 * air density * CdA / mass, 1/m.
    public var dragPerMass: Double
    /// Gearing limit, m/s.
    public var topSpeed: Double
    /// Highest speed (m/s) of each forward gear, first gear first.
    public var gearTopSpeeds: [Double]
    /// For the steering channel: wheelbase (m) and steering ratio (wheel angle / road-wheel angle).
    public var wheelbase: Double
    public var steeringRatio: Double

    public init(
        name: String, lateralGrip: Double, brakingDeceleration: Double, tractionLimit: Double, powerToMass: Double,
        dragPerMass: Double, topSpeed: Double, gearTopSpeeds: [Double], wheelbase: Double, steeringRatio: Double
    ) {
        self.name = name
        self.lateralGrip = lateralGrip
        self.brakingDeceleration = brakingDeceleration
        self.tractionLimit = tractionLimit
        self.powerToMass = powerToMass
        self.dragPerMass = dragPerMass
        self.topSpeed = topSpeed
        self.gearTopSpeeds = gearTopSpeeds
        self.wheelbase = wheelbase
        self.steeringRatio = steeringRatio
    }

    /// GT4 class: 1,450 kg, 320 kW, slick tyres (1.45 g lateral, 1.35 g braking), CdA 0.75 m²,
    /// 260 km/h, six gears.
    public static let gt4 = CarProfile(
        name: "GT4", lateralGrip: 1.45, brakingDeceleration: 1.35, tractionLimit: 0.7, powerToMass: 320_000 / 1450,
        dragPerMass: 0.5 * 1.2 * 0.75 / 1450, topSpeed: 260 / 3.6,
        gearTopSpeeds: [70, 100, 135, 170, 210, 260].map { $0 / 3.6 }, wheelbase: 2.6, steeringRatio: 14)

    /// Formula 3 like single-seater: 670 kg with driver, 280 kW, downforce averaged into 2.4 g
    /// lateral and 2.5 g braking, CdA 1.0 m², 270 km/h, six gears.
    public static let formula = CarProfile(
        name: "Formula", lateralGrip: 2.4, brakingDeceleration: 2.5, tractionLimit: 1.1, powerToMass: 280_000 / 670,
        dragPerMass: 0.5 * 1.2 * 1.0 / 670, topSpeed: 270 / 3.6,
        gearTopSpeeds: [85, 115, 150, 185, 225, 270].map { $0 / 3.6 }, wheelbase: 2.9, steeringRatio: 10)

    /// Road car on road tyres: 1,400 kg, 150 kW, 0.95 g lateral, 1.0 g braking, CdA 0.65 m²,
    /// 220 km/h, five gears.
    public static let roadCar = CarProfile(
        name: "Road car", lateralGrip: 0.95, brakingDeceleration: 1.0, tractionLimit: 0.5, powerToMass: 150_000 / 1400,
        dragPerMass: 0.5 * 1.2 * 0.65 / 1400, topSpeed: 220 / 3.6,
        gearTopSpeeds: [55, 95, 135, 175, 220].map { $0 / 3.6 }, wheelbase: 2.7, steeringRatio: 15)
}
