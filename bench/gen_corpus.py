#!/usr/bin/env python3
"""Generates the parse-benchmark corpus deterministically (same seed, same bytes).

200 feeds (120 RSS 2.0, 80 Atom 1.0; 37 of the RSS feeds in windows-1251), about 40 MB in all,
30-120 items each with 2-8 KB of HTML; optionally one ~58 MB RSS feed for the peak-RSS test.
Writes bench/corpus/feeds/*.xml, bench/corpus/large/large-rss.xml and bench/corpus/manifest.json
(sizes, item counts, SHA-256 of all files in order).

    bench/gen_corpus.py [--seed N] [--out DIR] [--large]
"""

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from feed_writer import FeedWriter  # noqa: E402
from text_maker import TextMaker  # noqa: E402

GENERATOR_VERSION = 1
DEFAULT_SEED = 20250423
FEED_COUNT = 200
RSS_COUNT = 120
CP1251_COUNT = 37
TARGET_BYTES = 40_000_000
LARGE_TARGET_BYTES = 58_000_000
HTML_MIN, HTML_MAX = 2_300, 7_600  # targets; articles land within 2-8 KB
ITEM_OVERHEAD = 1_100  # teaser + metadata per item, measured; only steers the budget
HERE = Path(__file__).resolve().parent


def plan(rng):
    """Per feed: kind, encoding, language, item count and a relative article-size weight."""
    kinds = ["rss"] * RSS_COUNT + ["atom"] * (FEED_COUNT - RSS_COUNT)
    rng.shuffle(kinds)
    rss_indices = [i for i, kind in enumerate(kinds) if kind == "rss"]
    cp1251 = set(rng.sample(rss_indices, CP1251_COUNT))
    feeds = []
    for index, kind in enumerate(kinds):
        encoding = "windows-1251" if index in cp1251 else "utf-8"
        language = "uk" if encoding == "windows-1251" or rng.random() < 0.6 else "la"
        items = 30 + int(90 * rng.random() ** 3)
        weight = rng.uniform(0.5, 1.5)
        feeds.append(dict(index=index, kind=kind, encoding=encoding, language=language,
                          items=items, weight=weight))
    return feeds


def write_feed(rng, spec, mean_extra, path):
    site = f"site{spec['index']:03d}.example.{'com.ua' if spec['language'] == 'uk' else 'org'}"
    maker = TextMaker(rng, spec["language"], site)
    writer = FeedWriter(rng, maker, spec["kind"], spec["encoding"], spec["index"])
    parts = [writer.header()]
    for number in range(spec["items"]):
        size = HTML_MIN + rng.expovariate(1 / mean_extra) if mean_extra > 0 else HTML_MIN
        parts.append(writer.item(number, min(HTML_MAX, int(size))))
    parts.append(writer.footer())
    data = "".join(parts).encode(spec["encoding"])
    path.write_bytes(data)
    return data


def generate_feeds(seed, out):
    rng = random.Random(seed)
    feeds = plan(rng)
    directory = out / "feeds"
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.xml"):
        stale.unlink()
    written, digest, entries = 0, hashlib.sha256(), []
    for position, spec in enumerate(feeds):
        rest = feeds[position:]
        remaining = TARGET_BYTES - written
        # Spread what is left of the byte budget over the remaining feeds by weight, so the
        # total lands near the target whatever the earlier feeds came to.
        per_item = remaining / sum(f["items"] for f in rest)
        weight_mean = sum(f["weight"] * f["items"] for f in rest) / sum(f["items"] for f in rest)
        mean_extra = max(0.0, (per_item - ITEM_OVERHEAD - HTML_MIN)) * spec["weight"] / weight_mean
        name = f"{spec['index']:03d}-{spec['kind']}-{spec['encoding']}.xml"
        data = write_feed(rng, spec, mean_extra, directory / name)
        digest.update(data)
        written += len(data)
        entries.append(dict(name=f"feeds/{name}", format=spec["kind"], encoding=spec["encoding"],
                            language=spec["language"], items=spec["items"], bytes=len(data)))
    return dict(files=entries, bytes=written, items=sum(e["items"] for e in entries),
                sha256=digest.hexdigest())


def generate_large(seed, out):
    rng = random.Random(seed + 1)
    spec = dict(index=999, kind="rss", encoding="utf-8", language="uk", items=0, weight=1.0)
    directory = out / "large"
    directory.mkdir(parents=True, exist_ok=True)
    # About 4.5 KB per item with these settings; item count chosen to reach ~58 MB.
    spec["items"] = LARGE_TARGET_BYTES // 4_500
    data = write_feed(rng, spec, 1_000, directory / "large-rss.xml")
    return dict(files=[dict(name="large/large-rss.xml", format="rss", encoding="utf-8",
                            language="uk", items=spec["items"], bytes=len(data))],
                bytes=len(data), items=spec["items"], sha256=hashlib.sha256(data).hexdigest())


def checksum(out, group):
    digest = hashlib.sha256()
    for entry in group["files"]:
        with open(out / entry["name"], "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


def load_manifest(out, seed, large):
    """The manifest if the corpus on disk matches this generator, seed and its own checksums."""
    try:
        manifest = json.loads((out / "manifest.json").read_text())
    except (OSError, ValueError):
        return None
    if manifest.get("version") != GENERATOR_VERSION or manifest.get("seed") != seed:
        return None
    groups = ["feeds"] + (["large"] if large else [])
    for key in groups:
        group = manifest.get(key)
        if not group:
            return None
        try:
            if checksum(out, group) != group["sha256"]:
                return None
        except OSError:
            return None
    return manifest


def ensure_corpus(out, seed=DEFAULT_SEED, large=False, log=print):
    manifest = load_manifest(out, seed, large)
    if manifest:
        return manifest
    previous = load_manifest(out, seed, False)
    manifest = previous or dict(version=GENERATOR_VERSION, seed=seed)
    if not previous:
        log(f"generating corpus (seed {seed}) into {out} ...")
        manifest["feeds"] = generate_feeds(seed, out)
    if large:
        log("generating the large feed ...")
        manifest["large"] = generate_large(seed, out)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=HERE / "corpus")
    parser.add_argument("--large", action="store_true", help="also write the ~58 MB single feed")
    args = parser.parse_args()
    manifest = ensure_corpus(args.out, args.seed, args.large)
    for key in ("feeds", "large"):
        if key in manifest:
            group = manifest[key]
            print(f"{key}: {len(group['files'])} files, {group['bytes']:,} bytes, "
                  f"{group['items']:,} items, sha256 {group['sha256']}")


if __name__ == "__main__":
    main()
