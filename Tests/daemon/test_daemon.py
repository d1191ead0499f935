"""End-to-end tests of `visnyk poll`, `visnyk run` and `visnyk status` against feed_server.py
on 127.0.0.1: real libcurl, real SQLite files, a real spool, real signals.

    VISNYK=.build/debug/visnyk python3 -m unittest discover -s Tests/daemon -v
"""

import json
import os
import random
import signal
import subprocess
import tempfile
import time
import unittest

from feeds import write_feeds, feed_xml, item
from notify import NotifySocket
from support import FeedServer, VISNYK, run_visnyk, spool_documents, spool_files, status_json, wait_until, write_config


def hashes(documents):
    return [document["contentHash"] for document in documents]


class PollTests(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.TemporaryDirectory()
        self.dir = self.work.name
        self.feeds = os.path.join(self.dir, "feeds")
        self.server = None

    def tearDown(self):
        if self.server:
            self.server.close()
        self.work.cleanup()

    def start(self, count, per_feed=10, shared=0, **settings):
        names = write_feeds(self.feeds, count, per_feed=per_feed, shared=shared)
        self.server = FeedServer(self.feeds)
        sources = [{"name": "feed %d" % i, "url": self.server.url("/feeds/" + name)} for i, name in enumerate(names)]
        self.config = write_config(self.dir, sources, **settings)
        return sources

    def poll(self, *args, expect=0):
        result = run_visnyk("poll", "--once", "--config", self.config, *args)
        self.assertEqual(result.returncode, expect, "poll: %s\n%s" % (result.stdout, result.stderr))
        return result

    def test_second_poll_is_conditional_and_answered_304(self):
        self.start(5)
        self.poll()
        self.assertEqual(len(spool_files(self.dir)), 50)
        self.server.reset()
        self.poll()
        requests = self.server.requests()
        self.assertEqual(len(requests), 5)
        for request in requests:
            self.assertIsNotNone(request["if_none_match"], request)
            self.assertEqual(request["status"], 304, request)
            self.assertTrue(request["user_agent"].startswith("visnyk/"), request)
        self.assertEqual(len(spool_files(self.dir)), 50, "a 304 must not spool anything")
        rows = {row["name"]: row for row in status_json(self.config)["sources"]}
        self.assertEqual(rows["feed 0"]["notModified"], 1)
        self.assertEqual(rows["feed 0"]["httpStatus"], 304)

    def test_same_article_in_three_sources_and_wordings_is_spooled_once(self):
        self.start(3, per_feed=2, shared=4)
        self.poll()
        documents = spool_documents(self.dir)
        self.assertEqual(len(documents), 3 * 2 + 4)
        self.assertEqual(len(set(hashes(documents))), len(documents))
        total_duplicates = sum(row["duplicates"] for row in status_json(self.config)["sources"])
        self.assertEqual(total_duplicates, 2 * 4)
        for document in documents:
            self.assertIn(document["feed"]["source"], {"feed 0", "feed 1", "feed 2"})
            self.assertIn("fetchedAt", document)

    def test_an_edited_entry_is_spooled_again_as_an_update(self):
        self.start(1, per_feed=3)
        self.poll()
        before = {d["id"]: d["contentHash"] for d in spool_documents(self.dir)}
        path = os.path.join(self.feeds, "feed0.xml")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text.replace("Стаття 1 зі стрічки 0.", "Стаття 1 зі стрічки 0, виправлена."))
        self.poll()
        documents = spool_documents(self.dir)
        self.assertEqual(len(documents), 4)
        updates = [d for d in documents if "updates" in d]
        self.assertEqual(len(updates), 1)
        self.assertEqual(updates[0]["id"], "feed0-article1")
        self.assertEqual(updates[0]["updates"], before["feed0-article1"])

    def test_every_fault_shows_in_status_and_other_sources_keep_polling(self):
        write_feeds(self.feeds, 2, per_feed=3)
        self.server = FeedServer(self.feeds)
        url = self.server.url
        faults = {
            "moved 301": url("/fault/301/fault/308/feeds/feed1.xml"),
            "found 302": url("/fault/302/feeds/feed1.xml"),
            "loop": url("/fault/loop"),
            "to file": url("/fault/to-file"),
            "gone": url("/fault/status/410"),
            "missing": url("/fault/status/404"),
            "busy 429": url("/fault/429?after=120"),
            "down 503": url("/fault/503?after=3600"),
            "slow": url("/fault/slow?seconds=6"),
            "truncated": url("/fault/truncated"),
            "oversized": url("/fault/oversized?size=3000000"),
            "bomb": url("/fault/bomb?size=5000000"),
            "wrong type": url("/fault/wrong-type"),
            "invalid xml": url("/fault/invalid-xml"),
        }
        sources = [{"name": "good", "url": url("/feeds/feed0.xml")}]
        sources += [{"name": name, "url": target} for name, target in faults.items()]
        self.config = write_config(self.dir, sources, timeout="3s", max_download_size="1MiB")
        self.poll(expect=1)
        rows = {row["name"]: row for row in status_json(self.config)["sources"]}
        self.assertEqual(rows["good"]["health"], "ok")
        self.assertEqual(rows["good"]["newArticles"], 3)
        # Redirects: a permanent chain relinks, a temporary one does not; both work.
        self.assertEqual(rows["moved 301"]["health"], "ok")
        self.assertEqual(rows["moved 301"]["url"], url("/feeds/feed1.xml"))
        self.assertEqual(rows["found 302"]["health"], "ok")
        self.assertEqual(rows["found 302"]["url"], url("/fault/302/feeds/feed1.xml"))
        # Malformed XML is read in recovery mode; the repair is reported, the articles kept.
        self.assertEqual(rows["invalid xml"]["health"], "ok")
        self.assertIn("recover", rows["invalid xml"].get("lastWarning", "").lower())
        # A feed sniffed from its content works whatever the Content-Type says.
        self.assertEqual(rows["wrong type"]["health"], "ok")
        self.assertEqual(rows["gone"]["health"], "retired")
        self.assertIn("410", rows["gone"]["lastError"])
        self.assertNotIn("nextPoll", rows["gone"])
        expected_words = {
            "loop": "redirect",
            "to file": "file",
            "missing": "404",
            "busy 429": "429",
            "down 503": "503",
            "slow": "within 3 s",
            "truncated": "",
            "oversized": "MiB",
            "bomb": "MiB",
        }
        for name, words in expected_words.items():
            row = rows[name]
            self.assertEqual(row["health"], "failing", row)
            self.assertEqual(row["failures"], 1, row)
            self.assertTrue(row["lastError"], row)
            self.assertIn(words.lower(), row["lastError"].lower(), row)
            self.assertNotIn("Optional(", row["lastError"])
        # Retry-After is honoured: the next poll is not before the server asked.
        now = time.time()
        self.assertGreaterEqual(parse_time(rows["busy 429"]["nextPoll"]), now + 100)
        self.assertGreaterEqual(parse_time(rows["down 503"]["nextPoll"]), now + 3000)
        text = run_visnyk("status", "--config", self.config).stdout
        self.assertIn("retired", text)
        self.assertTrue(text.index("failing") < text.index("good —"), "failing sources come first")
        # A second poll: the good source is asked conditionally, the retired one not at all.
        self.server.reset()
        self.poll(expect=1)
        paths = [r["path"] for r in self.server.requests()]
        self.assertNotIn("/fault/status/410", paths)
        self.assertIn("/feeds/feed0.xml", paths)


