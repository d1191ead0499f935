"""What the loopback test servers share: a threading HTTP server on 127.0.0.1 and a free port,
announced as "PORT <n>" on stdout, that exits when its stdin closes (so it never outlives the
test process that started it)."""

import os
import sys
import threading
from http.server import ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # many parallel connects must not overflow the listen backlog

    def handle_error(self, request, client_address):
        pass  # clients that hang up early are part of the tests


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


def serve(handler):
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()
