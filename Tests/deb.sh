#!/usr/bin/env bash
# Checks the Debian package: its contents and control fields, then (as root) installs it on
# this machine with dpkg -i, runs the installed binary in a clean environment, checks the
# installed example config, reads the installed man pages, and removes the package again.
# Without root the install half is skipped with a message. CI (.ci/run) runs it as root.
# Usage: Tests/deb.sh path/to/visnyk_VERSION_ARCH.deb
set -euo pipefail

if [[ $# -ne 1 || ! -f "$1" ]]; then
    echo "usage: $0 path/to/visnyk_VERSION_ARCH.deb" >&2
    exit 2
fi
DEB=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' "$ROOT/Sources/VisnykKit/Model/VisnykVersion.swift")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

FAILURES=0
CHECKS=0
fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
pass() { CHECKS=$((CHECKS + 1)); }
check() { local what=$1; shift; if "$@"; then pass; else fail "$what"; fi; }

# 0. The man pages as written: no warnings from mandoc or groff (mandoc's style notes, such as
# long source lines, are not warnings).
for page in "$ROOT/man/visnyk.1" "$ROOT/man/visnyk.toml.5"; do
    if command -v mandoc >/dev/null; then
        out=$(mandoc -Tlint -W warning "$page" 2>&1) && pass || fail "mandoc -Tlint $page: $out"
    fi
    out=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    if [[ -z "$out" ]]; then pass; else fail "groff -ww $page: $out"; fi
done

# 1. Name, control fields and contents.
check "the file is not named visnyk_${VERSION}_<arch>.deb: $DEB" grep -q "^visnyk_${VERSION}_[a-z0-9]*\.deb$" <<<"$(basename "$DEB")"
control=$(dpkg-deb --field "$DEB")
check "Version is not $VERSION" grep -qx "Version: $VERSION" <<<"$control"
depends=$(sed -n 's/^Depends: //p' <<<"$control")
for package in libcurl4 libxml2 libsqlite3-0 libc6; do
    check "Depends: lacks $package ($depends)" grep -Eq "(^|, )$package(,|$| )" <<<"$depends"
done
check "Depends: names a Swift toolchain library ($depends)" bash -c "! grep -qi swift <<<'$depends'"
check "conffiles is not /etc/visnyk/visnyk.toml" grep -qx /etc/visnyk/visnyk.toml <<<"$(dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./conffiles)"
contents=$(dpkg-deb --contents "$DEB" | awk '{ print $1, $2, $NF }')
for entry in "-rwxr-xr-x root/root ./usr/bin/visnyk" \
             "-rw-r--r-- root/root ./lib/systemd/system/visnyk.service" \
             "-rw-r--r-- root/root ./etc/visnyk/visnyk.toml" \
             "-rw-r--r-- root/root ./usr/share/man/man1/visnyk.1.gz" \
             "-rw-r--r-- root/root ./usr/share/man/man5/visnyk.toml.5.gz" \
             "-rw-r--r-- root/root ./usr/share/bash-completion/completions/visnyk" \
             "-rw-r--r-- root/root ./usr/share/zsh/vendor-completions/_visnyk" \
             "-rw-r--r-- root/root ./usr/share/fish/vendor_completions.d/visnyk.fish" \
             "-rw-r--r-- root/root ./usr/share/doc/visnyk/examples/visnyk.example.toml"; do
    check "the package lacks $entry" grep -qxF -- "$entry" <<<"$contents"
done
dpkg-deb --extract "$DEB" "$WORK/x"
check "the unit does not start /usr/bin/visnyk" grep -qx "ExecStart=/usr/bin/visnyk run --config /etc/visnyk/visnyk.toml" "$WORK/x/lib/systemd/system/visnyk.service"
check "the binary loads Swift toolchain libraries" bash -c "! ldd '$WORK/x/usr/bin/visnyk' | grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|not found'"
check "the bash completion does not complete visnyk" grep -q "complete .*visnyk" "$WORK/x/usr/share/bash-completion/completions/visnyk"
check "the zsh completion is not for visnyk" grep -q "^#compdef visnyk" "$WORK/x/usr/share/zsh/vendor-completions/_visnyk"
check "the fish completion does not complete visnyk" grep -Eq "complete -c '?visnyk'? " "$WORK/x/usr/share/fish/vendor_completions.d/visnyk.fish"
for page in man1/visnyk.1.gz man5/visnyk.toml.5.gz; do
    # gzip -n: no name and a zero MTIME (bytes 4-7), so that rebuilding gives the same package.
    check "$page is not gzip -n" test "$(od -An -tx1 -j4 -N4 "$WORK/x/usr/share/man/$page" | tr -d ' ')" = 00000000
    check "$page is not gzip" gzip -t "$WORK/x/usr/share/man/$page"
done

# 2. make install under /usr/local puts man pages and completions where Debian's man, bash,
# zsh and fish look there, and make uninstall takes them away.
make -s -C "$ROOT" install DESTDIR="$WORK/local" BINARY="$WORK/x/usr/bin/visnyk" >/dev/null
for file in usr/local/share/man/man1/visnyk.1.gz usr/local/share/man/man5/visnyk.toml.5.gz \
            usr/local/share/bash-completion/completions/visnyk usr/local/share/zsh/site-functions/_visnyk \
            usr/local/share/fish/vendor_completions.d/visnyk.fish; do
    check "make install did not install /$file" test -s "$WORK/local/$file"
done
make -s -C "$ROOT" uninstall DESTDIR="$WORK/local" >/dev/null
left=$(cd "$WORK/local" && find . -type f ! -path ./etc/visnyk/visnyk.toml)
check "make uninstall left $left" test -z "$left"

# 3. Installed on this machine.
if [[ $(id -u) -ne 0 ]]; then
    echo "deb.sh: NOT installing $DEB: dpkg -i needs root (CI runs this as root); $CHECKS package checks passed" >&2
    [[ $FAILURES -eq 0 ]] || exit 1
    exit 0
fi
if dpkg-query -W -f='${Status}' visnyk 2>/dev/null | grep -q "install ok installed"; then
    echo "deb.sh: visnyk is already installed here: not touching it" >&2
    exit 1
fi
if [[ -e /etc/visnyk/visnyk.toml ]]; then
    echo "deb.sh: /etc/visnyk/visnyk.toml exists (not from the package): not touching it" >&2
    exit 1
fi
removed=0
remove() { [[ $removed -eq 1 ]] || { dpkg --purge visnyk >/dev/null 2>&1 || true; removed=1; }; }
trap 'remove; rm -rf "$WORK"' EXIT
if dpkg -i "$DEB" >"$WORK/install.out" 2>&1; then pass; else fail "dpkg -i $DEB: $(cat "$WORK/install.out")"; fi
version=$(env -i /usr/bin/visnyk --version 2>&1) || true
check "env -i /usr/bin/visnyk --version said \"$version\", not $VERSION" test "$version" = "$VERSION"
if env -i PATH=/usr/bin:/bin visnyk check --config /etc/visnyk/visnyk.toml >"$WORK/check.out" 2>&1 \
    && grep -q "^spool: /var/lib/visnyk/spool " "$WORK/check.out"; then
    pass
else
    fail "visnyk check --config /etc/visnyk/visnyk.toml: $(cat "$WORK/check.out")"
fi
if grep -rqs "^path-exclude.*/usr/share/man" /etc/dpkg/dpkg.cfg /etc/dpkg/dpkg.cfg.d/; then
    echo "deb.sh: dpkg here excludes /usr/share/man (a slim image): not checking the installed man pages" >&2
elif command -v man >/dev/null; then
    check "man visnyk does not find the installed page" bash -c "man -w visnyk | grep -qx /usr/share/man/man1/visnyk.1.gz"
    check "man 5 visnyk.toml does not show the key state_dir" bash -c "MANPAGER=cat man 5 visnyk.toml 2>/dev/null | grep -q state_dir"
fi
echo "# edited by the admin" >>/etc/visnyk/visnyk.toml
if dpkg -r visnyk >"$WORK/remove.out" 2>&1; then pass; else fail "dpkg -r visnyk: $(cat "$WORK/remove.out")"; fi
check "dpkg -r left /usr/bin/visnyk" test ! -e /usr/bin/visnyk
check "dpkg -r removed the edited config" grep -q "edited by the admin" /etc/visnyk/visnyk.toml
dpkg --purge visnyk >/dev/null 2>&1 || fail "dpkg --purge visnyk"
removed=1
check "dpkg --purge left /etc/visnyk/visnyk.toml" test ! -e /etc/visnyk/visnyk.toml

if [[ $FAILURES -gt 0 ]]; then
    echo "deb.sh: $FAILURES of $((FAILURES + CHECKS)) checks failed" >&2
    exit 1
fi
echo "deb.sh: all $CHECKS checks passed ($(basename "$DEB") installed, run and removed)"
