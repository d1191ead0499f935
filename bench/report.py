"""Tables and the pass/fail verdict of the parse benchmark."""

import os

MUST_VS_SFEED = 0.5
GOAL_VS_SFEED = 1.0
MUST_VS_FEEDPARSER = 40.0


class Row:
    """One tool's best run over a group of files (`sample` is None when it did not run)."""

    def __init__(self, name, sample, size, items, reported, note=None, reference=None):
        self.name = name
        self.sample = sample
        self.size = size
        self.items = items
        self.reported = reported
        self.note = note
        self.reference = reference

    def mb_per_s(self):
        return self.size / 1e6 / self.sample.cpu if self.sample else None


def ratio(row, reference):
    if not row.sample or not reference or not reference.sample:
        return None
    return row.mb_per_s() / reference.mb_per_s()


def mib(sample):
    return f"{sample.maxrss_kib / 1024:.1f}" if sample.maxrss_kib is not None else "n/a"


def describe(group):
    files = group["files"]
    rss = sum(f["format"] == "rss" for f in files)
    cp1251 = sum(f["encoding"] == "windows-1251" for f in files)
    return (f"{len(files)} files ({rss} RSS 2.0, {len(files) - rss} Atom 1.0; {cp1251} windows-1251), "
            f"{group['bytes'] / 1e6:.1f} MB, {group['items']:,} items\n   sha256 {group['sha256']}")


def print_table(title, group, rows, count, versions):
    """Prints the group's table and returns its figures for --json."""
    references = {r.reference: r for r in rows if r.reference}
    header = ["tool", "CPU s", "MB/s", "items/s", "peak RSS MiB", "vs sfeed", "vs feedparser", "note"]
    lines, figures = [], []
    for row in rows:
        vs_sfeed, vs_feedparser = ratio(row, references.get("sfeed")), ratio(row, references.get("feedparser"))
        if row.sample:
            marked = row.name + (" *" if row.reference else "")
            cells = [marked, f"{row.sample.cpu:.2f}", f"{row.mb_per_s():.1f}",
                     f"{row.items / row.sample.cpu:,.0f}", mib(row.sample),
                     f"{vs_sfeed:.2f}×" if vs_sfeed else "", f"{vs_feedparser:.1f}×" if vs_feedparser else "",
                     row.note or ""]
        else:
            cells = [row.name, "", "", "", "", "", "", row.note or "not run"]
        lines.append(cells)
        figures.append(dict(
            tool=row.name, note=row.note, items_reported=row.reported,
            cpu_s=row.sample.cpu if row.sample else None, mb_per_s=row.mb_per_s(),
            items_per_s=row.items / row.sample.cpu if row.sample else None,
            peak_rss_mib=row.sample.maxrss_kib / 1024 if row.sample and row.sample.maxrss_kib else None,
            processes=row.sample.processes if row.sample else None,
            vs_sfeed=vs_sfeed, vs_feedparser=vs_feedparser))
    widths = [max(len(cells[i]) for cells in lines + [header]) for i in range(len(header))]
    print(f"\n== {title}: {describe(group)}")
    load = os.getloadavg()[0]
    print(f"   best of {count} by CPU time (user + sys); MB = 10^6 bytes; load average {load:.2f}; "
          + ", ".join(f"{k} {v}" for k, v in versions.items()))
    for cells in [header, ["-" * w for w in widths]] + lines:
        print("  ".join(c.rjust(w) if 0 < i < 7 else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip())
    print("   vs sfeed / vs feedparser: MB/s ÷ the MB/s of the row marked *"
          " (for many files, sfeed with its process start-up subtracted: the strictest comparison)")
    return dict(corpus=dict(files=len(group["files"]), bytes=group["bytes"], items=group["items"],
                            sha256=group["sha256"]), rows=figures)


def verdict(corpus):
    """Checks Visnyk's corpus figures against the issue's targets."""
    visnyk = next((r for r in corpus["rows"] if r["tool"].startswith("visnyk")), None)
    if not visnyk or visnyk["cpu_s"] is None:
        return dict(must=False, goal=False, lines=["\nverdict: visnyk not measured"])
    lines, must, goal = ["\nverdict:"], True, False
    vs_sfeed, vs_feedparser = visnyk["vs_sfeed"], visnyk["vs_feedparser"]
    if vs_sfeed is not None:
        ok = vs_sfeed >= MUST_VS_SFEED
        must &= ok
        goal = vs_sfeed >= GOAL_VS_SFEED
        lines.append(f"  vs sfeed      {vs_sfeed:7.3f}×  must ≥ {MUST_VS_SFEED}×: {'ok' if ok else 'MISSED'}; "
                     f"goal ≥ {GOAL_VS_SFEED}×: {'met' if goal else 'not yet'}")
    if vs_feedparser is not None:
        ok = vs_feedparser >= MUST_VS_FEEDPARSER
        must &= ok
        lines.append(f"  vs feedparser {vs_feedparser:7.1f}×  must ≥ {MUST_VS_FEEDPARSER:.0f}×: {'ok' if ok else 'MISSED'}")
    return dict(must=must, goal=goal, lines=lines)
