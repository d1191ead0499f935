#!/usr/bin/env bash
# End-to-end test of `visnyk parse`: output forms, exit codes, error messages, and a URL
# fetched from a local HTTP server; `visnyk check` on the shipped and broken configs; and
# `visnyk digest` and `mail-test` on the demo config with its maildir.
# Usage: Tests/cli.sh path/to/visnyk
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 path/to/visnyk" >&2
    exit 2
fi
VISNYK=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[[ -x "$VISNYK" ]] || { echo "cli.sh: $1 is not an executable" >&2; exit 2; }
FIXTURES=$(cd "$(dirname "$0")/VisnykKitTests/Fixtures" && pwd)
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

FAILURES=0
CHECKS=0
fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
pass() { CHECKS=$((CHECKS + 1)); }

# run NAME ARGS...: runs visnyk, keeping stdout, stderr and the exit status.
run() {
    local name=$1; shift
    set +e
    "$VISNYK" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
    echo $? >"$WORK/$name.rc"
    set -e
}
expect_rc() {   # expect_rc NAME CODE
    local got; got=$(cat "$WORK/$1.rc")
    if [[ "$got" == "$2" ]]; then pass; else fail "$1: exit status $got, expected $2 (stderr: $(head -c 400 "$WORK/$1.err"))"; fi
}
expect_in() {   # expect_in NAME out|err TEXT
    if grep -qF -- "$3" "$WORK/$1.$2"; then pass; else fail "$1: std$2 lacks \"$3\""; fi
}
expect_not_in() {
    if grep -qF -- "$3" "$WORK/$1.$2"; then fail "$1: std$2 contains \"$3\""; else pass; fi
}
# json_check NAME LINES PYTHON-EXPR: stdout has LINES lines, each valid JSON; EXPR (over `docs`) is true.
json_check() {
    if python3 - "$WORK/$1.out" "$2" "$3" <<'PY'
import json, sys
path, count, expr = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = open(path, encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
if len(lines) != count:
    sys.exit(f"{len(lines)} lines, expected {count}")
docs = [json.loads(line) for line in lines]
if not eval(expr):
    sys.exit(f"not true: {expr}")
PY
    then pass; else fail "$1: JSON check failed"; fi
}

F=$FIXTURES/feeds

# --- listing -----------------------------------------------------------------------------
run listing parse "$F/rss20-full.xml"
expect_rc listing 0
expect_in listing out "Вісник Тестовий"
expect_in listing out "[rss2.0]"
expect_in listing out "Перша новина"
expect_in listing out "https://news.example.org/2025/04/first"
expect_in listing out "3 entries"

# --- JSON, one line per input --------------------------------------------------------------
run json parse --json "$F/rss20-full.xml" "$F/atom10-full.xml" "$F/jsonfeed11.json"
expect_rc json 0
json_check json 3 '[d["feed"]["format"] for d in docs] == ["rss2.0", "atom1.0", "json1.1"] and all(e["contentHash"].startswith("sha256:") and len(e["contentHash"]) == 71 for d in docs for e in d["entries"]) and docs[0]["entries"][0]["published"] == "2025-04-23T06:15:00Z" and docs[1]["feed"]["language"] == "uk"'

# --- base URL, content type, strip ---------------------------------------------------------
run base parse --json --base-url https://mirror.example.net/news/feed.xml "$F/rss20-relative.xml"
expect_rc base 0
json_check base 1 'docs[0]["entries"][0]["link"] == "https://mirror.example.net/news/posts/relative.html" and docs[0]["feed"]["link"] == "https://mirror.example.net/"'

run charset parse --json --content-type "application/rss+xml; charset=windows-1251" "$F/enc-windows-1251-http-only.xml"
expect_rc charset 0
json_check charset 1 'docs[0]["entries"][0]["title"] == "Ґанок і їжак: єдність"'

run strip parse --json --strip "Не пропустіть важливе!" --strip "/^Читайте нас на Телеграм/" "$F/leopolis-rss-windows-1251.xml" "$F/leopolis-atom-variant.xml"
expect_rc strip 0
json_check strip 2 'all("Не пропустіть" not in d["entries"][0]["text"] and "Читайте нас" not in d["entries"][0]["text"] and "Міністр оборони" in d["entries"][0]["text"] for d in docs) and docs[0]["entries"][0]["contentHash"] == docs[1]["entries"][0]["contentHash"]'

# --- runtime failures: exit 1, the other inputs still printed, the message names the input --
run missing parse --json "$F/rss20-full.xml" "$WORK/no-such-feed.xml" "$F/atom03.xml"
expect_rc missing 1
json_check missing 2 '[d["feed"]["format"] for d in docs] == ["rss2.0", "atom0.3"]'
expect_in missing err "$WORK/no-such-feed.xml"

run notfeed parse --json "$F/not-a-feed.html" "$F/rss10.xml"
expect_rc notfeed 1
json_check notfeed 1 'docs[0]["feed"]["format"] == "rss1.0"'
expect_in notfeed err "$F/not-a-feed.html"
expect_in notfeed err "not a feed"

: >"$WORK/empty.xml"
run empty parse "$WORK/empty.xml"
expect_rc empty 1
expect_in empty err "$WORK/empty.xml"

run listing_fail parse "$F/rss091.xml" "$WORK/no-such-feed.xml"
expect_rc listing_fail 1
expect_in listing_fail out "Café Weekly"

# A broken but recoverable feed is read (exit 0) with a warning naming the input.
printf '<rss version="2.0"><channel><title>Broken</title><item><title>One</title><description>x <b>y</description></item></channel></rss>' >"$WORK/broken.xml"
run broken parse --json "$WORK/broken.xml"
expect_rc broken 0
json_check broken 1 'docs[0]["entries"][0]["title"] == "One"'
expect_in broken err "$WORK/broken.xml"

# --- usage errors: exit 2 ----------------------------------------------------------------
run noinputs parse
expect_rc noinputs 2
run unknownflag parse --no-such-flag "$F/rss20-full.xml"
expect_rc unknownflag 2
expect_in unknownflag err "--no-such-flag"
expect_not_in unknownflag out "Вісник"
run badstrip parse --strip "/[unclosed/" "$F/rss20-full.xml"
expect_rc badstrip 2
expect_in badstrip err "[unclosed"
run nocommand no-such-command
expect_rc nocommand 2

# --- visnyk check: the shipped configs pass; a bad one lists every problem, exit 2 ----------
CONFIG=$(cd "$(dirname "$0")/../config" && pwd)
run check_demo check --config "$CONFIG/demo.toml"
expect_rc check_demo 0
expect_in check_demo out "sources: 3 (3 enabled): 3 file"
expect_in check_demo out "spool: $(dirname "$CONFIG")/var/spool (json)"
run check_example check --config "$CONFIG/visnyk.example.toml"
expect_rc check_example 0
expect_in check_example out "user agent: visnyk/"

cat >"$WORK/bad.toml" <<'TOML'
interval = "30"
concurency = 4

[[source]]
name = "One"
url = "ftp://example.org/feed"
TOML
run check_bad check --config "$WORK/bad.toml"
expect_rc check_bad 2
expect_in check_bad err "$WORK/bad.toml:1: interval: "
expect_in check_bad err "$WORK/bad.toml:2: concurency: unknown key: did you mean \"concurrency\"?"
expect_in check_bad err "$WORK/bad.toml:6: source.url: "
expect_not_in check_bad out "OK"

printf '[[source]]\nname = "Missing"\nfile = "no-such-feed.xml"\n' >"$WORK/missing.toml"
run check_missing check --config "$WORK/missing.toml"
expect_rc check_missing 2
expect_in check_missing err "$WORK/missing.toml:3: source.file: $WORK/no-such-feed.xml does not exist"

run check_noconfig check --config "$WORK/no-such.toml"
expect_rc check_noconfig 2
expect_in check_noconfig err "$WORK/no-such.toml: the file does not exist"

# --- a URL from a local HTTP server: relative links resolve against the URL ---------------
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
python3 -m http.server --bind 127.0.0.1 --directory "$FIXTURES" "$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do
    if python3 -c "import socket, sys; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null; then break; fi
    sleep 0.1
done
BASE="http://127.0.0.1:$PORT"

run http parse --json "$BASE/feeds/rss20-relative.xml"
expect_rc http 0
json_check http 1 "docs[0]['feed']['link'] == '$BASE/' and docs[0]['entries'][0]['link'] == '$BASE/feeds/posts/relative.html' and 'href=\"$BASE/other.html\"' in docs[0]['entries'][0]['content'] and 'src=\"$BASE/img/a.png\"' in docs[0]['entries'][0]['content'] and docs[0]['entries'][0]['enclosures'][0]['url'] == '$BASE/feeds/media/a.mp3'"

# The feed's own URL comes before --base-url (the issue's order: xml:base, the feed's URL, --base-url).
run http_base parse --json --base-url https://override.example/x/ "$BASE/feeds/rss20-relative.xml"
expect_rc http_base 0
json_check http_base 1 "docs[0]['entries'][0]['link'] == '$BASE/feeds/posts/relative.html'"

run http_json parse --json "$BASE/feeds/jsonfeed10.json" "$BASE/feeds/enc-windows-1251-declared.xml"
expect_rc http_json 0
json_check http_json 2 "docs[0]['feed']['format'] == 'json1.0' and docs[1]['entries'][0]['title'] == 'Ґанок і їжак: єдність'"

run http404 parse --json "$BASE/feeds/no-such.xml" "$BASE/feeds/rss092.xml"
expect_rc http404 1
json_check http404 1 "docs[0]['feed']['format'] == 'rss0.9x'"
expect_in http404 err "$BASE/feeds/no-such.xml"

kill "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=

# Nobody listens on the port any more: a connection failure is a runtime error naming the URL.
run refused parse "$BASE/feeds/rss20-relative.xml"
expect_rc refused 1
expect_in refused err "$BASE/feeds/rss20-relative.xml"

# Digests on the demo config (its feeds by absolute path, state, spool and maildir in $WORK).
DEMO=$(cd "$(dirname "$0")/../config" && pwd)
mkdir -p "$WORK/demo"
sed -e 's|^state_dir = .*|state_dir = "state"|' -e 's|^spool_dir = .*|spool_dir = "spool"|' \
    -e 's|^maildir = .*|maildir = "mail"|' -e "s|^file = \"demo/|file = \"$DEMO/demo/|" \
    "$DEMO/demo.toml" > "$WORK/demo/visnyk.toml"
CONFIG="$WORK/demo/visnyk.toml"
run digest_nomode digest morning --config "$CONFIG"
expect_rc digest_nomode 2
expect_in digest_nomode err "exactly one of --preview"
run digest_unknown digest evening --dry-run --config "$CONFIG"
expect_rc digest_unknown 2
expect_in digest_unknown err 'known: "morning"'
run digest_poll poll --once --config "$CONFIG"
expect_rc digest_poll 0
run digest_preview digest morning --preview "$WORK/demo/preview.html" --config "$CONFIG"
expect_rc digest_preview 0
expect_in digest_preview out "3 articles from 3 sources; nothing sent, nothing marked"
if grep -q "У Львові відкрили новий міст" "$WORK/demo/preview.html" && grep -qi "<!doctype html" "$WORK/demo/preview.html"; then pass; else fail "digest_preview: the HTML lacks the doctype or the bridge story"; fi
run digest_dry digest morning --dry-run --config "$CONFIG"
expect_rc digest_dry 0
if python3 - "$WORK/digest_dry.out" <<'PY'
import email, email.policy, sys
message = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
assert message.get_content_type() == "multipart/alternative", message.get_content_type()
assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
assert str(message["Subject"]).startswith("Новини за ") and str(message["Subject"]).endswith(": 3"), message["Subject"]
text = message.get_body(("plain",)).get_content()
assert "У Львові відкрили новий міст" in text and "У Києві запустили нічні поїзди метро" in text, text
assert message["Auto-Submitted"] == "auto-generated" and message["List-Id"].startswith("<morning.visnyk.")
PY
then pass; else fail "digest_dry: the message does not read back as expected"; fi
run digest_send digest morning --send --config "$CONFIG"
expect_rc digest_send 0
expect_in digest_send out 'digest "morning": sent 3 articles from 3 sources'
run digest_again digest morning --send --config "$CONFIG"
expect_rc digest_again 0
expect_in digest_again out "nothing new"
if [[ $(ls "$WORK/demo/mail/new" | wc -l) -eq 1 ]]; then pass; else fail "digest_send: expected one message in the maildir"; fi
run digest_status status --config "$CONFIG"
expect_in digest_status out "digest morning — ok"
run status_source status "Демо: Львів (RSS)" --config "$CONFIG"
expect_rc status_source 0
expect_in status_source out "learned boilerplate from"
run status_source_json status "Демо: Львів (RSS)" --json --config "$CONFIG"
expect_in status_source_json out '"entriesSeen"'
run status_typo status "Демо: Львів (RS)" --config "$CONFIG"
expect_rc status_typo 1
expect_in status_typo err 'Did you mean "Демо: Львів (RSS)"?'
run mailtest mail-test you@example.org --config "$CONFIG"
expect_rc mailtest 0
expect_in mailtest out "sent a test message to you@example.org through maildir"
if [[ $(ls "$WORK/demo/mail/new" | wc -l) -eq 2 ]]; then pass; else fail "mailtest: expected a second message in the maildir"; fi

if [[ $FAILURES -gt 0 ]]; then
    echo "cli.sh: $FAILURES of $((CHECKS + FAILURES)) checks failed" >&2
    exit 1
fi
echo "cli.sh: all $CHECKS checks passed"
