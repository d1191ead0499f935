#!/usr/bin/env python3
"""Loopback feed server for the fetcher and daemon tests (Python 3 stdlib + `brotli`).

    feed_server.py [--feeds DIR] [--gen N] [--no-log]

Binds 127.0.0.1 on a free port, prints "PORT <n>" on stdout, and serves until it is killed or
its stdin closes (so it never outlives the test process that started it).

URL layout (every response is HTTP/1.1 keep-alive with a Content-Length unless a fault says
otherwise):

  /feeds/<file>     a file of DIR, as is (never compressed). Strong ETag ("<sha256 prefix>")
                    and Last-Modified (the file's mtime); 304 when If-None-Match matches (or is
                    *), else when If-Modified-Since is not before the mtime. Content-Type by
                    extension: .json application/feed+json, .html text/html, else
                    application/xml. Files are read on every request, so a test may rewrite them.
  /gz/<file>        the same file gzip-coded when Accept-Encoding allows gzip, else as is;
  /br/<file>        brotli-coded when it allows br. The coded variants have their own strong
                    ETag ("<sha>-gzip", "<sha>-br") and send Vary: Accept-Encoding.
  /gen/<i>.xml      one of N generated RSS feeds (0 <= i < N), rendered at start-up:
                    deterministic content, ETag "gen-<i>", a fixed Last-Modified, 304 as above.
  /fault/<code>/<rest>   code 301, 302, 303, 307 or 308: redirect to /<rest> (query kept), so
                    /fault/301/fault/308/feeds/a.xml is a two-hop permanent chain.
  /fault/<code>?to=URL   the same, to any URL.
  /fault/loop       302 to /fault/loop-back, which 302s back to /fault/loop.
  /fault/to-file    302 to file:///etc/passwd;  /fault/to-ftp: 302 to ftp://127.0.0.1/feed.xml
  /fault/status/<n> that status with a short text body (e.g. 410, 404, 500).
  /fault/429?after=S     429 with Retry-After: S (delay-seconds, default 120).
  /fault/503?after=S     503 with Retry-After as an HTTP-date S seconds from now (default 3600).
  /fault/slow?seconds=S  a feed whose body trickles out over S seconds (default 5).
  /fault/delay?ms=M      a feed sent whole after waiting M ms (default 100): keeps requests
                    overlapping for the concurrency tests.
  /fault/truncated  Content-Length 1000 bytes more than the feed sent, then the connection closes.
  /fault/oversized?size=B   B bytes (default 2 MiB) of XML, chunked, no Content-Length.
  /fault/bomb?size=B        gzip-coded whatever Accept-Encoding says: ~B/1000 bytes on the wire,
                    B bytes once decoded (default 2 MiB), with an honest Content-Length.
  /fault/wrong-type a valid RSS feed served as Content-Type: image/png.
  /fault/invalid-xml  application/rss+xml that is not well-formed XML.
  anything else     404.

Control endpoints (never logged themselves):
  /__log    JSON {"requests": [...], "max_concurrent": {host: n}, "max_concurrent_total": n}.
            Each request: path (with query), method, host, client_port (the TCP connection's
            port on the client side: equal ports mean a reused connection), if_none_match, if_modified_since,
            accept_encoding, user_agent (null when absent) and status (as sent; null while
            the response is still being sent). A request is logged as soon as it is read. Concurrency
            is counted per Host header from reading a request until just before its response's
            last bytes are written, so the server's count never exceeds what the client has
            outstanding at that moment.
  /__reset  empties the log and the concurrency maxima; answers 204.
"""
import argparse
import email.utils
import gzip
import hashlib
import json
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler
from loopback import serve
from urllib.parse import parse_qs, unquote, urlsplit

import brotli

FEED = (b'<?xml version="1.0" encoding="utf-8"?>\n'
        b'<rss version="2.0"><channel><title>Fault feed</title><link>http://example.org/</link>'
        b'<item><title>Only item</title><guid>fault-1</guid><description>Hello</description></item>'
        b'</channel></rss>\n')
