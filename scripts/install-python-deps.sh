#!/usr/bin/env bash
# Installs pyirsdk from PyPI into .build-py, a virtual environment (no sudo, nothing system-wide),
# for the tests that compare Trailbrake's .ibt reader with it and for scripts/bench-ibt.sh.
# Safe to run again: it does nothing when the pinned version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

version=1.3.7   # the newest pyirsdk on PyPI (pip index versions pyirsdk), the one shared/data was checked with
venv=.build-py

if [ -x "$venv/bin/python3" ] &&
   "$venv/bin/python3" -c "import irsdk, sys; sys.exit(irsdk.VERSION != '$version')" 2>/dev/null; then
  echo "pyirsdk $version: present"
  exit 0
fi

if ! command -v python3 >/dev/null; then
  echo "pyirsdk: python3 is missing; the pyirsdk agreement tests will be skipped"
  exit 0
fi
echo "pyirsdk: installing $version into $venv"
python3 -m venv "$venv"
"$venv/bin/python3" -m pip install --quiet --disable-pip-version-check "pyirsdk==$version"
