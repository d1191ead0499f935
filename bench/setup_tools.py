"""Finds or installs the tools the parse benchmark compares, and builds Visnyk when stale."""

import shutil
import subprocess
from pathlib import Path


def quiet(argv, **kwargs):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)


def ensure_sfeed(install, log):
    """The sfeed version string, or None with a reason."""
    if not shutil.which("sfeed") and install:
        log("installing sfeed (apt-get) ...")
        if quiet(["apt-get", "install", "-y", "sfeed"]).returncode != 0:
            quiet(["apt-get", "update"])
            quiet(["apt-get", "install", "-y", "sfeed"])
    if not shutil.which("sfeed"):
        return None, "sfeed not installed (apt-get install sfeed)"
    version = quiet(["dpkg-query", "-W", "-f=${Version}", "sfeed"]).stdout.strip()
    return version or "?", None


def ensure_gnu_time(install, log):
    """GNU time measures peak RSS (see measure.py); without it the RSS column says n/a."""
    if not Path("/usr/bin/time").exists() and install:
        log("installing GNU time (apt-get) ...")
        if quiet(["apt-get", "install", "-y", "time"]).returncode != 0:
            quiet(["apt-get", "update"])
            quiet(["apt-get", "install", "-y", "time"])
    return Path("/usr/bin/time").exists()


def feedparser_version(python):
    result = quiet([python, "-c", "import feedparser; print(feedparser.__version__)"])
    return result.stdout.strip() if result.returncode == 0 else None


def ensure_feedparser(python, install, log):
    version = feedparser_version(python)
    if not version and install:
        log(f"installing feedparser into {python} (pip) ...")
        quiet([python, "-m", "pip", "install", "--quiet", "feedparser"])
        version = feedparser_version(python)
    if not version:
        return None, f"feedparser not importable by {python} (pip install feedparser)"
    return version, None


def newest_source_time(root):
    paths = [root / "Package.swift", root / "Package.resolved"]
    paths += [p for p in (root / "Sources").rglob("*") if p.is_file()]
    return max((p.stat().st_mtime for p in paths if p.exists()), default=0)


def swift_executable():
    return shutil.which("swift") or ("/opt/swift/usr/bin/swift" if Path("/opt/swift/usr/bin/swift").exists() else None)


def ensure_visnyk(root, build, log_path, log):
    """(binary, note, problem, failed): the release binary if it has a working `parse` command.

    A binary that is merely absent, or has no `parse` yet, is a problem but not a failure;
    a failed build is a failure."""
    binary = root / ".build/release/visnyk"
    stale = not binary.exists() or binary.stat().st_mtime < newest_source_time(root)
    note = None
    if stale and build:
        swift = swift_executable()
        if not swift:
            return None, None, "swift not found, cannot build", True
        log("building visnyk (swift build -c release --product visnyk) ...")
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(log_path, "w") as handle:
            result = subprocess.run([swift, "build", "-c", "release", "--product", "visnyk"],
                                    cwd=root, stdout=handle, stderr=subprocess.STDOUT)
        if result.returncode != 0:
            return None, None, f"build failed (see {log_path})", True
    elif stale and binary.exists():
        note = "binary older than the sources (--no-build)"
    if not binary.exists():
        return None, None, "not built", False
    if quiet([str(binary), "parse", "--help"]).returncode != 0:
        return None, None, "not built (the binary has no `parse` command yet)", False
    return binary, note, None, False
