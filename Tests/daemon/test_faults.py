"""Fault injection against the built binary: kill -9 at random moments of poll → spool → digest,
a full disk, a corrupt or locked state database, a read-only state directory, and a spool on
another filesystem. Tests that mount a tmpfs need root (CI runs as root); otherwise they are
skipped with a message saying so.

    VISNYK=.build/debug/visnyk python3 -m unittest discover -s Tests/daemon -p "test_faults.py" -v

VISNYK_CRASH_TRIALS sets the number of kill -9 trials (default 50).
"""

import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

from faults import DatabaseLocker, SMTPServer, Tmpfs, can_mount, fill, query
from feeds import feed_xml
from notify import NotifySocket
from support import FeedServer, VISNYK, run_visnyk, spool_documents, spool_files, status_json, wait_until, write_config

DAY = 86_400


def write_growing_feeds(directory, count, per_feed):
    os.makedirs(directory, exist_ok=True)
    for index in range(count):
        with open(os.path.join(directory, "feed%d.xml" % index), "w", encoding="utf-8") as out:
            out.write(feed_xml(index, per_feed, 0))


def article_ids(count, per_feed):
    return {"feed%d-article%d" % (index, n) for index in range(count) for n in range(per_feed)}


def check_spool(test, work, what):
    """No partial file in new/ (spool_documents raises), no article twice; returns the ids."""
    documents = spool_documents(work)
    ids = [document["id"] for document in documents]
    hashes = [document["contentHash"] for document in documents]
    test.assertEqual(len(set(ids)), len(ids), "an article spooled twice, %s" % what)
    test.assertEqual(len(set(hashes)), len(hashes), "a content hash spooled twice, %s" % what)
    return set(ids)


def start(config, log_path):
    """`visnyk run`, with a notify socket of its own (process.notify) to know when it is ready."""
    notify = NotifySocket()
    log = open(log_path, "a")
    process = subprocess.Popen([VISNYK, "run", "--config", config], stdout=log, stderr=subprocess.STDOUT,
                               env=dict(os.environ, NOTIFY_SOCKET=notify.env_value))
    log.close()
    process.notify = notify
    return process


def stop(test, process):
    """SIGTERM once the daemon said READY=1 (before, its handler is not installed yet)."""
    try:
        process.notify.wait_for(lambda message: "READY=1" in message, timeout=60)
        process.send_signal(signal.SIGTERM)
        test.assertEqual(process.wait(timeout=20), 0, "visnyk run did not stop cleanly on SIGTERM")
    finally:
        process.notify.close()


def kill(process):
    if process.poll() is None:
        process.kill()
    process.wait()
    process.notify.close()


