#!/usr/bin/env bash
# Starts Kindling on the embedded SQLite database (src/Kindling.Web/App_Data/kindling.db, created and migrated on first
# start) with the built-in curriculum, and prints the URL and, until an admin exists, the one-time set-up link.
set -euo pipefail
cd "$(dirname "$0")"
URL=${KINDLING_URL:-http://127.0.0.1:5000}
echo "Building Kindling (the first run restores packages and takes a minute or two)…"
dotnet build src/Kindling.Web -c Release -nologo -v m -clp:NoSummary
echo "Starting Kindling on $URL …"
exec dotnet run --project src/Kindling.Web -c Release --no-build --no-launch-profile --urls "$URL" "$@"
