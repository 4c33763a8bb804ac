#!/usr/bin/env bash
# Kindling page-load benchmark (not a test): a signed-in member of a 1,000-member cohort loads each member page with
# Debian's wrk (-t2 -c50 -d15s by default, on the same cores as the server), plus the live room of a session holding
# 1,400 responses and cold start. See docs/performance.md. Example: bench/pages.sh --markdown
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install -y wrk"; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "${BENCH_NO_BUILD:-}" != "1" ]; then
  dotnet build src/Kindling.Web -c Release -nologo -v q >/dev/null
  dotnet build bench/Kindling.Bench -c Release -nologo -v q >/dev/null
  # Published as docs/operations.md installs it (self-contained, composite ReadyToRun), for the second cold-start
  # line. That publish takes about 4 minutes on 2 cores: it compiles the runtime it carries together with the app.
  dotnet publish src/Kindling.Web -c Release -r linux-x64 --self-contained -o bench/.published -nologo -v q >/dev/null
fi
published=()
[ -f bench/.published/Kindling.Web.dll ] && published=(--published bench/.published)
exec dotnet bench/Kindling.Bench/bin/Release/net10.0/Kindling.Bench.dll pages "${published[@]}" "$@"
