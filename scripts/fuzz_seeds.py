#!/usr/bin/env python3
"""Copies the seed files of each fuzz target into its corpus folder (Fuzz/corpus/TARGET,
git-ignored): the real files of ../shared/data, read in place at run time and never copied into
the repository, the repository's own shipped files, small lap files made here (`made_seeds`), and the
hand-written seeds of Fuzz/seeds.

CSV exports are cut down so that mutations stay fast: header lines kept, data rows thinned to
one every 0.4 s (a lap stays complete and below LapSplitter's 0.5 s gap) and at most 600 rows.
Seeds that a target makes itself (binary batches from real .ibt frames, ...) are written by
scripts/fuzz.sh running that target with TRAILBRAKE_FUZZ_SEEDS_OUT.

usage: fuzz_seeds.py SHARED_DATA_DIR CORPUS_DIR TARGET...
"""
import csv
import io
import pathlib
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TIME_COLUMNS = ("SessionTime", "t_s", "Time")
MAX_ROWS = 600
ROW_SPACING = 0.4


def thinned_csv(path: pathlib.Path) -> bytes:
    """The file's header lines and a thinned selection of its data rows."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    lines = text.splitlines()
    out, time_index, last_time, rows = [], None, None, 0
    for line in lines:
        fields = next(csv.reader(io.StringIO(line)), [])
        if time_index is None:
            out.append(line)
            for name in TIME_COLUMNS:
                if name in fields:
                    time_index = fields.index(name)
            continue
        try:
            time = float(fields[time_index])
        except (ValueError, IndexError):
            out.append(line)  # units rows, blank lines: keep the structure
            continue
        if last_time is None or time < last_time or time - last_time >= ROW_SPACING:
            out.append(line)
            last_time = time
            rows += 1
            if rows >= MAX_ROWS:
                break
    return ("\n".join(out) + "\n").encode("utf-8")


def files(root: pathlib.Path, pattern: str) -> list:
    return sorted(root.glob(pattern)) if root.is_dir() else []


def csv_text(rows: list) -> bytes:
    return ("\n".join(",".join(str(v) for v in row) for row in rows) + "\n").encode("utf-8")


def made_seeds(target: str) -> list:
    """Small seeds in each lap format's shape, computed here from made-up formulas (no row of
    ../shared/data, and no telemetry-like file in the repository): the edge cases a parser
    must take (empty cells, a second lap, a lap that wraps at the line, a title line)."""
    if target == "fuzz-lap-csv":
        iracing_header = ["SessionTime", "Lap", "LapDist", "LapDistPct", "Speed", "Throttle", "Brake", "Clutch",
                          "SteeringWheelAngle", "Gear", "RPM", "Lat", "Lon", "LatAccel", "LongAccel", "YawRate",
                          "OnPitRoad"]
        iracing = [iracing_header] + [
            [round(10 + i / 60, 4), 1, round(0.5 + 0.7 * i, 1), round(0.001 * (i + 1), 3), round(40.2 + 0.1 * i, 1),
             1, 0, 1, 0.05, 4, 7000 + 10 * i, 10.0, 20.0, 1.2, 0.3, 0.01, 0]
            for i in range(2)]
        road = [["lap", "t_s", "dist_m", "dist_pct", "speed_kmh", "throttle", "brake", "gear", "steer_rad", "rpm"],
                [1, 0.0, 0.0, 0.0, 100.0, 1.0, 0.0, 3, 0.01, 6000],
                [1, 0.1, 2.8, 0.001, 101.0, 1.0, 0.0, 3, 0.02, 6050],
                [1, 0.2, 5.6, 0.002, "", 0.5, 0.2, "", 0.03, ""],  # cells left empty
                [2, 0.0, 0.0, 0.0, 90, 0, 1, 2, -0.1, 5000]]       # a second lap
        return [("iracing-minimal.csv", csv_text(iracing)), ("road-minimal.csv", csv_text(road))]
    if target == "fuzz-lap-export":
        # A Garage 61-style export of an invented oval: the title line the target reads as the
        # file name, the previous lap's last sample, one lap sampled closer on the back
        # straight, and the next lap's first sample.
        percents = [0.998] + [round(0.0125 * i, 5) for i in range(34)]
        percents += [round(0.42083 + 0.00833 * i, 5) for i in range(23)]
        percents += [round(0.61667 + 0.0125 * i, 5) for i in range(31)] + [0.002]
        header = ["Speed", "LapDistPct", "Lat", "Lon", "Brake", "Throttle", "RPM", "SteeringWheelAngle", "Gear",
                  "LatAccel", "LongAccel", "YawRate", "PositionType"]
        rows = [header] + [[30.0, p, 10.0, 20.0, 0, 1, 7000, 0.1, 4, 2.0, 0.1, 0.05, 3] for p in percents]
        title = b"Garage 61 - Test Driver - Synthetic Car - Test Oval - 00.22.004 - 01TEST.csv\n"
        return [("garage61-synthetic.csv", title + csv_text(rows))]
    return []


def seeds_for(target: str, shared: pathlib.Path) -> list:
    """(name, bytes) pairs for one target."""
    csvs = files(shared, "telemetry/derived/*.csv") + files(shared, "telemetry-road/*/derived/*.csv")
    motec = files(shared, "telemetry-road/*/raw/*.csv")
    if target == "fuzz-ibt":
        return [(p.name, p.read_bytes()) for p in files(shared, "telemetry/*.ibt")]
    if target == "fuzz-session-info":
        return [(p.name, p.read_bytes()) for p in files(shared, "telemetry/channels/*.session.yaml")]
    if target == "fuzz-lap-csv":
        return [(p.name, thinned_csv(p)) for p in csvs]
    if target == "fuzz-lap-export":
        # The target reads the first line as the file name.
        return [(p.name, p.name.encode() + b"\n" + thinned_csv(p)) for p in csvs + motec]
    if target == "fuzz-track-geometry":
        return [(p.parent.name + "-" + p.name, p.read_bytes()) for p in files(shared, "tracks/tumftm/*/*.csv")]
    if target == "fuzz-track-map":
        return [(p.name, p.read_bytes()) for p in files(ROOT / "ReferenceLaps", "*.trackmap.json")]
    return []


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    shared, corpus = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    if not shared.is_dir():
        print(f"note: {shared} is absent: seeds from the repository and Fuzz/seeds only")
    for target in sys.argv[3:]:
        folder = corpus / target
        folder.mkdir(parents=True, exist_ok=True)
        seeds = seeds_for(target, shared)
        made = made_seeds(target)
        for name, content in seeds + made:
            (folder / ("seed-" + name)).write_bytes(content)
        written = files(ROOT / "Fuzz" / "seeds" / target, "*")
        for path in written:
            shutil.copyfile(path, folder / ("seed-" + path.name))
        print(f"{target}: {len(seeds)} seeds from files, {len(made)} made here, {len(written)} hand-written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
