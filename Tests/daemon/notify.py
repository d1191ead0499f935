"""A stand-in for systemd's notify socket: an abstract AF_UNIX datagram socket that collects
what the daemon sends over $NOTIFY_SOCKET."""

import os
import socket
import threading
import time


class NotifySocket:
    def __init__(self):
        self.name = "visnyk-test-%d-%d" % (os.getpid(), time.monotonic_ns())
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind("\0" + self.name)
        self.sock.settimeout(0.2)
        self.messages = []
        self.lock = threading.Lock()
        self.running = True
        self.thread = threading.Thread(target=self._receive, daemon=True)
        self.thread.start()

    @property
    def env_value(self):
        return "@" + self.name

    def _receive(self):
        while self.running:
            try:
                data = self.sock.recv(4096)
            except socket.timeout:
                continue
            except OSError:
                return
            with self.lock:
                self.messages.append(data.decode("utf-8", "replace"))

    def snapshot(self):
        with self.lock:
            return list(self.messages)

    def wait_for(self, predicate, timeout=20.0, start=0):
        """Waits until a message at index >= start satisfies predicate; returns its index."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            messages = self.snapshot()
            for index in range(start, len(messages)):
                if predicate(messages[index]):
                    return index
            time.sleep(0.05)
        raise AssertionError("no matching notify message in %.0fs; got %r" % (timeout, self.snapshot()))

    def close(self):
        self.running = False
        self.sock.close()
