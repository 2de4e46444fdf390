#!/usr/bin/env bash
# Installs the Debian packages Trailbrake builds and tests against. Safe to run again:
# it only calls apt-get when something is missing.
set -euo pipefail

packages=(
  pkg-config      # finds the system libraries below for SwiftPM
  libsqlite3-dev  # Storage (GRDB)
  zlib1g-dev      # Storage: lap telemetry compression
  libespeak-ng-dev  # Voice: text-to-speech for spoken cues
  espeak-ng-data    # Voice: espeak-ng's voices and pronunciation dictionaries (en, tr)
  libopus-dev       # Voice: Opus codec
  libopusenc-dev    # Voice: Ogg Opus files in memory
  libogg-dev        # Voice: Ogg container (libopusenc's pkg-config needs it)
  libsoxr-dev       # Voice: resampling espeak's 22,050 Hz to 48 kHz
  libsodium-dev     # trailbrake-client: Salsa20 decryption of Gran Turismo 7 packets
  opus-tools        # tests: opusinfo/opusdec check the Ogg Opus clips
  python3-venv      # tests: scripts/install-python-deps.sh puts pyirsdk (PyPI) in a virtual environment
)

# `--only PKG...`: just these packages instead (e.g. scripts/install-browser-test-deps.sh).
if [ "${1:-}" = "--only" ]; then
  shift
  packages=("$@")
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "system packages: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
