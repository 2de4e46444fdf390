#!/usr/bin/env python3
"""Times pyirsdk doing what `trailbrake-bench ibt` does: open each .ibt and read, with
`IBT.get_all`, the coaching channels (the ones Trailbrake's frames are built from) of every row,
or with `--work all` every channel. pyirsdk's IBT class does not parse the session YAML, and
neither does Trailbrake's `IBTReader`. The fastest of RUNS reads of each file counts. Prints
the same TOTAL line as the Swift bench.

usage: ibt_bench.py [--runs N] [--work coaching|all] FILE.ibt...
"""
import os
import sys
import time

import irsdk

CHANNELS = ['SessionTime', 'Lap', 'LapDist', 'LapDistPct', 'Speed', 'Throttle', 'Brake', 'Clutch',
            'SteeringWheelAngle', 'Gear', 'RPM', 'LatAccel', 'LongAccel', 'YawRate', 'Lat', 'Lon',
            'OnPitRoad', 'PlayerTrackSurface']


def read(path, work):
    ibt = irsdk.IBT()
    ibt.open(path)
    try:
        names = ibt.var_headers_names
        wanted = names if work == 'all' else [name for name in CHANNELS if name in set(names)]
        columns = [ibt.get_all(name) for name in wanted]
        return len(columns[0]) if columns else 0
    finally:
        ibt.close()


def main(argv):
    runs, work = 5, 'coaching'
    while argv[:1] in (['--runs'], ['--work']):
        if argv[0] == '--runs':
            runs = int(argv[1])
        else:
            work = argv[1]
        argv = argv[2:]
    total_bytes = total_rows = total_seconds = 0
    for path in argv:
        best = float('inf')
        for _ in range(runs):
            start = time.perf_counter()
            rows = read(path, work)
            best = min(best, time.perf_counter() - start)
        size = os.path.getsize(path)
        total_bytes, total_rows, total_seconds = total_bytes + size, total_rows + rows, total_seconds + best
        print(f'{os.path.basename(path):56} {size / 1e6:7.2f} MB {rows:6d} rows {best * 1000:8.2f} ms '
              f'{size / 1e6 / best:8.1f} MB/s {rows / best:11.0f} rows/s')
    print(f'TOTAL pyirsdk-{work} mb_per_s={total_bytes / 1e6 / total_seconds:.1f} '
          f'rows_per_s={total_rows / total_seconds:.0f} seconds={total_seconds:.6f}')


if __name__ == '__main__':
    main(sys.argv[1:])
