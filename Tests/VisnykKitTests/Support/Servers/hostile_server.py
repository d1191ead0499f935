#!/usr/bin/env python3
"""A hostile web server on 127.0.0.1 for the fault tests (Python 3 stdlib + `brotli`).

    hostile_server.py

Prints "PORT <http port> TLS <https port>" and serves until its stdin closes. The HTTPS port
presents a self-signed certificate for 127.0.0.1 (written with openssl into a temporary
directory, whose path follows on a second line: "CERT <pem file>"), so a client that checks
certificates refuses it unless told to trust that file.

  /feed.xml         a valid RSS feed (the control: a hostile neighbour must not stop it).
  /gzip-bomb        gzip-coded whatever Accept-Encoding says: 256 MiB of spaces once decoded,
                    about 256 KiB on the wire, with an honest Content-Length.
  /brotli-bomb      brotli-coded: 1 GiB decoded, about 2 KiB on the wire.
                    (Both are compressed at start-up, before the port is announced.)
  /endless          200, chunked, a feed that never ends: an <item> every 10 ms, forever.
  /slowloris        the status line and headers one byte per second, never finishing.
  /huge-length      Content-Length: 10737418240 (10 GB), a few bytes, then it waits.
  /bad-chunked      Transfer-Encoding: chunked with a chunk size that is not hexadecimal.
  /close-mid        Content-Length of the whole feed, half of it, then the connection closes.
  /redirect-loop    302 to itself.
  /redirect-file    302 to file:///etc/passwd.
  /redirect-gopher  302 to gopher://127.0.0.1/.
  /redirect-private?to=URL   302 to URL (for the private-address guard: a public-looking
                    first hop that leads inside).
"""
import gzip
import io
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, os.path.dirname(__file__))
from loopback import QuietServer, exit_when_stdin_closes  # noqa: E402

import brotli  # noqa: E402

FEED = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Сусід</title>'
        '<item><title>Мирна новина</title><link>https://example.org/calm</link>'
        '<description>Сусіди спокійно читають новини, поки інші сервери поводяться погано.</description></item>'
        '</channel></rss>\n').encode("utf-8")
DECODED_SIZE = {"gzip": 256 << 20, "br": 1 << 30}
CHUNK = b" " * (1 << 20)


def compressed(coder):
    out = io.BytesIO()
    if coder == "gzip":
        with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as stream:
            stream.write(b"<rss>")
            for _ in range(DECODED_SIZE[coder] >> 20):
                stream.write(CHUNK)
        return out.getvalue()
    compressor = brotli.Compressor(quality=5)
    data = [compressor.process(b"<rss>")]
    for _ in range(DECODED_SIZE[coder] >> 20):
        data.append(compressor.process(CHUNK))
    data.append(compressor.finish())
    return b"".join(data)


BOMBS = {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "HostileTestServer/1"

    def log_message(self, format, *args):
        pass

    def raw(self, data):
        try:
            self.wfile.write(data)
            self.wfile.flush()
            return True
        except OSError:
            return False

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.raw(body)

    def do_GET(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        path = url.path
        if path == "/feed.xml":
            self.reply(200, FEED, [("Content-Type", "application/rss+xml; charset=utf-8")])
        elif path in ("/gzip-bomb", "/brotli-bomb"):
            coder = "gzip" if path == "/gzip-bomb" else "br"
            self.reply(200, BOMBS[coder], [("Content-Type", "application/rss+xml"), ("Content-Encoding", coder)])
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>'
            if not self.raw(b"%x\r\n%s\r\n" % (len(head), head)):
                return
            n = 0
            while True:
                item = b"<item><title>Item %d</title><description>%s</description></item>" % (n, b"x" * 4000)
                if not self.raw(b"%x\r\n%s\r\n" % (len(item), item)):
                    return
                n += 1
                time.sleep(0.01)
        elif path == "/slowloris":
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nX-Padding: " + b"a" * 10000:
                if not self.raw(bytes([byte])):
                    return
                time.sleep(1)
        elif path == "/huge-length":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "10737418240")
            self.end_headers()
            self.raw(FEED[:40])
            time.sleep(120)
        elif path == "/bad-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.raw(b"zz; not hex\r\n" + FEED + b"\r\n0\r\n\r\n")
            self.close_connection = True
        elif path == "/close-mid":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            self.raw(FEED[: len(FEED) // 2])
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        elif path == "/redirect-loop":
            self.reply(302, b"", [("Location", "/redirect-loop")])
        elif path == "/redirect-file":
            self.reply(302, b"", [("Location", "file:///etc/passwd")])
        elif path == "/redirect-gopher":
            self.reply(302, b"", [("Location", "gopher://127.0.0.1/")])
        elif path == "/redirect-private":
            self.reply(302, b"", [("Location", query.get("to", ["http://127.0.0.1/"])[0])])
        else:
            self.reply(404, b"not here\n", [("Content-Type", "text/plain")])


def self_signed_certificate(directory):
    key, cert = os.path.join(directory, "key.pem"), os.path.join(directory, "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return key, cert


def main():
    for coder in ("gzip", "br"):
        BOMBS[coder] = compressed(coder)
    directory = tempfile.mkdtemp(prefix="hostile-tls-")
    key, cert = self_signed_certificate(directory)
    plain = QuietServer(("127.0.0.1", 0), Handler)
    secure = QuietServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    secure.socket = context.wrap_socket(secure.socket, server_side=True)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    threading.Thread(target=secure.serve_forever, daemon=True).start()
    print("PORT %d TLS %d" % (plain.server_address[1], secure.server_address[1]), flush=True)
    print("CERT %s" % cert, flush=True)
    plain.serve_forever()


if __name__ == "__main__":
    main()
