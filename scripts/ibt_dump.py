#!/usr/bin/env python3
"""Dumps .ibt files (and iRacing live memory-map dumps) with pyirsdk, compactly, as JSON.

The Swift test `PyirsdkAgreementTests` runs this and compares every channel of every row with
Trailbrake's reader. Per file: header fields and row count, and per channel its type, count and
an FNV-1a 64-bit hash over every value of every row (row-major, array elements in order) in a
canonical little-endian encoding: char and bool 1 byte (bool 0/1), int int32, bitField uint32,
float and double their IEEE bits. NaN is encoded as the bytes of the text "NaN!" (4 or 8 bytes
"NaN!NaN!") on both sides so that a NaN payload cannot make equal data differ. The first and last
three rows' values are included to make a mismatch readable.

usage: ibt_dump.py FILE.ibt... [--live DUMP.bin]   (prints JSON to stdout)
"""
import json
import math
import struct
import sys

import irsdk

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK = 0xFFFFFFFFFFFFFFFF
# irsdk_VarType: char, bool, int, bitField, float, double
ENCODERS = {
    0: lambda v: bytes(v[:1]),  # pyirsdk reads char as a 1-byte bytes object
    1: lambda v: b'\x01' if v else b'\x00',
    2: lambda v: struct.pack('<i', v),
    3: lambda v: struct.pack('<I', v),
    4: lambda v: b'NaN!' if math.isnan(v) else struct.pack('<f', v),
    5: lambda v: b'NaN!NaN!' if math.isnan(v) else struct.pack('<d', v),
}


def fnv1a(state, data):
    for byte in data:
        state = ((state ^ byte) * FNV_PRIME) & MASK
    return state


def plain(value):
    """JSON-safe sample: bytes as their code, NaN as null."""
    if isinstance(value, (bytes, bytearray)):
        return value[0]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def channel(var_type, rows):
    encode = ENCODERS[var_type]
    state = FNV_OFFSET
    for row in rows:
        for value in (row if isinstance(row, list) else [row]):
            state = fnv1a(state, encode(value))
    return state


def dump_ibt(path):
    ibt = irsdk.IBT()
    ibt.open(path)
    try:
        header, disk = ibt._header, ibt._disk_header
        rows = disk.session_record_count
        channels = []
        for var in ibt._var_headers:
            values = ibt.get_all(var.name)
            channels.append({
                'name': var.name, 'type': var.type, 'count': var.count, 'offset': var.offset,
                'unit': var.unit, 'fnv1a64': format(channel(var.type, values), '016x'),
                'head': [plain(v) if not isinstance(v, list) else [plain(x) for x in v] for v in values[:3]],
                'tail': [plain(v) if not isinstance(v, list) else [plain(x) for x in v] for v in values[-3:]],
            })
        return {
            'version': header.version, 'tickRate': header.tick_rate, 'numVars': header.num_vars,
            'bufLen': header.buf_len, 'bufOffset': header.var_buf[0].buf_offset,
            'sessionInfoLen': header.session_info_len, 'rows': rows,
            'sessionStartDate': disk.session_start_date, 'sessionLapCount': disk.session_lap_count,
            'channels': channels,
        }
    finally:
        ibt.close()


def dump_live(path):
    sdk = irsdk.IRSDK()
    if not sdk.startup(test_file=path):
        raise SystemExit(f'pyirsdk cannot open the live dump {path}')
    sdk.freeze_var_buffer_latest()  # the newest buffer, as a live client reads it
    values = {}
    for name in sdk.var_headers_names:
        value = sdk[name]
        values[name] = [plain(v) for v in value] if isinstance(value, list) else plain(value)
    update = sdk.session_info_update
    weekend = sdk['WeekendInfo']
    track = weekend['TrackName']
    # What a live client's hello says: the track, the player's car, the type of the session driven now.
    drivers = sdk['DriverInfo']
    player = next((d for d in drivers['Drivers'] if d['CarIdx'] == drivers['DriverCarIdx']), {})
    sessions = sdk['SessionInfo']['Sessions']
    current = next((s for s in sessions if s['SessionNum'] == values.get('SessionNum')), {})
    hello = {'track': weekend.get('TrackDisplayName'), 'config': weekend.get('TrackConfigName'),
             'length': weekend.get('TrackLength'), 'car': player.get('CarScreenName'),
             'session': current.get('SessionType')}
    sdk.shutdown()
    return {'sessionInfoUpdate': update, 'trackName': track, 'hello': hello, 'values': values}


def main(argv):
    result, live = {'pyirsdk': irsdk.VERSION, 'files': {}}, None
    args = list(argv)
    if '--live' in args:
        at = args.index('--live')
        live = args[at + 1]
        del args[at:at + 2]
    for path in args:
        result['files'][path.rsplit('/', 1)[-1]] = dump_ibt(path)
    if live:
        result['live'] = dump_live(live)
    json.dump(result, sys.stdout, allow_nan=False)


if __name__ == '__main__':
    main(sys.argv[1:])
