"""`metrics = "127.0.0.1:PORT"`: `visnyk run` serves Prometheus metrics that `promtool check
metrics` (Debian's prometheus package, installed by scripts/setup) accepts, with the polls,
articles and failures of a real run against the loopback feed server."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from feeds import write_feeds  # noqa: E402
from support import VISNYK, FeedServer, wait_until, write_config  # noqa: E402


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scrape(port):
    try:
        with urllib.request.urlopen("http://127.0.0.1:%d/metrics" % port, timeout=5) as response:
            return response.headers.get("Content-Type"), response.read().decode("utf-8")
    except OSError:
        return None, ""


class MetricsTests(unittest.TestCase):
    def test_a_running_daemon_serves_metrics_that_promtool_accepts(self):
        promtool = shutil.which("promtool")
        if promtool is None:
            self.skipTest("promtool is not installed (Debian package prometheus; scripts/setup installs it)")
        with tempfile.TemporaryDirectory() as work:
            feeds = os.path.join(work, "feeds")
            write_feeds(feeds, 2, per_feed=3)
            with open(os.path.join(feeds, "garbage.xml"), "w") as out:
                out.write("Just some words, no feed at all.\n")
            server = FeedServer(feeds, log=False)
            port = free_port()
            sources = [{"name": "Стрічка \"0\"", "url": server.url("/feeds/feed0.xml")},
                       {"name": "missing", "url": server.url("/fault/status/404")},
                       {"name": "broken", "url": server.url("/feeds/garbage.xml")}]
            config = write_config(work, sources, metrics="127.0.0.1:%d" % port)
            process = subprocess.Popen([VISNYK, "run", "--config", config],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            try:
                wait_until(lambda: scrape(port)[1].count("visnyk_polls_total{") >= 3, "three sources polled")
                content_type, text = scrape(port)
                self.assertEqual(content_type, "text/plain; version=0.0.4; charset=utf-8")
                self.assertIn('visnyk_polls_total{source="Стрічка \\"0\\"",result="2xx"} 1', text)
                self.assertIn('visnyk_polls_total{source="missing",result="4xx"} 1', text)
                self.assertIn('visnyk_articles_total{source="Стрічка \\"0\\"",kind="new"} 3', text)
                self.assertIn('visnyk_polls_total{source="broken",result="parse_error"} 1', text)
                self.assertIn('visnyk_parse_errors_total{source="broken"} 1', text)
                self.assertRegex(text, r"\nvisnyk_spool_new_files 3(\.0)?\n")
                self.assertIn("visnyk_scheduler_lag_seconds_count", text)
                checked = subprocess.run([promtool, "check", "metrics"], input=text, capture_output=True, text=True)
                self.assertEqual(checked.returncode, 0, checked.stdout + checked.stderr)
            finally:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=15)
                server.close()
            self.assertIn("serving Prometheus metrics on http://127.0.0.1:%d/metrics" % port, process.stderr.read())
            process.stderr.close()


if __name__ == "__main__":
    unittest.main()