INVALID_XML = (b'<?xml version="1.0" encoding="utf-8"?>\n'
               b'<rss version="2.0"><channel><title>Broken & unclosed</title><item><title>x</item>')
RSS_TYPE = "application/rss+xml; charset=utf-8"
GEN_LAST_MODIFIED = "Mon, 02 Mar 2026 10:00:00 GMT"
REDIRECTS = {"301", "302", "303", "307", "308"}


def http_date(seconds):
    return email.utils.formatdate(seconds, usegmt=True)


def render_generated(index):
    items = "".join(
        '<item><title>Feed %d item %d</title><link>http://example.org/%d/%d</link>'
        '<guid>gen-%d-%d</guid><pubDate>Mon, 02 Mar 2026 %02d:00:00 GMT</pubDate>'
        '<description>Generated article %d of feed %d.</description></item>'
        % (index, n, index, n, index, n, n, n, index) for n in range(3))
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            '<title>Generated feed %d</title><link>http://example.org/%d</link>%s'
            '</channel></rss>\n' % (index, index, items)).encode("utf-8")


class State:
    def __init__(self, feeds_dir, generated, log_enabled):
        self.feeds_dir = feeds_dir
        self.generated = [render_generated(i) for i in range(generated)]
        self.log_enabled = log_enabled
        self.lock = threading.Lock()
        self.log = []
        self.current = {}
        self.maximum = {}
        self.current_total = 0
        self.maximum_total = 0

    def begin(self, host):
        with self.lock:
            self.current[host] = self.current.get(host, 0) + 1
            self.maximum[host] = max(self.maximum.get(host, 0), self.current[host])
            self.current_total += 1
            self.maximum_total = max(self.maximum_total, self.current_total)

    def end(self, host):
        with self.lock:
            self.current[host] -= 1
            self.current_total -= 1

    def record(self, entry):
        if self.log_enabled:
            with self.lock:
                self.log.append(entry)
        return entry

    def set_status(self, entry, status):
        with self.lock:
            entry["status"] = status

    def snapshot(self):
        with self.lock:
            return {"requests": [dict(entry) for entry in self.log], "max_concurrent": dict(self.maximum),
                    "max_concurrent_total": self.maximum_total}

    def reset(self):
        with self.lock:
            self.log = []
            self.maximum = dict((host, n) for host, n in self.current.items() if n > 0)
            self.maximum_total = self.current_total


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "VisnykFeedServer/1"
    disable_nagle_algorithm = True

    def log_message(self, format, *args):
        pass

    # -- accounting ----------------------------------------------------------------------

    def settle(self):
        """Ends this request's concurrency interval; called just before its last bytes go out."""
        if self.counted:
            self.counted = False
            STATE.end(self.host)

    def send_response(self, code, message=None):
        self.status_sent = code
        super().send_response(code, message)

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.settle()
        self.send_with_headers(body)

    def send_with_headers(self, body):
        """Ends the header block and sends it with `body` in one write (no Nagle stalls)."""
        self._headers_buffer.append(b"\r\n")
        self._headers_buffer.append(body)
        data = b"".join(self._headers_buffer)
        self._headers_buffer = []
        return self.write(data)

    def write(self, data):
        try:
            self.wfile.write(data)
            return True
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
            return False  # the client stopped reading, e.g. past its size cap

    # -- dispatch ------------------------------------------------------------------------

    def do_GET(self):
        parts = urlsplit(self.path)
        path, query = unquote(parts.path), parse_qs(parts.query)
        if path == "/__log":
            body = json.dumps(STATE.snapshot()).encode("utf-8")
            self.counted = False
            return self.finish_control(200, body, "application/json")
        if path == "/__reset":
            STATE.reset()
            self.counted = False
            return self.finish_control(204, b"", None)

        self.host = self.headers.get("Host", "")
        self.counted = True
        self.status_sent = None
        STATE.begin(self.host)
        # Logged on arrival (status null until the response is sent), so tests can wait for
        # a request that is still in progress.
        entry = STATE.record({
            "path": self.path, "method": self.command, "host": self.host,
            "client_port": self.client_address[1],
            "if_none_match": self.headers.get("If-None-Match"),
            "if_modified_since": self.headers.get("If-Modified-Since"),
            "accept_encoding": self.headers.get("Accept-Encoding"),
            "user_agent": self.headers.get("User-Agent"),
            "status": None,
        })
        try:
            self.route(path, parts.query, query)
        finally:
            self.settle()
            STATE.set_status(entry, self.status_sent)

    def finish_control(self, status, body, content_type):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_with_headers(body)

    def route(self, path, raw_query, query):
        segments = path.strip("/").split("/")
        head = segments[0]
        if head in ("feeds", "gz", "br") and len(segments) >= 2:
            self.serve_file("/".join(segments[1:]), None if head == "feeds" else head)
        elif head == "gen" and len(segments) == 2 and segments[1].endswith(".xml"):
            self.serve_generated(segments[1][:-4])
        elif head == "fault" and len(segments) >= 2:
            self.fault(segments[1], segments[2:], raw_query, query)
        else:
            self.simple(404, b"no such route\n")

    # -- feeds ---------------------------------------------------------------------------

    def serve_file(self, name, coding):
        if STATE.feeds_dir is None or ".." in name.split("/"):
            return self.simple(404, b"no such feed\n")
        full = os.path.join(STATE.feeds_dir, name)
        try:
            with open(full, "rb") as handle:
                data = handle.read()
            mtime = int(os.stat(full).st_mtime)
        except OSError:
            return self.simple(404, b"no such feed\n")
        tag = hashlib.sha256(data).hexdigest()[:16]
        headers = [("Content-Type", self.content_type(name))]
        accepted = self.accepted_codings()
        if coding == "gz" and "gzip" in accepted:
            data, tag = gzip.compress(data, mtime=0), tag + "-gzip"
            headers.append(("Content-Encoding", "gzip"))
        elif coding == "br" and "br" in accepted:
            data, tag = brotli.compress(data), tag + "-br"
            headers.append(("Content-Encoding", "br"))
        if coding:
            headers.append(("Vary", "Accept-Encoding"))
        self.conditional(data, '"%s"' % tag, http_date(mtime), headers)

    def serve_generated(self, stem):
        try:
            index = int(stem)
            body = STATE.generated[index]
        except (ValueError, IndexError):
            return self.simple(404, b"no such generated feed\n")
        self.conditional(body, '"gen-%d"' % index, GEN_LAST_MODIFIED, [("Content-Type", RSS_TYPE)])

    def conditional(self, body, etag, last_modified, headers):
        validators = [("ETag", etag), ("Last-Modified", last_modified)]
        if self.not_modified(etag, last_modified):
            return self.reply(304, b"", validators)
        self.reply(200, body, headers + validators)

    def not_modified(self, etag, last_modified):
        inm = self.headers.get("If-None-Match")
        if inm is not None:  # RFC 9110 §13.2.2: If-Modified-Since is ignored then
            tags = [t.strip() for t in inm.split(",")]
            return "*" in tags or etag in tags or ("W/" + etag) in tags
        ims = self.headers.get("If-Modified-Since")
        if ims is None:
            return False
        try:
            since = email.utils.parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError):
            return False
        return email.utils.parsedate_to_datetime(last_modified).timestamp() <= since

    def accepted_codings(self):
        value = self.headers.get("Accept-Encoding", "")
        codings = set()
        for part in value.split(","):
            fields = part.strip().split(";")
            q = [f.strip() for f in fields[1:] if f.strip().startswith("q=")]
            if q and float(q[0][2:] or "0") == 0:
                continue
            codings.add(fields[0].strip().lower())
        return codings

    @staticmethod
    def content_type(name):
        if name.endswith(".json"):
            return "application/feed+json"
        if name.endswith(".html"):
            return "text/html; charset=utf-8"
        return "application/xml"

    # -- faults --------------------------------------------------------------------------

    def simple(self, status, body, headers=()):
        self.reply(status, body, [("Content-Type", "text/plain; charset=utf-8")] + list(headers))

    def fault(self, name, rest, raw_query, query):
        number = lambda key, default: float(query.get(key, [str(default)])[0])
        if name in REDIRECTS:
            if rest:
                target = "/" + "/".join(rest) + ("?" + raw_query if raw_query else "")
            else:
                target = query.get("to", ["/feeds/"])[0]
            return self.simple(int(name), b"moved\n", [("Location", target)])
        if name == "loop":
            return self.simple(302, b"", [("Location", "/fault/loop-back")])
        if name == "loop-back":
            return self.simple(302, b"", [("Location", "/fault/loop")])
        if name == "to-file":
            return self.simple(302, b"", [("Location", "file:///etc/passwd")])
        if name == "to-ftp":
            return self.simple(302, b"", [("Location", "ftp://127.0.0.1/feed.xml")])
        if name == "status" and len(rest) == 1 and rest[0].isdigit():
            return self.simple(int(rest[0]), b"status %s\n" % rest[0].encode())
        if name == "429":
            return self.simple(429, b"slow down\n", [("Retry-After", "%d" % number("after", 120))])
        if name == "503":
            when = http_date(time.time() + number("after", 3600))
            return self.simple(503, b"maintenance\n", [("Retry-After", when)])
        if name == "slow":
            return self.slow(number("seconds", 5))
        if name == "delay":
            time.sleep(number("ms", 100) / 1000)
            return self.reply(200, FEED, [("Content-Type", RSS_TYPE)])
        if name == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", RSS_TYPE)
            self.send_header("Content-Length", str(len(FEED) + 1000))
            self.settle()
            self.send_with_headers(FEED)
            self.close_connection = True
            return
        if name == "oversized":
            return self.chunked(int(number("size", 2 << 20)))
        if name == "bomb":
            body = gzip.compress(b"<x>" + b" " * int(number("size", 2 << 20)) + b"</x>", mtime=0)
            return self.reply(200, body, [("Content-Type", "application/xml"), ("Content-Encoding", "gzip")])
        if name == "wrong-type":
            return self.reply(200, FEED, [("Content-Type", "image/png")])
        if name == "invalid-xml":
            return self.reply(200, INVALID_XML, [("Content-Type", RSS_TYPE)])
        self.simple(404, b"no such fault\n")

    def slow(self, seconds):
        self.send_response(200)
        self.send_header("Content-Type", RSS_TYPE)
        self.send_header("Content-Length", str(len(FEED)))
        self.settle()
        pieces = max(1, int(seconds * 10))
        step = max(1, len(FEED) // pieces)
        if not self.send_with_headers(FEED[:step]):
            return
        sent = step
        deadline = time.time() + seconds
        while sent < len(FEED):
            time.sleep(max(0.0, min(0.1, deadline - time.time())))
            piece = FEED[sent:sent + step] if time.time() < deadline else FEED[sent:]
            if not self.write(piece):
                return
            sent += len(piece)

    def chunked(self, size):
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Transfer-Encoding", "chunked")
        self.settle()
        if not self.send_with_headers(b""):
            return
        chunk = b"<x>" + b"y" * 65530 + b"</x>"
        remaining = size
        while remaining > 0:
            piece = chunk[:min(remaining, len(chunk))]
            if not self.write(b"%x\r\n%s\r\n" % (len(piece), piece)):
                return
            remaining -= len(piece)
        self.write(b"0\r\n\r\n")


def main():
    global STATE
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", help="directory served under /feeds/, /gz/ and /br/")
    parser.add_argument("--gen", type=int, default=0, help="number of generated feeds at /gen/<i>.xml")
    parser.add_argument("--no-log", action="store_true", help="keep no request log (benchmarks)")
    args = parser.parse_args()
    STATE = State(os.path.abspath(args.feeds) if args.feeds else None, args.gen, not args.no_log)
    serve(Handler)


if __name__ == "__main__":
    main()
