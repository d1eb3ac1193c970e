# A throwaway PostgreSQL server for the tests: initdb in a temporary folder,
# a free loopback port, stopped on exit.  Runs as the postgres user when root.
# shellcheck shell=bash

cnap_pg_bindir() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    return 1
}

cnap_free_port() {
    local port
    for port in $(seq 55432 55532); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

# Starts the server and exports CNAP_TEST_PG_URL; registers cnap_pg_stop for EXIT.
cnap_pg_start() {
    local bindir
    bindir="$(cnap_pg_bindir)" || { echo "PostgreSQL server binaries not found" >&2; return 1; }
    CNAP_PG_DIR="$(mktemp -d /tmp/cnap-pg.XXXXXX)"
    CNAP_PG_PORT="$(cnap_free_port)" || { echo "no free port for PostgreSQL" >&2; return 1; }
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$CNAP_PG_DIR"
        run=(runuser -u postgres --)
    fi
    local pw="cnap-test-$$"
    printf '%s\n' "$pw" >"$CNAP_PG_DIR.pw"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$CNAP_PG_DIR.pw"
    cnap_log "starting a throwaway PostgreSQL on 127.0.0.1:$CNAP_PG_PORT"
    "${run[@]}" "$bindir/initdb" -D "$CNAP_PG_DIR/data" -U cnap_admin --pwfile="$CNAP_PG_DIR.pw" \
        -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$CNAP_PG_DIR.initdb.log" 2>&1 \
        || { cat "$CNAP_PG_DIR.initdb.log" >&2; return 1; }
    "${run[@]}" "$bindir/pg_ctl" -D "$CNAP_PG_DIR/data" -l "$CNAP_PG_DIR/server.log" -w -t 60 \
        -o "-p $CNAP_PG_PORT -k $CNAP_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cat "$CNAP_PG_DIR/server.log" >&2; return 1; }
    CNAP_PG_BINDIR="$bindir"
    CNAP_PG_RUN=("${run[@]}")
    trap cnap_pg_stop EXIT
    export CNAP_TEST_PG_URL="postgresql://cnap_admin:$pw@127.0.0.1:$CNAP_PG_PORT/postgres"
    export PGPASSWORD="$pw"
}

cnap_pg_stop() {
    if [ -n "${CNAP_PG_DIR:-}" ] && [ -d "$CNAP_PG_DIR/data" ]; then
        "${CNAP_PG_RUN[@]}" "$CNAP_PG_BINDIR/pg_ctl" -D "$CNAP_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$CNAP_PG_DIR" "$CNAP_PG_DIR.pw" "$CNAP_PG_DIR.initdb.log"
    fi
}
