#!/usr/bin/env bash
# Starts Kindling on the embedded SQLite database (App_Data/kindling.db, created and migrated on first start)
# with the built-in curriculum, and prints the URL and, until an admin exists, the one-time set-up link.
set -euo pipefail
cd "$(dirname "$0")"
URL=${KINDLING_URL:-http://127.0.0.1:5000}
exec dotnet run --project src/Kindling.Web -c Release --no-launch-profile --urls "$URL" "$@"
