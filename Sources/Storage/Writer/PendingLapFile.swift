import CZlib
import Coaching
import Foundation
import Telemetry

/// The file format of a lap waiting to be stored (`PendingLapDirectory`): the lap exactly as the
/// writer would insert it (`PreparedLap`: summary, first-frame session time, encoded telemetry),
/// with its session and driver, so storing it later writes the very same rows.
///
/// Layout, little-endian: `"TBPL"`, version `1`, u32 header length, the header as JSON, u32
/// telemetry length, the telemetry blob (`LapTelemetryCodec`, whole or chunked: its magic says
/// which), then a CRC-32 (zlib's) of every byte before it. Anything that does not check out is `StorageError.corruptBlob`.
enum PendingLapFile {
    static let magic: [UInt8] = Array("TBPL".utf8)
    static let version: UInt8 = 1
    /// A header is a few KB (corners and braking zones); 16 MiB means a damaged length field.
    static let maximumHeaderBytes = 16 << 20

    struct Header: Codable, Equatable {
        var sessionID: String
        var driverID: Int64
        var startTime: Double
        var channelMask: UInt32
        var frameCount: Int
        var lapNumber: Int32
        var lapTime: Double?
        var isValid: Bool
        var invalidReason: String?
        var deltaToReference: Double?
        var corners: [CornerMetrics]
        var brakingZones: [BrakingZone]
    }

    static func encode(_ prepared: PreparedLap, sessionID: String, driverID: Int64) throws(StorageError) -> [UInt8] {
        let lap = prepared.lap
        let header = Header(
            sessionID: sessionID, driverID: driverID, startTime: prepared.startTime,
            channelMask: prepared.channelMask.rawValue, frameCount: prepared.frameCount, lapNumber: lap.lapNumber,
            lapTime: lap.lapTime, isValid: lap.isValid, invalidReason: lap.invalidReason,
            deltaToReference: lap.deltaToReference, corners: lap.corners, brakingZones: lap.brakingZones)
        let json: Data
        do { json = try encoder.encode(header) } catch {
            throw .invalidInput("lap \(lap.lapNumber) does not encode for its pending file: \(error)")
        }
        var writer = ByteWriter(capacity: 17 + json.count + prepared.telemetry.count)
        writer.append(magic)
        writer.append(version)
        writer.appendLittleEndian(UInt32(json.count))
        writer.append([UInt8](json))
        writer.appendLittleEndian(UInt32(prepared.telemetry.count))
        writer.append([UInt8](prepared.telemetry))
        writer.appendLittleEndian(checksum(writer.bytes[...]))
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) throws(StorageError) -> (header: Header, prepared: PreparedLap) {
        guard bytes.count >= 4 else { throw .corruptBlob("pending lap: truncated") }
        let body = bytes[..<(bytes.count - 4)]
        var tail = ByteReader(Array(bytes[(bytes.count - 4)...]), context: "pending lap")
        guard try tail.readLittleEndianUInt32() == checksum(body) else { throw .corruptBlob("pending lap: checksum mismatch") }
        var reader = ByteReader(Array(body), context: "pending lap")
        guard Array(try reader.readBytes(4)) == magic else { throw .corruptBlob("pending lap: not a pending lap file") }
        let version = try reader.readByte()
        guard version == Self.version else { throw .corruptBlob("pending lap: unknown version \(version)") }
        let headerLength = Int(try reader.readLittleEndianUInt32())
        guard headerLength <= maximumHeaderBytes else { throw .corruptBlob("pending lap: header of \(headerLength) bytes") }
        let header: Header
        do { header = try decoder.decode(Header.self, from: Data(try reader.readBytes(headerLength))) } catch {
            throw .corruptBlob("pending lap: header does not decode: \(error)")
        }
        let telemetry = Data(try reader.readBytes(Int(try reader.readLittleEndianUInt32())))
        guard reader.isAtEnd else { throw .corruptBlob("pending lap: bytes after the telemetry") }
        // The blob's own checks (frame count, mask, lengths) run before anything is inserted.
        let codec = try LapTelemetryCodec.Layout(of: telemetry).rawValue
        guard try LapTelemetryCodec.decode(telemetry, codec: codec).count == header.frameCount else {
            throw .corruptBlob("pending lap: telemetry frame count differs from the header")
        }
        let lap = CompletedLap(
            lapNumber: header.lapNumber, lapTime: header.lapTime, isValid: header.isValid,
            invalidReason: header.invalidReason, deltaToReference: header.deltaToReference, frames: [],
            corners: header.corners, brakingZones: header.brakingZones)
        let prepared = try PreparedLap(
            lap: lap, startTime: header.startTime, telemetry: telemetry,
            channelMask: ChannelMask(rawValue: header.channelMask), frameCount: header.frameCount)
        return (header, prepared)
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    /// NaN corner numbers (unmeasurable) must survive the round trip, as they do in SQLite as NULL.
    private static let nonFinite = (positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        return decoder
    }
}
