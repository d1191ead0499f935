#!/usr/bin/env bash
# Checks systemd/visnyk.service without installing anything on this machine: `systemd-analyze
# verify` (ExecStart pointed at the built binary, since /usr/local/bin/visnyk need not exist),
# `systemd-analyze security --offline=true` with exposure at most 1.5, the settings the daemon
# relies on, and `make install` into a temporary DESTDIR. Neither command needs systemd as
# PID 1; they come with Debian's `systemd` package (scripts/setup installs it).
# Usage: Tests/systemd.sh path/to/visnyk
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 path/to/visnyk" >&2
    exit 2
fi
VISNYK=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[[ -x "$VISNYK" ]] || { echo "systemd.sh: $1 is not an executable" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
UNIT="$ROOT/systemd/visnyk.service"
command -v systemd-analyze >/dev/null || { echo "systemd.sh: systemd-analyze is missing: run scripts/setup" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

FAILURES=0
CHECKS=0
fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
pass() { CHECKS=$((CHECKS + 1)); }

# verify UNITFILE: exit 0 and not a word about the unit (verify exits 0 on unparsable lines,
# "Invalid syntax, ignoring", so its output is the real verdict).
verify() {
    local unit=$1 out rc=0
    out=$(cd "$(dirname "$unit")" && systemd-analyze verify "./$(basename "$unit")" 2>&1) || rc=$?
    if [[ $rc -ne 0 ]] || grep -q "visnyk" <<<"$out"; then fail "systemd-analyze verify $unit (exit $rc): $out"; else pass; fi
}

# 1. The unit as shipped, run against the binary just built.
mkdir -p "$WORK/unit"
sed "s|^ExecStart=/usr/local/bin/visnyk |ExecStart=$VISNYK |" "$UNIT" >"$WORK/unit/visnyk.service"
grep -q "^ExecStart=$VISNYK run " "$WORK/unit/visnyk.service" || fail "ExecStart= is not /usr/local/bin/visnyk run …"
verify "$WORK/unit/visnyk.service"

# 2. The hardening score: --threshold is on the 0-100 scale (15 = exposure 1.5).
set +e
security=$(systemd-analyze security --offline=true --threshold=15 "$WORK/unit/visnyk.service" 2>&1)
rc=$?
set -e
exposure=$(grep -o "Overall exposure level for visnyk.service: [0-9.]*" <<<"$security" | awk '{print $NF}')
echo "systemd.sh: exposure of visnyk.service: ${exposure:-unknown} (at most 1.5 allowed)"
if [[ $rc -eq 0 && -n "$exposure" ]]; then pass; else fail "systemd-analyze security (exit $rc): $(tail -3 <<<"$security")"; fi

# 3. What the daemon's code relies on.
for setting in Type=notify NotifyAccess=main "ExecReload=/bin/kill -HUP \$MAINPID" WatchdogSec=60 \
               Restart=on-failure DynamicUser=yes StateDirectory=visnyk LoadCredential=smtp-password; do
    if grep -qxF -- "$setting" "$UNIT"; then pass; else fail "visnyk.service lacks $setting"; fi
done

# 4. The config rewrite: state and spool under the StateDirectory, whatever the example says.
cat >"$WORK/sample.toml" <<'TOML'
# state_dir = "/var/lib/visnyk"   (documentation stays)
user_agent_url = "https://example.org/visnyk"
spool_dir = "/var/spool/visnyk"

[[source]]
name = "a"
spool_dir = "not top-level: untouched"
TOML
awk -v state=/var/lib/visnyk -v spool=/var/lib/visnyk/spool -f "$ROOT/systemd/service-config.awk" \
    "$WORK/sample.toml" >"$WORK/rewritten.toml"
expected='state_dir = "/var/lib/visnyk"
# state_dir = "/var/lib/visnyk"   (documentation stays)
user_agent_url = "https://example.org/visnyk"
spool_dir = "/var/lib/visnyk/spool"   # the StateDirectory of visnyk.service

[[source]]
name = "a"
spool_dir = "not top-level: untouched"'
if [[ "$(cat "$WORK/rewritten.toml")" == "$expected" ]]; then pass; else fail "service-config.awk gave: $(cat "$WORK/rewritten.toml")"; fi

# 5. make install into a DESTDIR, twice: the second run keeps the config.
example="$ROOT/config/visnyk.example.toml"
dest="$WORK/root"
make -s -C "$ROOT" install DESTDIR="$dest" BINARY="$VISNYK" EXAMPLE_CONFIG="$example" >"$WORK/install.out"
for f in usr/local/bin/visnyk usr/local/lib/systemd/system/visnyk.service etc/visnyk/visnyk.toml; do
    if [[ -f "$dest/$f" ]]; then pass; else fail "make install did not install /$f"; fi
done
if [[ -x "$dest/usr/local/bin/visnyk" ]]; then pass; else fail "the installed binary is not executable"; fi
if "$VISNYK" check --config "$dest/etc/visnyk/visnyk.toml" >"$WORK/check.out" 2>&1 \
    && grep -q "^spool: /var/lib/visnyk/spool " "$WORK/check.out" && grep -q "^state: /var/lib/visnyk " "$WORK/check.out"; then
    pass
else
    fail "visnyk check on the installed config: $(cat "$WORK/check.out")"
fi
if cmp -s "$UNIT" "$dest/usr/local/lib/systemd/system/visnyk.service"; then pass; else fail "PREFIX=/usr/local changed the unit"; fi
echo "# edited by the admin" >>"$dest/etc/visnyk/visnyk.toml"
make -s -C "$ROOT" install DESTDIR="$dest" BINARY="$VISNYK" EXAMPLE_CONFIG="$example" >"$WORK/install2.out"
if grep -q "edited by the admin" "$dest/etc/visnyk/visnyk.toml"; then pass; else fail "a second make install overwrote the config"; fi
make -s -C "$ROOT" install PREFIX=/usr DESTDIR="$WORK/pkg" BINARY="$VISNYK" EXAMPLE_CONFIG="$example" >/dev/null
if grep -qx "ExecStart=/usr/bin/visnyk run --config /etc/visnyk/visnyk.toml" "$WORK/pkg/usr/lib/systemd/system/visnyk.service"; then
    pass
else
    fail "PREFIX=/usr: ExecStart= is not /usr/bin/visnyk"
fi
sed "s|^ExecStart=/usr/bin/visnyk |ExecStart=$VISNYK |" "$WORK/pkg/usr/lib/systemd/system/visnyk.service" >"$WORK/unit/visnyk.service"
verify "$WORK/unit/visnyk.service"
make -s -C "$ROOT" uninstall DESTDIR="$dest" >/dev/null
if [[ ! -e "$dest/usr/local/bin/visnyk" && -f "$dest/etc/visnyk/visnyk.toml" ]]; then pass; else fail "make uninstall"; fi

if [[ $FAILURES -gt 0 ]]; then
    echo "systemd.sh: $FAILURES of $((FAILURES + CHECKS)) checks failed" >&2
    exit 1
fi
echo "systemd.sh: all $CHECKS checks passed"
