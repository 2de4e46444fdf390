#!/usr/bin/env python3
"""Prints the async frame size of Swift async functions in a built binary.

Every async function has an "async function pointer" (mangled name ending in `Tu`): a 32-bit
relative offset to its code, then the 32-bit size of the context (frame) a call allocates on
the task's allocator. A task keeps the slabs its deepest frames needed until it ends, so the
frames of a long-lived task (a connection's) are memory per driver (docs/performance.md).

usage: scripts/async-frame-sizes.py BINARY [SUBSTRING...]
       e.g. scripts/async-frame-sizes.py .build/release/trailbrake LiveConnection TrailbrakeServer.run
Prints "bytes  demangled name" for each function whose demangled name contains a substring
(every async function when none is given), largest first. Needs nm, readelf and swift demangle.
"""
import re
import struct
import subprocess
import sys


def sections(binary):
    """(virtual address, file offset, size) of each section with an address."""
    listing = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout
    found = []
    for line in listing.splitlines():
        match = re.match(r"\s*\[\s*\d+\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if match and int(match.group(1), 16) != 0:
            found.append(tuple(int(group, 16) for group in match.groups()))
    return found


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary, wanted = sys.argv[1], sys.argv[2:]
    symbols = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    pointers = []
    for line in symbols.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[2].endswith("Tu"):
            pointers.append((int(parts[0], 16), parts[2]))
    names = subprocess.run(
        ["swift", "demangle", "--simplified"], input="\n".join(name for _, name in pointers),
        capture_output=True, text=True, check=True).stdout.splitlines()
    data = open(binary, "rb").read()
    layout = sections(binary)
    rows = []
    for (address, _), name in zip(pointers, names):
        if wanted and not any(part in name for part in wanted):
            continue
        for start, offset, size in layout:
            if start <= address < start + size:
                _, context_size = struct.unpack("<iI", data[offset + address - start:offset + address - start + 8])
                rows.append((context_size, name.replace("async function pointer to ", "")))
                break
    for context_size, name in sorted(rows, reverse=True):
        print(f"{context_size:6d}  {name}")


if __name__ == "__main__":
    main()
