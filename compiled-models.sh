#!/usr/bin/env bash
# Regenerates EF Core's compiled model of each provider (src/Kindling.Migrations.*/CompiledModel), which Kindling
# loads instead of building the model at start-up. Run it after every model change, with the migrations;
# CompiledModelsUpToDateTests fails until you do.
set -euo pipefail
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project="src/Kindling.Migrations.$provider"
  rm -rf "$project/CompiledModel"
  dotnet ef dbcontext optimize --project "$project" --startup-project "$project" \
    -o CompiledModel -n "Kindling.Migrations.$provider.CompiledModel"
done
