#!/usr/bin/env bash
# Kindling live-session load benchmark (not a test). Builds the app and the load tool in Release, raises the open-files
# limit (every simulated participant is a WebSocket on loopback, two file descriptors per participant), then runs it.
# Example: bench/run.sh --participants 1000 --interval-seconds 30 --duration-seconds 120
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 65536 2>/dev/null || true
if [ "${BENCH_NO_BUILD:-}" != "1" ]; then
  dotnet build src/Kindling.Web -c Release -nologo -v q >/dev/null
  dotnet build bench/Kindling.Bench -c Release -nologo -v q >/dev/null
fi
exec dotnet bench/Kindling.Bench/bin/Release/net10.0/Kindling.Bench.dll "$@"
