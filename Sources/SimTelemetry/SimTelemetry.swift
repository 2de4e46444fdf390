/// Sims' own live telemetry packets decoded into the protocol's `TelemetryFrame`s.
///
/// Each sim has a folder: its packet layout (bytes in, a typed packet out, with a stable error
/// for every malformed datagram) and its mapping to frames. Nothing here opens a socket; the
/// client's adapters (`LiveClient`) feed the bytes in.
public enum SimTelemetry {}
