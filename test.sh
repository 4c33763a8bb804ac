#!/usr/bin/env bash
# Runs every Kindling test: unit, integration (SQLite and a throwaway PostgreSQL 15 cluster) and browser (Chromium).
# Installs what the tests need when it is missing; starts and stops its own servers on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v redis-server >/dev/null || need+=(redis-server)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v pdftoppm >/dev/null || need+=(poppler-utils)            # charter PDF export tests
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)   # charter DOCX export tests
command -v node >/dev/null || need+=(nodejs)                        # ical.js reads the .ics files in the calendar tests
command -v npm >/dev/null || need+=(npm)
[ -x /usr/sbin/nginx ] || need+=(nginx)                            # the deploy smoke test runs deploy/nginx/kindling.conf
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# ical.js, the second iCalendar parser of the calendar tests, at the version its package-lock.json pins.
[ -d tests/tools/ical/node_modules/ical.js ] || (cd tests/tools/ical && npm ci --no-audit --no-fund --loglevel=error)

# Seconds per phase, printed at the end so a slow phase is seen the day it slows down, with how busy the machine's
# processors were meanwhile (near 100%: the phase waits on the processors, and running more beside it gains nothing).
PHASES=()
cpu_now() { local _ u n s i w q sq st; read -r _ u n s i w q sq st _ </proc/stat; echo "$((u + n + s + q + sq + st)) $((u + n + s + i + w + q + sq + st))"; }
cpu_busy() { # busy percentage since "busy total" in $1
  local was now; read -ra was <<<"$1"; read -ra now <<<"$(cpu_now)"
  echo $(((now[0] - was[0]) * 100 / (now[1] - was[1] > 0 ? now[1] - was[1] : 1)))
}
phase_start=$SECONDS
phase_cpu=$(cpu_now)
phase_done() {
  PHASES+=("$(printf '%-38s %4ss  (processors %3s%% busy)' "$1" $((SECONDS - phase_start)) "$(cpu_busy "$phase_cpu")")")
  phase_start=$SECONDS
  phase_cpu=$(cpu_now)
}
phase_done "install what the tests need"

WORK=$(mktemp -d /tmp/kindling-tests.XXXXXX)
chmod 755 "$WORK"
PGBIN=/usr/lib/postgresql/15/bin
# A free loopback port unless one is given (a fixed port can be taken by another server on the machine).
PGPORT=${KINDLING_TEST_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}
PGDATA="$WORK/pg"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

REDIS_PID=""
cleanup() {
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Starting a throwaway PostgreSQL 15 on 127.0.0.1:$PGPORT"
mkdir -p "$PGDATA"
[ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA"
as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
  -o "-h 127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { echo "PostgreSQL did not start; its log:"; cat "$PGDATA/log"; exit 1; }
export KINDLING_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Pooling=true;Maximum Pool Size=20"

# A throwaway redis-server (no persistence) for the two-instance SignalR backplane test, on a free loopback port.
REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
echo "Starting a throwaway redis-server on 127.0.0.1:$REDIS_PORT"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$WORK" --loglevel warning >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$REDIS_PORT" ping >/dev/null || { echo "redis-server did not start:"; cat "$WORK/redis.log"; exit 1; }
export KINDLING_TEST_REDIS="127.0.0.1:$REDIS_PORT"

phase_done "start PostgreSQL and Redis"

status=0
# C# formatting (CSharpier, printWidth 120): a formatting difference fails the run, as a failing test does. It reads
# the sources while the build runs (the build writes only under bin/ and obj/, which CSharpier skips).
dotnet tool restore >/dev/null
dotnet csharpier check . >"$WORK/csharpier.log" 2>&1 &
CSHARPIER_PID=$!
dotnet build Kindling.slnx -c Release -nologo -v q
if ! wait "$CSHARPIER_PID"; then
  echo "C# is not formatted; run: dotnet tool restore && dotnet csharpier format ."; grep -m 20 -i "error\|warn" "$WORK/csharpier.log" || true
  status=1
fi
phase_done "build (Release) + C# formatting check"

RESULTS="$WORK/results"
run_tests() { dotnet test "tests/$1" -c Release --no-build -nologo --logger "trx" --results-directory "$RESULTS/$1" -v q; }
# One project after the other: xUnit already runs a project's test collections side by side (one per core, four at a
# time for the integration tests, whose tests often wait on PostgreSQL or a process: xunit.runner.json), and the
# browser tests keep both cores busy with Chromium and the app (see the processors' busy share in the summary); side
# by side the projects would only compete for them (measured: 478 s together against 163 s + 292 s apart).
for project in Kindling.Tests Kindling.IntegrationTests Kindling.BrowserTests; do
  echo "== tests/$project"
  run_tests "$project" || status=1
  phase_done "$project"
done

python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
slowest = []
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    skipped += int(c.get("notExecuted"))
    # A red run says why: each failed test with its message and the top of its stack (the .trx files go with $WORK).
    for r in ET.parse(f).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
        print(f"FAILED {r.get('testName')}")
        for part in ("Message", "StackTrace"):
            e = r.find(f"t:Output/t:ErrorInfo/t:{part}", ns)
            if e is not None and e.text:
                print("\n".join("    " + line for line in e.text.strip().splitlines()[:25]))
    for r in ET.parse(f).getroot().iterfind(".//t:UnitTestResult", ns):
        h, m, sec = (r.get("duration") or "0:0:0").split(":")
        slowest.append((int(h) * 3600 + int(m) * 60 + float(sec), r.get("testName")))
# The slowest tests, so that one which slows down is seen (a browser test's time includes starting its own app).
print("Slowest tests:")
for seconds, name in sorted(slowest, reverse=True)[:10]:
    method, paren, args = name.partition("(")
    parts = method.split(".")
    print(f"  {seconds:6.1f}s  {parts[1]}: {'.'.join(parts[-2:])}{paren}{args}"[:118])
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
echo "Time per phase:"
printf '  %s\n' "${PHASES[@]}"
echo "  total                                  $(printf '%4s' "$SECONDS")s"
exit $status
