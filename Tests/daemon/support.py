"""Shared pieces of the daemon tests: the visnyk binary, configs, spool inspection."""

import glob
import json
import os
import subprocess
import tempfile
import time

VISNYK = os.environ.get("VISNYK", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug", "visnyk"))


def toml_string(value):
    return json.dumps(value, ensure_ascii=False)


def write_config(directory, sources, **settings):
    """sources: list of dicts (name, url|file|telegram, optional interval, dedup, enabled, tags)."""
    lines = [
        'state_dir = "state"',
        'spool_dir = "spool"',
        'user_agent_url = "https://example.org/visnyk-tests"',
        'interval = "%s"' % settings.pop("interval", "30m"),
        'min_interval = "%s"' % settings.pop("min_interval", "1s"),
        'timeout = "%s"' % settings.pop("timeout", "10s"),
        # The test servers listen on 127.0.0.1, which the default refuses.
        'allow_private_networks = %s' % ("true" if settings.pop("allow_private_networks", True) else "false"),
    ]
    for key, value in settings.items():
        lines.append("%s = %s" % (key, toml_string(value)))
    for source in sources:
        lines.append("")
        lines.append("[[source]]")
        for key, value in source.items():
            lines.append("%s = %s" % (key, toml_string(value)))
    path = os.path.join(directory, "visnyk.toml")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return path


def run_visnyk(*args, timeout=120, env=None):
    return subprocess.run([VISNYK, *args], capture_output=True, text=True, timeout=timeout, env=env)


def wait_until(predicate, what, timeout=30):
    """Polls `predicate` every 50 ms; fails the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting until " + what)


def spool_files(directory, folder="new"):
    return sorted(glob.glob(os.path.join(directory, "spool", folder, "*")))


def spool_documents(directory):
    """Every file in new/, parsed; raises if one is not complete JSON (a partial file)."""
    documents = []
    for path in spool_files(directory):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        try:
            documents.append(json.loads(text))
        except ValueError as error:
            raise AssertionError("partial or invalid spool file %s: %s" % (path, error))
    return documents


def status_json(config):
    result = run_visnyk("status", "--json", "--config", config)
    if result.returncode != 0:
        raise AssertionError("visnyk status failed: %s" % result.stderr)
    return json.loads(result.stdout)


class TemporaryDirectory(tempfile.TemporaryDirectory):
    pass


SERVER_SCRIPT = os.path.join(os.path.dirname(__file__), "..", "VisnykKitTests", "Support", "Servers", "feed_server.py")


class FeedServer:
    """feed_server.py on 127.0.0.1, serving DIR under /feeds/; ends when its stdin closes."""

    def __init__(self, feeds_dir=None, gen=0, log=True):
        import sys
        args = [sys.executable, SERVER_SCRIPT]
        if feeds_dir:
            args += ["--feeds", feeds_dir]
        if gen:
            args += ["--gen", str(gen)]
        if not log:
            args.append("--no-log")
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            self.process.kill()
            raise RuntimeError("feed_server.py did not start: %r" % line)
        self.port = int(line.split()[1])
        self.base = "http://127.0.0.1:%d" % self.port

    def url(self, path):
        return self.base + path

    def log(self):
        import urllib.request
        with urllib.request.urlopen(self.url("/__log")) as response:
            return json.load(response)

    def requests(self):
        return self.log()["requests"]

    def reset(self):
        import urllib.request
        urllib.request.urlopen(self.url("/__reset")).read()

    def close(self):
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
