#!/usr/bin/env python3
"""Decrypts and parses GT7 datagrams with gt-telem's own code (PyPI `gt-telem`, its Salsa20 from
pycryptodome), for GT7TelemAgreementTests: one hex datagram per input line, one JSON object of
every field gt-telem parsed per output line (floats as float32 bit patterns, listed in
`float32_bits`).
Usage: gt7_telem_decode.py FILE (hex lines; `-` reads standard input).

gt-telem picks the nonce mask from the heartbeat letter it sent, so each datagram is decrypted
with the letter its length implies (296 A, 316 B, 344 ~; 368-byte "C" packets, which gt-telem
does not know, as B: the same mask, and C starts with B's 316 bytes).

`TurismoClient()` broadcasts on the LAN to find a PlayStation; no test may do that, so the
client is built without its constructor and given only what `_handle_data` uses.
"""
import json
import logging
import struct
import sys
import threading

from gt_telem.net.crypto import PDEncyption
from gt_telem.turismo_client import TurismoClient

LETTER_BY_LENGTH = {296: "A", 316: "B", 344: "~", 368: "B"}


def client_for(letter):
    client = TurismoClient.__new__(TurismoClient)
    client.logger = logging.getLogger("gt-telem")
    client.heartbeat_type = letter
    client._crypto = PDEncyption(True, letter)
    client._telem_lock = threading.Lock()
    client._telem = None
    client._telem_update_callbacks = {}
    client._track_detector = type("NoTrackDetector", (), {"detect_track": lambda self, telemetry: None})()
    return client


def main():
    clients = {letter: client_for(letter) for letter in set(LETTER_BY_LENGTH.values())}
    source = sys.stdin if len(sys.argv) < 2 or sys.argv[1] == "-" else open(sys.argv[1], encoding="ascii")
    for line in source:
        line = line.strip()
        if not line:
            continue
        datagram = bytes.fromhex(line)
        client = clients[LETTER_BY_LENGTH[len(datagram)]]
        client._telem = None
        client._handle_data(datagram)
        telemetry = client._telem
        if telemetry is None:
            print(json.dumps({"error": "gt-telem refused the datagram"}))
            continue
        fields = {key: value for key, value in vars(telemetry).items() if not key.startswith("_") and key != "time"}
        # Floats as their float32 bit patterns: exact, whatever the reader's decimal parsing does.
        floats = sorted(key for key, value in fields.items() if isinstance(value, float))
        for key in floats:
            fields[key] = struct.unpack("<I", struct.pack("<f", fields[key]))[0]
        fields["float32_bits"] = floats
        print(json.dumps(fields))


if __name__ == "__main__":
    main()
