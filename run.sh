#!/usr/bin/env bash
# Starts Kindling on the embedded SQLite database (src/Kindling.Web/App_Data/kindling.db, created and migrated on first
# start) with the built-in curriculum, and prints the URL and, until an admin exists, the one-time set-up link.
set -euo pipefail
HERE=$PWD
cd "$(dirname "$0")"

# ./run.sh backup <file> [--force] / ./run.sh restore <file>: the operator's commands on the same database
# (docs/operations.md, "Back up and restore"). The file is taken relative to where you are, not to the app's folder.
if [[ "${1:-}" == backup || "${1:-}" == restore ]]; then
  args=("$1"); shift
  if [[ $# -gt 0 && "$1" != -* ]]; then
    [[ "$1" == /* ]] && args+=("$1") || args+=("$HERE/$1")
    shift
  fi
  dotnet build src/Kindling.Web -c Release -nologo -v q -clp:NoSummary >&2
  exec dotnet run --project src/Kindling.Web -c Release --no-build --no-launch-profile -- "${args[@]}" "$@"
fi
URL=${KINDLING_URL:-http://127.0.0.1:5000}
echo "Building Kindling (the first run restores packages and takes a minute or two)…"
dotnet build src/Kindling.Web -c Release -nologo -v m -clp:NoSummary
echo "Starting Kindling on $URL …"
exec dotnet run --project src/Kindling.Web -c Release --no-build --no-launch-profile --urls "$URL" "$@"