def count_files(directory):
    try:
        return len(os.listdir(directory))
    except FileNotFoundError:
        return 0


def parse_time(text):
    from datetime import datetime, timezone
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp() if text else 0


class CrashTests(unittest.TestCase):
    """kill -9 at random moments of a poll never leaves a duplicate, a lost article or a partial
    file in new/: after each kill, a second poll recovers and completes the spool."""

    TRIALS = 24

    def test_kill_at_random_moments(self):
        with tempfile.TemporaryDirectory() as work:
            feeds = os.path.join(work, "feeds")
            names = write_feeds(feeds, 12, per_feed=25, shared=5)
            server = FeedServer(feeds, log=False)
            try:
                sources = [{"name": "feed %d" % i, "url": server.url("/feeds/" + n)} for i, n in enumerate(names)]
                reference_dir = os.path.join(work, "reference")
                os.makedirs(reference_dir)
                config = write_config(reference_dir, sources)
                result = run_visnyk("poll", "--once", "--config", config)
                self.assertEqual(result.returncode, 0, result.stderr)
                expected = sorted(hashes(spool_documents(reference_dir)))
                self.assertEqual(len(expected), 12 * 25 + 5)
                rng = random.Random(20261129)
                killed_mid_way = 0
                for trial in range(self.TRIALS):
                    trial_dir = os.path.join(work, "trial%d" % trial)
                    os.makedirs(trial_dir)
                    config = write_config(trial_dir, sources)
                    process = subprocess.Popen([VISNYK, "poll", "--once", "--config", config],
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    # Kill at a random point of the spooling, whatever the machine's load: once
                    # a random number of files has reached new/, after a random short delay.
                    target = rng.randrange(0, len(expected))
                    new_dir = os.path.join(trial_dir, "spool", "new")
                    while process.poll() is None and count_files(new_dir) < target:
                        time.sleep(0.002)
                    time.sleep(rng.uniform(0, 0.02))
                    if process.poll() is None:
                        killed_mid_way += 1
                    process.kill()
                    process.wait()
                    partial = spool_documents(trial_dir)  # raises on a partial file
                    self.assertEqual(len(set(hashes(partial))), len(partial), "duplicate after kill, trial %d" % trial)
                    result = run_visnyk("poll", "--once", "--config", config)
                    self.assertEqual(result.returncode, 0, result.stderr)
                    recovered = spool_documents(trial_dir)
                    self.assertEqual(sorted(hashes(recovered)), expected, "trial %d lost or duplicated" % trial)
                    self.assertEqual(os.listdir(os.path.join(trial_dir, "spool", "tmp")), [], "tmp/ left over")
                self.assertGreaterEqual(killed_mid_way, self.TRIALS * 3 // 4, "most kills should land mid-poll")
            finally:
                server.close()


class DaemonTests(unittest.TestCase):
    def test_notify_reload_and_terminate(self):
        with tempfile.TemporaryDirectory() as work:
            feeds = os.path.join(work, "feeds")
            write_feeds(feeds, 3, per_feed=2)
            server = FeedServer(feeds)
            notify = NotifySocket()
            process = None
            try:
                # "slow" is still downloading when SIGTERM comes: it gets the grace period, no more.
                first = [{"name": "one", "url": server.url("/feeds/feed0.xml")},
                         {"name": "two", "url": server.url("/feeds/feed1.xml")},
                         {"name": "slow", "url": server.url("/fault/slow?seconds=120")}]
                config = write_config(work, first, interval="1h", timeout="300s")
                env = dict(os.environ, NOTIFY_SOCKET=notify.env_value, WATCHDOG_USEC="2000000")
                log_path = os.path.join(work, "daemon.log")
                log = open(log_path, "w")
                process = subprocess.Popen([VISNYK, "run", "--config", config], env=env,
                                           stdout=log, stderr=subprocess.STDOUT)
                ready = notify.wait_for(lambda m: "READY=1" in m)
                notify.wait_for(lambda m: "WATCHDOG=1" in m, start=ready)
                wait_until(lambda: len(spool_files(work)) == 4, "both sources polled")
                # SIGHUP with a changed config: "three" starts, "two" stops, "one" keeps its state.
                second = [first[0], first[2], {"name": "three", "url": server.url("/feeds/feed2.xml")}]
                write_config(work, second, interval="1h", timeout="300s")
                server.reset()
                process.send_signal(signal.SIGHUP)
                reloading = notify.wait_for(lambda m: "RELOADING=1" in m and "MONOTONIC_USEC=" in m, start=ready + 1)
                notify.wait_for(lambda m: m.startswith("READY=1"), start=reloading + 1)
                wait_until(lambda: len(spool_files(work)) == 6, "the added source polled")
                paths = [r["path"] for r in server.requests()]
                self.assertEqual(paths, ["/feeds/feed2.xml"], "only the new source is polled at once")
                # An invalid config is refused; the daemon keeps running on the old one.
                with open(config, "a", encoding="utf-8") as handle:
                    handle.write("\nnot_a_key = 1\n")
                mark = len(notify.snapshot())
                process.send_signal(signal.SIGHUP)
                notify.wait_for(lambda m: m.startswith("READY=1"), start=mark)
                self.assertIsNone(process.poll(), "the daemon must survive an invalid config")
                # SIGTERM: STOPPING=1 and exit 0 within 10 s.
                mark = len(notify.snapshot())
                started = time.monotonic()
                process.send_signal(signal.SIGTERM)
                code = process.wait(timeout=15)
                elapsed = time.monotonic() - started
                notify.wait_for(lambda m: "STOPPING=1" in m, start=mark, timeout=2)
                self.assertEqual(code, 0)
                self.assertLess(elapsed, 10.0)
                log.close()
                with open(log_path, encoding="utf-8") as handle:
                    text = handle.read()
                self.assertIn("not_a_key", text, "the refused reload is logged with the bad key")
                self.assertEqual(os.listdir(os.path.join(work, "spool", "tmp")), [])
            finally:
                if process and process.poll() is None:
                    process.kill()
                notify.close()
                server.close()


if __name__ == "__main__":
    unittest.main()
