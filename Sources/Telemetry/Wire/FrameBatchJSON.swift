/// The JSON form of a frame batch: `{"type":"frames","seq":7,"frames":[{"t":...}, ...]}`.
struct FrameBatchJSON: Decodable {
    let batch: FrameBatch

    enum CodingKeys: String, CodingKey { case seq, frames }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let sequence = try? container.decode(UInt64.self, forKey: .seq) else {
            throw WireError(.malformedJSON, "frames message needs \"seq\", a non-negative integer")
        }
        guard var list = try? container.nestedUnkeyedContainer(forKey: .frames) else {
            throw WireError(.malformedJSON, "frames message needs \"frames\", an array")
        }
        let count = list.count ?? 0
        guard (1...FrameBatch.maximumFrameCount).contains(count) else {
            throw WireError(.badFrameCount, "batch holds \(count) frames; 1 to \(FrameBatch.maximumFrameCount) allowed")
        }
        var frames: [TelemetryFrame] = []
        frames.reserveCapacity(count)
        while !list.isAtEnd {
            let index = list.currentIndex
            guard let keyed = try? list.nestedContainer(keyedBy: FrameJSONKey.self) else {
                throw WireError(.invalidValue, "frame \(index) is not a JSON object")
            }
            frames.append(try FrameJSONReader(container: keyed, index: index).frame())
        }
        batch = FrameBatch(sequence: sequence, frames: frames)
    }
}