def read_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def read_log(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


class KillPollSpoolDigestTests(unittest.TestCase):
    """`visnyk run` with feeds growing between trials and a digest due at every start, killed
    with SIGKILL at a random moment (at a random time, once a random number of files reached
    new/, or just after the mail server accepted a digest), then restarted and left to finish.

    After each restart: no partial file in new/, no article spooled twice, none lost. At the end:
    every article reached the mail server at least once; a recorded delivery reached it exactly
    once; an article came twice only when one of the two messages was accepted by the server
    but never recorded (the crash-after-accept window DigestDeliverer documents), and each such
    message's articles came again in a recorded one."""

    FEEDS = 4

    def setUp(self):
        self.trials = int(os.environ.get("VISNYK_CRASH_TRIALS", "50"))
        self.work_dir = tempfile.TemporaryDirectory()
        self.work = self.work_dir.name
        self.feeds = os.path.join(self.work, "feeds")
        self.state = os.path.join(self.work, "state")
        self.log = os.path.join(self.work, "daemon.log")
        write_growing_feeds(self.feeds, self.FEEDS, 3)
        self.server = FeedServer(self.feeds, log=False)
        self.smtp = SMTPServer(os.path.join(self.work, "received"))
        self.process = None

    def tearDown(self):
        if self.process:
            kill(self.process)
        self.smtp.close()
        self.server.close()
        self.work_dir.cleanup()

    def write_config(self):
        sources = [{"name": "feed %d" % i, "url": self.server.url("/feeds/feed%d.xml" % i)} for i in range(self.FEEDS)]
        # The feeds' articles differ by a word or two: near-duplicate marking would fold them into
        # "also in" lines without their links, and this test counts links.
        config = write_config(self.work, sources, interval="2s", min_interval="1s", max_backoff="2s",
                              near_duplicates="off")
        with open(config, "a", encoding="utf-8") as handle:
            handle.write("\n".join([
                "", "[[digest]]", 'name = "morning"', 'to = ["reader@example.org"]',
                'from = "visnyk@example.org"', 'at = "07:30"', 'timezone = "UTC"',
                "excerpt_length = 0", "send_empty = true",
                "", "[mail]", 'transport = "smtp"', 'url = "smtp://127.0.0.1:%d"' % self.smtp.port,
                'tls = "none"', 'timeout = "10s"', ""]))
        return config

    def make_digest_due(self):
        """Moves the slot the digest last covered back a day; returns the slot to reach again."""
        (slot,) = query(self.state, "SELECT lastSlot FROM digest_state WHERE name = 'morning'")[0]
        query(self.state, "UPDATE digest_state SET lastSlot = ? WHERE name = 'morning'", (slot - DAY,))
        return slot

    def finished(self, expected, slot):
        ids = {document["id"] for document in spool_documents(self.work)}
        if ids != expected:
            return False
        rows = query(self.state, "SELECT lastSlot, nextAttemptAt FROM digest_state WHERE name = 'morning'")
        return rows[0][0] is not None and rows[0][0] >= slot and rows[0][1] is None

    def test_kill_at_random_moments_of_poll_spool_and_digest(self):
        config = self.write_config()
        self.assertEqual(run_visnyk("poll", "--once", "--config", config).returncode, 0)
        first = run_visnyk("digest", "morning", "--send", "--config", config)
        self.assertEqual(first.returncode, 0, first.stderr)
        rng = random.Random(20261129)
        # A clean cycle first, to size the window in which kills land.
        per_feed = 5
        write_growing_feeds(self.feeds, self.FEEDS, per_feed)
        slot = self.make_digest_due()
        started = time.monotonic()
        self.process = start(config, self.log)
        expected = article_ids(self.FEEDS, per_feed)
        wait_until(lambda: self.finished(expected, slot), "the first clean cycle finished", timeout=120)
        cycle = time.monotonic() - started
        stop(self, self.process)
        modes = {"time": 0, "spool": 0, "mail": 0}
        landed = {"spool incomplete": 0, "digest not yet recorded": 0}
        for trial in range(self.trials):
            what = "trial %d" % trial
            per_feed += 2
            write_growing_feeds(self.feeds, self.FEEDS, per_feed)
            expected = article_ids(self.FEEDS, per_feed)
            spooled_before = len(spool_files(self.work))
            received_before = self.smtp.count()
            deliveries_before = query(self.state, "SELECT COUNT(*) FROM digest_deliveries")[0][0]
            slot = self.make_digest_due()
            mode = rng.choice(sorted(modes))
            modes[mode] += 1
            self.process = start(config, self.log)
            if mode == "time":
                time.sleep(rng.uniform(0, cycle))
            elif mode == "spool":
                target = rng.randrange(spooled_before, len(expected) + 1)
                deadline = time.monotonic() + 30
                while len(spool_files(self.work)) < target and time.monotonic() < deadline:
                    time.sleep(0.002)
                time.sleep(rng.uniform(0, 0.01))
            else:
                deadline = time.monotonic() + 30
                while self.smtp.count() == received_before and time.monotonic() < deadline:
                    time.sleep(0.001)
                time.sleep(rng.uniform(0, 0.005))
            self.assertIsNone(self.process.poll(), "visnyk run exited by itself, %s" % what)
            kill(self.process)
            ids = check_spool(self, self.work, "after the kill, " + what)
            recorded = query(self.state, "SELECT COUNT(*) FROM digest_deliveries")[0][0]
            landed["spool incomplete"] += ids != expected
            landed["digest not yet recorded"] += recorded == deliveries_before
            # Restart, untouched: recovery must complete the spool and the due digest.
            self.process = start(config, self.log)
            wait_until(lambda: self.finished(expected, slot), "the restarted daemon caught up, " + what, timeout=120)
            stop(self, self.process)
            self.assertEqual(check_spool(self, self.work, "after the restart, " + what), expected,
                             "articles lost, %s" % what)
            self.assertEqual(os.listdir(os.path.join(self.work, "spool", "tmp")), [], "tmp/ left over, " + what)
        # Whatever the last digests left behind goes in one more message, sent by hand.
        last = run_visnyk("digest", "morning", "--send", "--config", config)
        self.assertEqual(last.returncode, 0, last.stderr)
        self.check_deliveries(expected)
        for moment, count in landed.items():
            self.assertGreaterEqual(count, self.trials // 10, "too few kills landed with the %s: %s" % (moment, landed))
        print("\n  crash trials: %d, kill modes %s, landed %s, first cycle %.1f s"
              % (self.trials, modes, landed, cycle))

    def check_deliveries(self, expected):
        messages = self.smtp.messages()
        recorded = {row[0].strip("<>") for row in query(self.state, "SELECT messageID FROM digest_deliveries")}
        received_ids = [message_id for message_id, _ in messages]
        for message_id in recorded:
            self.assertEqual(received_ids.count(message_id), 1,
                             "recorded delivery %s reached the server %d times" % (message_id, received_ids.count(message_id)))
        unrecorded = [(message_id, articles) for message_id, articles in messages if message_id not in recorded]
        self.assertLessEqual(len(unrecorded), self.trials, "more unrecorded messages than kills")
        delivered = set().union(*(articles for _, articles in messages))
        self.assertEqual(expected - delivered, set(), "articles never delivered")
        in_recorded = {}
        for message_id, articles in messages:
            if message_id in recorded:
                for article in articles:
                    in_recorded[article] = in_recorded.get(article, 0) + 1
        twice = {article: count for article, count in in_recorded.items() if count > 1}
        self.assertEqual(twice, {}, "articles in more than one recorded delivery")
        for message_id, articles in unrecorded:
            self.assertEqual(articles - set(in_recorded), set(),
                             "articles of the unrecorded message %s were never delivered again" % message_id)
        print("\n  digests: %d messages received, %d recorded, %d in the crash-after-accept window"
              % (len(messages), len(recorded), len(unrecorded)))


@unittest.skipIf(can_mount(), "disk full: %s" % can_mount())
class DiskFullTests(unittest.TestCase):
    """The spool's filesystem fills up while the daemon runs: polls fail with an error that says
    so in status and in the log, the daemon keeps running, and once space returns every article
    arrives (none was marked seen without its file)."""

    def test_a_full_spool_disk_fails_polls_clearly_and_recovers(self):
        with tempfile.TemporaryDirectory() as work:
            feeds = os.path.join(work, "feeds")
            write_growing_feeds(feeds, 3, 20)
            server = FeedServer(feeds, log=False)
            disk = Tmpfs(os.path.join(work, "spooldisk"), size="2m")
            process = None
            try:
                spool = os.path.join(disk.path, "spool")
                for sub in ("tmp", "new", "cur"):
                    os.makedirs(os.path.join(spool, sub))
                filler = fill(disk.path)
                sources = [{"name": "feed %d" % i, "url": server.url("/feeds/feed%d.xml" % i)} for i in range(3)]
                config = write_config(work, sources, interval="2s", min_interval="1s", max_backoff="2s")
                with open(config, encoding="utf-8") as handle:
                    text = handle.read().replace('spool_dir = "spool"', 'spool_dir = "%s"' % spool)
                with open(config, "w", encoding="utf-8") as handle:
                    handle.write(text)
                log = os.path.join(work, "daemon.log")
                process = start(config, log)
                # status only once the daemon has created and migrated the state: two processes
                # migrating one fresh database at once can collide (see RELIABILITY.md).
                process.notify.wait_for(lambda message: "READY=1" in message, timeout=60)

                def failing_for_space():
                    rows = status_json(config)["sources"]
                    return len(rows) == 3 and all("space" in (row.get("lastError") or "").lower() for row in rows)

                wait_until(failing_for_space, "every source fails for lack of space", timeout=60)
                time.sleep(3)  # a few more failed polls
                self.assertIsNone(process.poll(), "the daemon must keep running on a full disk")
                for row in status_json(config)["sources"]:
                    self.assertEqual(row["health"], "failing", row)
                    self.assertIn(spool, row["lastError"], "the error names the spool path: %s" % row["lastError"])
                self.assertIn("No space left on device", read_log(log))
                print("\n  disk full: %s" % status_json(config)["sources"][0]["lastError"])
                self.assertEqual([name for name in os.listdir(os.path.join(spool, "new"))], [])
                os.unlink(filler)
                expected = article_ids(3, 20)
                wait_until(lambda: {d["id"] for d in spool_documents(disk.path)} == expected,
                           "every article spooled once space returned", timeout=60)
                wait_until(lambda: all(row["health"] == "ok" for row in status_json(config)["sources"]),
                           "every source healthy again", timeout=60)
                stop(self, process)
                ids = check_spool(self, os.path.dirname(spool), "after the disk was freed")
                self.assertEqual(ids, expected)
                self.assertEqual(os.listdir(os.path.join(spool, "tmp")), [])
            finally:
                if process:
                    kill(process)
                disk.close()
                server.close()


class BrokenStateTests(unittest.TestCase):
    """A state database that is damaged, locked by another process, or in a read-only directory:
    `visnyk run` and `visnyk poll` refuse to start with a message naming the file and what to do,
    and the file is left exactly as it was (never reset)."""

    def setUp(self):
        self.work_dir = tempfile.TemporaryDirectory()
        self.work = self.work_dir.name
        self.feeds = os.path.join(self.work, "feeds")
        write_growing_feeds(self.feeds, 2, 3)
        sources = [{"name": "feed %d" % i, "file": os.path.join(self.feeds, "feed%d.xml" % i)} for i in range(2)]
        self.config = write_config(self.work, sources)
        self.database = os.path.join(self.work, "state", "visnyk.sqlite")
        self.mounts = []

    def tearDown(self):
        for mount in self.mounts:
            mount.close()
        self.work_dir.cleanup()

    def make_database(self):
        result = run_visnyk("poll", "--once", "--config", self.config)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.exists(self.database))

    def assert_refused(self, *words, timeout=60):
        """Both commands fail, naming `words`; the database is byte for byte what it was."""
        before = read_bytes(self.database) if os.path.exists(self.database) else None
        spooled = spool_files(self.work)
        for command in (["run"], ["poll", "--once"]):
            started = time.monotonic()
            result = run_visnyk(*command, "--config", self.config, timeout=timeout)
            elapsed = time.monotonic() - started
            self.assertNotEqual(result.returncode, 0, "%s started anyway: %s" % (command, result.stdout))
            for word in words:
                self.assertIn(word, result.stderr, "%s: %s" % (command, result.stderr))
            self.assertLess(elapsed, timeout)
            if before is not None:
                self.assertEqual(read_bytes(self.database), before, "%s changed the database" % command)
        self.assertEqual(spool_files(self.work), spooled, "nothing may be spooled without the state")
        return result.stderr

    def test_a_file_that_is_not_a_database_is_refused_not_reset(self):
        os.makedirs(os.path.dirname(self.database))
        with open(self.database, "wb") as out:
            out.write(b"these bytes are not an SQLite database, whatever the name says\n" * 64)
        message = self.assert_refused(self.database, "damaged", "backup")
        self.assertNotIn("Optional(", message)

    def test_a_truncated_database_is_refused_not_reset(self):
        self.make_database()
        with open(self.database, "rb") as handle:
            data = handle.read()
        for suffix in ("-wal", "-shm"):
            if os.path.exists(self.database + suffix):
                os.unlink(self.database + suffix)
        with open(self.database, "wb") as out:
            out.write(data[:100] + b"\xff" * (len(data) - 100))
        self.assert_refused(self.database, "damaged")

    def test_a_database_locked_by_another_process_is_refused(self):
        self.make_database()
        locker = DatabaseLocker(self.database)
        try:
            message = self.assert_refused(self.database, "locked by another process", timeout=90)
        finally:
            locker.close()
        self.assertIn("stop", message.lower())
        # Once the other process lets go, the same database works again, unchanged.
        result = run_visnyk("poll", "--once", "--config", self.config)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(len(spool_files(self.work)), 6, "nothing new, nothing spooled again")

    def read_only_state(self):
        state = os.path.join(self.work, "state")
        if can_mount():
            os.chmod(state, 0o555)
            self.addCleanup(os.chmod, state, 0o755)
            return
        saved = os.path.join(self.work, "saved-state")
        shutil.copytree(state, saved)
        mount = Tmpfs(state, size="4m")
        self.mounts.append(mount)
        for name in os.listdir(saved):
            shutil.copy2(os.path.join(saved, name), state)
        mount.remount_read_only()

    def test_a_read_only_state_directory_with_a_database_is_refused(self):
        self.make_database()
        self.read_only_state()
        self.assert_refused(self.database, "state_dir")

    def test_a_read_only_empty_state_directory_is_refused(self):
        os.makedirs(os.path.join(self.work, "state"))
        self.read_only_state()
        self.assert_refused(os.path.join(self.work, "state"), "state_dir")


@unittest.skipIf(can_mount(), "spool on another filesystem: %s" % can_mount())
class SpoolOnAnotherFilesystemTests(unittest.TestCase):
    """The spool on its own tmpfs, the state and $TMPDIR elsewhere: tmp/ is inside the spool, so
    the rename into new/ stays on one filesystem and files arrive whole, even when killed."""

    def test_files_arrive_whole_when_the_spool_is_on_another_filesystem(self):
        with tempfile.TemporaryDirectory() as work:
            feeds = os.path.join(work, "feeds")
            write_growing_feeds(feeds, 6, 40)
            server = FeedServer(feeds, log=False)
            disk = Tmpfs(os.path.join(work, "spooldisk"), size="64m")
            try:
                spool = os.path.join(disk.path, "spool")
                sources = [{"name": "feed %d" % i, "url": server.url("/feeds/feed%d.xml" % i)} for i in range(6)]
                config = write_config(work, sources)
                with open(config, encoding="utf-8") as handle:
                    text = handle.read().replace('spool_dir = "spool"', 'spool_dir = "%s"' % spool)
                with open(config, "w", encoding="utf-8") as handle:
                    handle.write(text)
                other_tmp = os.path.join(work, "tmp")
                os.makedirs(other_tmp)
                env = dict(os.environ, TMPDIR=other_tmp)
                expected = article_ids(6, 40)
                rng = random.Random(7)
                for trial in range(5):
                    process = subprocess.Popen([VISNYK, "poll", "--once", "--config", config], env=env,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    target = rng.randrange(1, len(expected))
                    while process.poll() is None and len(spool_files(disk.path)) < target:
                        time.sleep(0.002)
                    process.kill()
                    process.wait()
                    check_spool(self, disk.path, "after kill %d" % trial)
                result = subprocess.run([VISNYK, "poll", "--once", "--config", config], env=env,
                                        capture_output=True, text=True, timeout=120)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(check_spool(self, disk.path, "after the last poll"), expected)
                self.assertEqual(os.listdir(os.path.join(spool, "tmp")), [])
                spool_device = os.stat(os.path.join(spool, "new")).st_dev
                self.assertEqual(os.stat(os.path.join(spool, "tmp")).st_dev, spool_device)
                self.assertNotEqual(os.stat(os.path.join(work, "state")).st_dev, spool_device,
                                    "the test must put the spool on another filesystem than the state")
                self.assertEqual(os.listdir(other_tmp), [], "nothing is written through $TMPDIR")
            finally:
                disk.close()
                server.close()


if __name__ == "__main__":
    unittest.main()
