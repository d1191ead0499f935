"""Hostile servers against `visnyk poll --once` (issue 6, "Hostile network"): decompression
bombs, endless and slow bodies, lying lengths, broken chunking, dropped connections, redirects
out of http(s), a bad certificate and the private-network guard. Each must end in a clear
error for that source alone, within the configured limits, while a calm neighbour is read."""

import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import VISNYK, spool_documents, status_json, write_config  # noqa: E402

SERVER = os.path.join(os.path.dirname(__file__), "..", "VisnykKitTests", "Support", "Servers", "hostile_server.py")


class HostileServer:
    def __init__(self):
        self.process = subprocess.Popen([sys.executable, SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        ports = self.process.stdout.readline().split()
        cert = self.process.stdout.readline().split()
        if len(ports) != 4 or ports[0] != "PORT" or cert[:1] != ["CERT"]:
            self.process.kill()
            raise RuntimeError("hostile_server.py did not start: %r %r" % (ports, cert))
        self.http = "http://127.0.0.1:%s" % ports[1]
        self.https = "https://127.0.0.1:%s" % ports[3]
        self.cert = cert[1]

    def close(self):
        self.process.stdin.close()
        self.process.stdout.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def poll_measured(config):
    """Runs `visnyk poll --once`; returns (exit status, stderr, peak RSS in MiB of that process)."""
    process = subprocess.Popen([VISNYK, "poll", "--once", "--config", config],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # Read stderr in full, then reap the child with wait4 for its own resource usage.
    stderr = process.stderr.read()
    process.stderr.close()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, stderr, usage.ru_maxrss / 1024


class HostileNetworkTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = HostileServer()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def setUp(self):
        self.work = tempfile.TemporaryDirectory()
        self.dir = self.work.name

    def tearDown(self):
        self.work.cleanup()

    def test_every_hostile_server_fails_alone_with_a_clear_error_and_bounded_memory(self):
        http = self.server.http
        hostile = {
            "gzip bomb": (http + "/gzip-bomb", ["larger than the 1 MiB limit"]),
            "brotli bomb": (http + "/brotli-bomb", ["larger than the 1 MiB limit"]),
            "endless": (http + "/endless", ["larger than the 1 MiB limit", "did not answer within 4 s"]),
            "slowloris": (http + "/slowloris", ["did not answer within 4 s"]),
            "10 GB length": (http + "/huge-length", ["larger than the 1 MiB limit"]),
            "bad chunking": (http + "/bad-chunked", ["broke off", "curl error"]),
            "closed mid-body": (http + "/close-mid", ["broke off"]),
            "redirect loop": (http + "/redirect-loop", ["redirected more than 5 times or in a loop"]),
            "redirect to file": (http + "/redirect-file", ["file:///etc/passwd", "only http:// and https://"]),
            "redirect to gopher": (http + "/redirect-gopher", ["gopher://127.0.0.1/", "only http:// and https://"]),
            "bad certificate": (self.server.https + "/feed.xml", ["not signed by an authority this system trusts"]),
        }
        sources = [{"name": "calm", "url": http + "/feed.xml"}]
        sources += [{"name": name, "url": url} for name, (url, _) in hostile.items()]
        config = write_config(self.dir, sources, timeout="4s", max_download_size="1MiB")
        status, stderr, peak = poll_measured(config)
        self.assertEqual(status, 1, stderr)
        # 1.25 GiB of decoded bombs and an endless body went past: the caps held.
        self.assertLess(peak, 96, "peak RSS %.1f MiB" % peak)
        print("\n  peak RSS of the poll: %.1f MiB" % peak, file=sys.stderr)
        rows = {row["name"]: row for row in status_json(config)["sources"]}
        self.assertEqual(rows["calm"]["health"], "ok")
        self.assertEqual(rows["calm"]["newArticles"], 1)
        for name, (url, words) in hostile.items():
            row = rows[name]
            self.assertEqual(row["health"], "failing", row)
            error = row.get("lastError", "")
            self.assertIn(url, error, row)
            self.assertTrue(any(word in error for word in words), "%s: %s" % (name, error))
            self.assertNotIn("Optional(", error)
            print("  %s: %s" % (name, error), file=sys.stderr)
        self.assertEqual([d["title"] for d in spool_documents(self.dir)], ["Мирна новина"])

    def test_a_certificate_is_trusted_only_when_configured(self):
        sources = [{"name": "own server", "url": self.server.https + "/feed.xml"}]
        config = write_config(self.dir, sources, ca_file=self.server.cert)
        status, stderr, _ = poll_measured(config)
        self.assertEqual(status, 0, stderr)
        self.assertEqual([d["title"] for d in spool_documents(self.dir)], ["Мирна новина"])

    def test_private_addresses_are_refused_unless_allowed(self):
        sources = [{"name": "inside", "url": self.server.http + "/feed.xml"}]
        config = write_config(self.dir, sources, allow_private_networks=False)
        status, stderr, _ = poll_measured(config)
        self.assertEqual(status, 1, stderr)
        row = status_json(config)["sources"][0]
        self.assertIn("127.0.0.1, a loopback, private or link-local address", row["lastError"])
        self.assertIn("allow_private_networks = true", row["lastError"])
        self.assertEqual(spool_documents(self.dir), [])


if __name__ == "__main__":
    unittest.main()
