"""Runs parsers as child processes: CPU time from wait4(), peak RSS from GNU time.

Peak RSS cannot come from wait4() on a child of this script: Linux carries the parent's
high-water RSS into a vforked child's ru_maxrss at exec, so every tool would show Python's
peak. GNU time forks the tool from its own small process and reports that child's ru_maxrss.
"""

import os
import shutil
import subprocess
import tempfile

GNU_TIME = "/usr/bin/time"

FEEDPARSER_SCRIPT = """
import sys, feedparser
count = 0
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        count += len(feedparser.parse(handle.read()).entries)
print(count)
"""


class ToolFailed(Exception):
    pass


class Sample:
    """CPU seconds (user + sys) and peak RSS in KiB of one measured run (possibly many processes)."""

    def __init__(self, cpu=0.0, maxrss_kib=None, processes=0):
        self.cpu = cpu
        self.maxrss_kib = maxrss_kib
        self.processes = processes

    def add(self, other):
        self.cpu += other.cpu
        self.maxrss_kib = peak(self.maxrss_kib, other.maxrss_kib)
        self.processes += other.processes


def peak(*values):
    known = [v for v in values if v is not None]
    return max(known) if known else None


def can_measure_peak():
    return shutil.which(GNU_TIME) is not None


def run(argv, stdin_path=None, stdout=subprocess.DEVNULL, measure_peak=False):
    """One child process; its CPU time includes the descendants it waited for (RUSAGE_BOTH).

    With `measure_peak`, the tool runs under GNU time (one extra fork and exec, ~1 ms of CPU)
    and the sample carries the tool's peak RSS."""
    shown = " ".join(argv[:3]) + (" ..." if len(argv) > 3 else "")
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile("r") as peak_file:
        if measure_peak and can_measure_peak():
            argv = [GNU_TIME, "-f", "%M", "-o", peak_file.name, *argv]
        else:
            measure_peak = False
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        try:
            child = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=errors)
        finally:
            if stdin_path:
                stdin.close()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            tail = errors.read()[-600:].decode("utf-8", "replace").strip()
            raise ToolFailed(f"{shown} exited with {child.returncode}: {tail}")
        maxrss = None
        if measure_peak:
            lines = peak_file.read().split()
            maxrss = int(lines[-1]) if lines and lines[-1].isdigit() else None
    return Sample(usage.ru_utime + usage.ru_stime, maxrss, 1)


def visnyk(binary, paths, stdout=subprocess.DEVNULL):
    return run([str(binary), "parse", "--json", *map(str, paths)], stdout=stdout, measure_peak=True)


def sfeed_each(paths, measure_peak=False):
    """One sfeed process per file, as sfeed is meant to be used; CPU summed, RSS the max.

    Timed runs go without GNU time, whose own start-up would be counted 200 times; one
    separate pass with `measure_peak` finds the peak RSS."""
    total = Sample()
    for path in paths:
        total.add(run(["sfeed"], stdin_path=path, measure_peak=measure_peak))
    return total


def sfeed_shell_loop(paths):
    """The same work under one sh whose rusage covers all its sfeed children."""
    script = 'for f do sfeed < "$f" > /dev/null || exit 1; done'
    return run(["sh", "-c", script, "sh", *map(str, paths)], measure_peak=True)


def sfeed_startup(count):
    """`count` sfeed runs on empty input: the process start-up cost to subtract."""
    total = Sample()
    for _ in range(count):
        total.add(run(["sfeed"]))
    return total


def sfeed_item_count(paths):
    count = 0
    for path in paths:
        with open(path, "rb") as handle:
            result = subprocess.run(["sfeed"], stdin=handle, capture_output=True, check=True)
        count += result.stdout.count(b"\n")
    return count


def feedparser(python, paths):
    """One Python process parsing every file; returns (sample, entries it found)."""
    with tempfile.TemporaryFile() as output:
        sample = run([python, "-c", FEEDPARSER_SCRIPT, *map(str, paths)], stdout=output, measure_peak=True)
        output.seek(0)
        text = output.read().decode().strip()
    try:
        return sample, int(text)
    except ValueError:
        raise ToolFailed(f"feedparser printed {text[:200]!r} instead of an item count")
