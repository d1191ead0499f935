#!/usr/bin/env python3
"""Loopback HTTP server for the fetcher tests (standard library only).

Binds 127.0.0.1 on a free port, prints "PORT <n>" on stdout, and serves until it is killed
or its stdin closes (so it never outlives the test process that started it).
"""
import gzip
import time
from http.server import BaseHTTPRequestHandler
from loopback import serve
from urllib.parse import parse_qs, urlsplit

FEED = (b'<?xml version="1.0" encoding="utf-8"?>\n'
        b'<rss version="2.0"><channel><title>Loopback feed</title>'
        b'<item><title>\xd0\x92\xd1\x96\xd1\x81\xd0\xbd\xd0\xb8\xd0\xba</title></item>'
        b'</channel></rss>\n')
RSS_TYPE = "application/rss+xml; charset=utf-8"
ETAG = '"v1-abc"'
LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "VisnykTestServer/1"

    def log_message(self, format, *args):
        pass

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading, e.g. past its size cap

    def do_GET(self):
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        size = int(query.get("size", ["0"])[0])
        segments = path.strip("/").split("/")

        if path == "/feed":
            self.reply(200, FEED, [("Content-Type", RSS_TYPE), ("ETag", ETAG),
                                   ("Last-Modified", LAST_MODIFIED), ("X-Final", "yes")])
        elif path == "/gzip":
            self.reply(200, gzip.compress(FEED), [("Content-Type", RSS_TYPE),
                                                  ("Content-Encoding", "gzip")])
        elif segments[0] == "redirect" and len(segments) == 2:
            hops = int(segments[1])
            target = "/feed" if hops <= 1 else "/redirect/%d" % (hops - 1)
            self.reply(301, b"moved", [("Location", target), ("X-Hop", str(hops)),
                                       ("ETag", '"hop"')])
        elif path == "/temporary":
            self.reply(302, b"", [("Location", "/redirect/1")])
        elif path == "/loop":
            self.reply(301, b"", [("Location", "/loop")])
        elif path == "/to-file":
            self.reply(302, b"", [("Location", "file:///etc/hostname")])
        elif path == "/conditional":
            validators = [("ETag", ETAG), ("Last-Modified", LAST_MODIFIED)]
            if (self.headers.get("If-None-Match") == ETAG
                    or self.headers.get("If-Modified-Since") == LAST_MODIFIED):
                self.send_response(304)
                for name, value in validators:
                    self.send_header(name, value)
                self.end_headers()
            else:
                self.reply(200, FEED, [("Content-Type", RSS_TYPE)] + validators)
        elif segments[0] == "status" and len(segments) == 2:
            self.reply(int(segments[1]), b"status page", [("Content-Type", "text/plain")])
        elif path == "/too-many":
            self.reply(429, b"", [("Retry-After", "120")])
        elif path == "/unavailable":
            self.reply(503, b"maintenance", [("Retry-After", "30"), ("Content-Type", "text/plain")])
        elif path == "/large":
            self.reply(200, b"x" * size, [("Content-Type", "application/xml")])
        elif path == "/large-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"y" * 65536
            remaining = size
            try:
                while remaining > 0:
                    piece = chunk[:min(remaining, len(chunk))]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    remaining -= len(piece)
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/bomb":
            self.reply(200, gzip.compress(b"\0" * size), [("Content-Type", "application/xml"),
                                                         ("Content-Encoding", "gzip")])
        elif path == "/slow":
            seconds = float(query.get("seconds", ["5"])[0])
            self.send_response(200)
            self.send_header("Content-Type", RSS_TYPE)
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            try:
                self.wfile.write(FEED[:10])
                self.wfile.flush()
                time.sleep(seconds)
                self.wfile.write(FEED[10:])
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/charset":
            body = '<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>Вісник</title></channel></rss>'
            self.reply(200, body.encode("cp1251"), [("Content-Type", "text/xml; charset=windows-1251")])
        elif path == "/echo":
            lines = "".join("%s: %s\n" % (name, value) for name, value in self.headers.items())
            self.reply(200, lines.encode("utf-8"), [("Content-Type", "text/plain; charset=utf-8")])
        else:
            self.reply(404, b"no such route", [("Content-Type", "text/plain")])


def main():
    serve(Handler)


if __name__ == "__main__":
    main()
