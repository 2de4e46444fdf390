/// Three floats in a sim's own axes (GT7 and Forza: world metres, Y up).
public struct Vector3: Sendable, Equatable, Hashable {
    public var x: Float
    public var y: Float
    public var z: Float

    public init(x: Float, y: Float, z: Float) {
        self.x = x
        self.y = y
        self.z = z
    }

    public static let zero = Vector3(x: 0, y: 0, z: 0)
}

/// One value per wheel, in the FL FR RL RR order every layout here uses.
public struct WheelValues: Sendable, Equatable, Hashable {
    public var frontLeft: Float
    public var frontRight: Float
    public var rearLeft: Float
    public var rearRight: Float

    public init(frontLeft: Float, frontRight: Float, rearLeft: Float, rearRight: Float) {
        self.frontLeft = frontLeft
        self.frontRight = frontRight
        self.rearLeft = rearLeft
        self.rearRight = rearRight
    }

    public init(all value: Float) { self.init(frontLeft: value, frontRight: value, rearLeft: value, rearRight: value) }

    public var inOrder: [Float] { [frontLeft, frontRight, rearLeft, rearRight] }
}
