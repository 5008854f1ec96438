#!/usr/bin/env bash
# Starts a throwaway Virtuoso (Debian package virtuoso-opensource-7) on loopback for `unkg push` tests.
#
#   scripts/start-virtuoso.sh DBDIR HTTP_PORT [SQL_PORT]
#
# The database lives in DBDIR (created, may be a fresh tmp dir); HTTP and SQL listen on 127.0.0.1 only. The dba
# password is the fresh database's default (dba), so the Graph Store endpoint is
#   http://127.0.0.1:HTTP_PORT/sparql-graph-crud-auth   (HTTP digest auth, user dba, password dba)
# and the anonymous read endpoint is http://127.0.0.1:HTTP_PORT/sparql.
# The script runs Virtuoso in the foreground of its own process tree: it prints one line
# `ready http://127.0.0.1:HTTP_PORT` once the server answers, then waits; SIGTERM/SIGINT stop Virtuoso.
# Exits 1 with a message when Virtuoso is missing or does not come up within STARTUP_TIMEOUT seconds (default 90).
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 DBDIR HTTP_PORT [SQL_PORT]" >&2
    exit 2
fi
dbdir=$(mkdir -p "$1" && cd "$1" && pwd)
http_port=$2
sql_port=${3:-$((http_port + 1))}
timeout=${STARTUP_TIMEOUT:-90}

virtuoso=$(command -v virtuoso-t || true)
isql=$(command -v isql-vt || command -v isql-v || true)
if [[ -z "$virtuoso" || -z "$isql" ]]; then
    echo "virtuoso-t/isql-vt not found: apt-get install -y virtuoso-opensource-7" >&2
    exit 1
fi

cat >"$dbdir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dbdir/virtuoso.db
ErrorLogFile       = $dbdir/virtuoso.log
LockFile           = $dbdir/virtuoso.lck
TransactionFile    = $dbdir/virtuoso.trx
xa_persistent_file = $dbdir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dbdir/virtuoso-temp.db
TransactionFile    = $dbdir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $dbdir
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
ThreadsPerQuery      = 2
MaxQueryMem          = 512M

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = $dbdir
MaxClientConnections = 10
ServerThreads        = 10
EnabledDavVSP        = 0
HTTPProxyEnabled     = 0
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
EOF

cd "$dbdir"
"$virtuoso" +foreground +configfile "$dbdir/virtuoso.ini" >"$dbdir/stdout.log" 2>&1 &
pid=$!
echo "$pid" >"$dbdir/virtuoso.pid"
stop() {
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 0' TERM INT

deadline=$((SECONDS + timeout))
until "$isql" "127.0.0.1:$sql_port" dba dba exec="status();" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "virtuoso exited during startup; log:" >&2
        tail -n 20 "$dbdir/virtuoso.log" >&2 || true
        exit 1
    fi
    if ((SECONDS >= deadline)); then
        echo "virtuoso did not answer on 127.0.0.1:$sql_port within ${timeout}s" >&2
        exit 1
    fi
    sleep 1
done

# dba may write through /sparql-graph-crud-auth as it is. Another user would need
#   isql-vt 127.0.0.1:SQL_PORT dba dba exec='GRANT SPARQL_UPDATE TO "user";'
# and the anonymous /sparql-graph-crud answers 403 unless SPARQL_UPDATE is granted to "SPARQL" (don't, even here).

echo "ready http://127.0.0.1:$http_port"
wait "$pid"
