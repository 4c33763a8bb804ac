#!/usr/bin/env bash
# Brings up deploy/'s layout on 127.0.0.1 for the hub benchmark (not a test): nginx on :8080 in front of two Kindling
# instances (:5001, :5002, Release build) sharing a fresh PostgreSQL 15 cluster with the default durability settings
# (fsync and synchronous_commit on) and a redis-server backplane. It prints the bench/run.sh arguments that target
# the layout and holds it until Ctrl+C, then stops everything and removes the cluster. See bench/README.md.
# nginx here speaks plain HTTP on loopback (the tool has no certificate to trust); everything else about proxying
# (WebSocket upgrade, forwarded headers, keepalive upstream, no sticky sessions) is copied from deploy/nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PGBIN=/usr/lib/postgresql/15/bin
for tool in nginx redis-server; do command -v $tool >/dev/null || [ -x /usr/sbin/$tool ] \
  || { echo "$tool is missing: sudo apt-get install -y $tool"; exit 2; }; done
[ -x $PGBIN/initdb ] || { echo "PostgreSQL 15 is missing: sudo apt-get install -y postgresql-15"; exit 2; }
[ "${BENCH_NO_BUILD:-}" = "1" ] || dotnet build src/Kindling.Web -c Release -nologo -v q >/dev/null
APP="$ROOT/src/Kindling.Web/bin/Release/net10.0"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

WORK=$(mktemp -d /tmp/kindling-two.XXXXXX); chmod 755 "$WORK"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_pg $PGBIN/pg_ctl -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

PGPORT=$(free_port)
mkdir -p "$WORK/pg"; [ "$(id -u)" -eq 0 ] && chown postgres "$WORK/pg"
as_pg $PGBIN/initdb -D "$WORK/pg" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg $PGBIN/pg_ctl -D "$WORK/pg" -l "$WORK/pg/log" -w -o "-h 127.0.0.1 -p $PGPORT -k $WORK/pg -c max_connections=200" \
  start >/dev/null
# The database exists before the instances start together (docs/operations.md), so they prepare it in turn.
as_pg $PGBIN/psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE kindling" >/dev/null
PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=kindling;Maximum Pool Size=40"

REDIS_PORT=$(free_port)
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$WORK" --loglevel warning >"$WORK/redis.log" 2>&1 &
PIDS+=($!)

for n in 1 2; do
  (cd "$APP" && exec env ASPNETCORE_ENVIRONMENT=Production Database__Provider=postgres Database__ConnectionString="$PG" \
    Live__RedisConnectionString="127.0.0.1:$REDIS_PORT" Kindling__PublicUrl=http://127.0.0.1:8080 \
    Kindling__TrustedProxies__0=127.0.0.1 Kindling__InstanceName="instance-$n" \
    RateLimits__SignIn__PermitLimit=1000000 "$@" \
    dotnet Kindling.Web.dll --urls "http://127.0.0.1:500$n" >"$WORK/instance-$n.log" 2>&1) &
  PIDS+=($!)
done
for n in 1 2; do
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:500$n/health/ready" >/dev/null && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:500$n/health/ready" >/dev/null \
    || { echo "instance $n did not become ready:"; tail -30 "$WORK/instance-$n.log"; exit 1; }
done

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  upstream kindling { zone kindling 64k; server 127.0.0.1:5001; server 127.0.0.1:5002; keepalive 32; }
  map \$http_upgrade \$kindling_connection { default upgrade; '' ''; }
  server {
    listen 127.0.0.1:8080;
    proxy_http_version 1.1;
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$remote_addr;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_set_header X-Forwarded-Host \$host;
    proxy_set_header Upgrade \$http_upgrade;
    proxy_set_header Connection \$kindling_connection;
    location / { proxy_pass http://kindling; }
    location /hubs/ { proxy_pass http://kindling; proxy_read_timeout 1h; proxy_send_timeout 1h; proxy_buffering off; }
  }
}
EOF
/usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx/" -e "$WORK/nginx/error.log" -g "daemon off;" &
PIDS+=($!)
for _ in $(seq 100); do curl -sf http://127.0.0.1:8080/health/live >/dev/null && break; sleep 0.1; done

P1=$(pgrep -f "Kindling.Web.dll --urls http://127.0.0.1:5001" | head -1)
P2=$(pgrep -f "Kindling.Web.dll --urls http://127.0.0.1:5002" | head -1)
echo "Ready: nginx http://127.0.0.1:8080 -> instances :5001 (pid $P1) and :5002 (pid $P2), PostgreSQL :$PGPORT, Redis :$REDIS_PORT"
echo "bench/run.sh arguments for this layout:"
echo "  --url http://127.0.0.1:8080 --database-provider postgres --database '$PG' --server-pid $P1 --server-pid $P2"
echo "Logs in $WORK. Ctrl+C stops everything."
wait
