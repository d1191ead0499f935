"""End-to-end tests of digests in `visnyk run`: the daemon sends a digest that fell due while it
was down once at start, covering the gap; a mail server that is not there shows in `status` and
does not keep the daemon from stopping. Real SQLite state, real spool, a real Maildir.

    VISNYK=.build/debug/visnyk python3 -m unittest discover -s Tests/daemon -p "test_digest.py" -v
"""

import email
import email.policy
import os
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import unittest

from feeds import feed_xml, item
from support import VISNYK, run_visnyk, status_json, wait_until, write_config

DAY = 86_400


def digest_tables(mail):
    return "\n".join([
        "",
        "[[digest]]",
        'name = "morning"',
        'to = ["Читач <reader@example.org>"]',
        'from = "Вісник <visnyk@example.org>"',
        'subject = "Новини за {{date}}: {{count}}"',
        'at = "07:30"',
        'timezone = "Europe/Kyiv"',
        "",
        "[mail]",
    ] + mail) + "\n"


def write_digest_config(work, mail):
    sources = [{"name": "Стрічка %d" % i, "file": os.path.join(work, "feeds", "feed%d.xml" % i)} for i in range(2)]
    config = write_config(work, sources, interval="1h")
    with open(config, "a", encoding="utf-8") as handle:
        handle.write(digest_tables(mail))
    return config


def write_feed(work, index, extra=()):
    os.makedirs(os.path.join(work, "feeds"), exist_ok=True)
    with open(os.path.join(work, "feeds", "feed%d.xml" % index), "w", encoding="utf-8") as out:
        out.write(feed_xml(index, 3, 0, extra_items=extra))


def messages(work):
    directory = os.path.join(work, "mail", "new")
    if not os.path.isdir(directory):
        return []
    found = []
    # Delivery order: Maildir names start with seconds and zero-padded microseconds.
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), "rb") as handle:
            found.append(email.message_from_bytes(handle.read(), policy=email.policy.default))
    return found


def start_daemon(config, log_path):
    log = open(log_path, "w")
    process = subprocess.Popen([VISNYK, "run", "--config", config], stdout=log, stderr=subprocess.STDOUT)
    log.close()
    return process


def stop_daemon(test, process):
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    test.assertEqual(process.wait(timeout=15), 0)
    test.assertLess(time.monotonic() - started, 10.0)


class DigestDaemonTests(unittest.TestCase):
    def test_a_digest_missed_while_down_is_sent_once_at_start_covering_the_gap(self):
        with tempfile.TemporaryDirectory() as work:
            write_feed(work, 0)
            write_feed(work, 1)
            config = write_digest_config(work, ['transport = "maildir"', 'maildir = "mail"'])
            self.assertEqual(run_visnyk("poll", "--once", "--config", config).returncode, 0)
            sent = run_visnyk("digest", "morning", "--send", "--config", config)
            self.assertEqual(sent.returncode, 0, sent.stderr)
            self.assertIn("sent 6 articles from 2 sources", sent.stdout)
            # One more article, then the state says the last digest covered 07:30 three days ago.
            late = item("late-1", "Пізня новина про мости", "<p>Міст відкрили ввечері.</p>", 3)
            write_feed(work, 1, extra=[late])
            self.assertEqual(run_visnyk("poll", "--once", "--config", config).returncode, 0)
            with sqlite3.connect(os.path.join(work, "state", "visnyk.sqlite")) as db:
                db.execute("UPDATE digest_state SET lastSlot = lastSlot - ? WHERE name = 'morning'", (3 * DAY,))
            process = start_daemon(config, os.path.join(work, "daemon.log"))
            try:
                wait_until(lambda: len(messages(work)) == 2, "the catch-up digest arrived")
                time.sleep(2)  # a second message would come right away; none may
                self.assertEqual(len(messages(work)), 2, "one catch-up digest, not one per missed day")
                stop_daemon(self, process)
            finally:
                if process.poll() is None:
                    process.kill()
            catch_up = messages(work)[1]
            self.assertTrue(str(catch_up["Subject"]).endswith(": 1"), catch_up["Subject"])
            text = catch_up.get_body(("plain",)).get_content()
            self.assertIn("Пізня новина про мости", text)
            self.assertNotIn("Стаття 0/0", text, "an article already delivered came again")
            with open(os.path.join(work, "daemon.log"), encoding="utf-8") as handle:
                self.assertIn('digest "morning": sent 1 article from 1 source', handle.read())
            digest = status_json(config)["digests"][0]
            self.assertEqual((digest["health"], digest["deliveries"], digest["lastArticles"]), ("ok", 2, 1))

    def test_a_mail_server_that_is_not_there_shows_in_status_and_the_daemon_still_stops(self):
        with tempfile.TemporaryDirectory() as work:
            write_feed(work, 0)
            write_feed(work, 1)
            with socket.socket() as probe:  # a port nobody listens on
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            config = write_digest_config(work, ['transport = "smtp"', 'url = "smtp://127.0.0.1:%d"' % port,
                                                'timeout = "10s"'])
            self.assertEqual(run_visnyk("poll", "--once", "--config", config).returncode, 0)
            failed = run_visnyk("digest", "morning", "--send", "--config", config)
            self.assertEqual(failed.returncode, 1)
            self.assertIn("127.0.0.1:%d" % port, failed.stderr)
            self.assertIn("nothing marked", failed.stderr)
            with sqlite3.connect(os.path.join(work, "state", "visnyk.sqlite")) as db:
                db.execute("UPDATE digest_state SET nextAttemptAt = 0 WHERE name = 'morning'")
            process = start_daemon(config, os.path.join(work, "daemon.log"))
            try:
                wait_until(lambda: status_json(config)["digests"][0]["failures"] >= 2, "the daemon retried")
                stop_daemon(self, process)
            finally:
                if process.poll() is None:
                    process.kill()
            digest = status_json(config)["digests"][0]
            self.assertEqual(digest["health"], "failing")
            self.assertIn("127.0.0.1:%d" % port, digest["lastError"])
            self.assertIsNotNone(digest["nextAttempt"])
            self.assertEqual(digest["deliveries"], 0)
            text = run_visnyk("status", "--config", config).stdout
            self.assertIn("digest morning — failing", text)


if __name__ == "__main__":
    unittest.main()
