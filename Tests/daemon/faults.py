"""Pieces of the fault tests: tmpfs mounts (root only), the loopback SMTP server, the messages
it stored, a process holding an SQLite database locked, and reading the state database."""

import email
import email.policy
import glob
import os
import re
import sqlite3
import subprocess
import sys

SMTP_SCRIPT = os.path.join(os.path.dirname(__file__), "..", "VisnykKitTests", "Support", "Servers", "smtp_server.py")
ARTICLE_LINK = re.compile(r"https://example\.org/(feed\d+-article\d+)")


def can_mount():
    """Why tmpfs mounts are impossible here, or None when they are possible."""
    if os.geteuid() != 0:
        return "needs root to mount a tmpfs (CI runs as root)"
    return None


class Tmpfs:
    """A tmpfs of `size` mounted on `path` (created) until `close`."""

    def __init__(self, path, size="1m"):
        os.makedirs(path, exist_ok=True)
        self.path = path
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%s,mode=0755" % size, "tmpfs", path], check=True)

    def remount_read_only(self):
        subprocess.run(["mount", "-o", "remount,ro", self.path], check=True)

    def close(self):
        subprocess.run(["umount", "-l", self.path], check=False)


def fill(directory, name="filler"):
    """Writes a file in `directory` until the filesystem is full; returns its path."""
    path = os.path.join(directory, name)
    block = b"\0" * 65536
    with open(path, "wb", buffering=0) as out:
        try:
            while True:
                out.write(block)
        except OSError:
            pass
        small = b"\0" * 512
        try:
            while True:
                out.write(small)
        except OSError:
            pass
    return path


class SMTPServer:
    """smtp_server.py on 127.0.0.1 storing each accepted message as <n>.eml in `store`."""

    def __init__(self, store):
        os.makedirs(store, exist_ok=True)
        self.store = store
        self.process = subprocess.Popen([sys.executable, SMTP_SCRIPT, "--store", store],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            self.process.kill()
            raise RuntimeError("smtp_server.py did not start: %r" % line)
        self.port = int(line.split()[1])

    def count(self):
        return len(glob.glob(os.path.join(self.store, "*.eml")))

    def messages(self):
        """(Message-ID, set of article ids linked in the plain-text part), in arrival order."""
        found = []
        paths = sorted(glob.glob(os.path.join(self.store, "*.eml")),
                       key=lambda p: int(os.path.basename(p).split(".")[0]))
        for path in paths:
            with open(path, "rb") as handle:
                message = email.message_from_bytes(handle.read(), policy=email.policy.default)
            text = message.get_body(("plain",)).get_content()
            found.append((str(message["Message-ID"]).strip("<>"), set(ARTICLE_LINK.findall(text))))
        return found

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


LOCKER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode = EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
db.execute("CREATE TABLE IF NOT EXISTS held_by_test (x)")
print("LOCKED", flush=True)
sys.stdin.read()
"""


class DatabaseLocker:
    """Another process holding an exclusive lock on an SQLite database until `close`."""

    def __init__(self, path):
        self.process = subprocess.Popen([sys.executable, "-c", LOCKER, path],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if line.strip() != "LOCKED":
            self.process.kill()
            raise RuntimeError("the locking process did not get its lock: %r" % line)

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


def query(state_dir, sql, arguments=()):
    with sqlite3.connect(os.path.join(state_dir, "visnyk.sqlite"), timeout=30) as db:
        return db.execute(sql, arguments).fetchall()
