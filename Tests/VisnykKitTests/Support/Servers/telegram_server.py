#!/usr/bin/env python3
"""Loopback stand-in for t.me's channel web preview, for the Telegram polling tests (stdlib).

    telegram_server.py

Binds 127.0.0.1 on a free port, prints "PORT <n>", serves until its stdin closes.

  /s/northwind_rail            the newest page: posts max(1, N-19) .. N, oldest first, as t.me
                               lays them out, with a "load more" link data-before=<oldest>.
  /s/northwind_rail?before=B   the page before B: posts max(1, B-20) .. B-1.
  /s/quiet_depot               302 to /quiet_depot, the "open in app" page (preview disabled).
  /s/blank_depot               200, the "open in app" page with no redirect.
  /s/fresh_timetables          a history section with no posts.
  /__newest?n=N                sets N (default 30); answers 204.
  /__log                       JSON list of the paths requested (with query), control paths left out.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit, parse_qs

from loopback import serve

STATE = {"newest": 30, "log": []}
LOCK = threading.Lock()

POST = """<div class="tgme_widget_message_wrap js-widget_message_wrap">
<div class="tgme_widget_message js-widget_message" data-post="northwind_rail/{n}">
<div class="tgme_widget_message_bubble">
<div class="tgme_widget_message_text js-message_text" dir="auto">Notice number {n}: the {n}th timetable change of the season.</div>
<div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short js-message_info">
<span class="tgme_widget_message_views">{n}</span><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/northwind_rail/{n}"><time datetime="2026-03-01T{h:02d}:{m:02d}:00+00:00" class="time">x</time></a></span>
</div></div></div></div></div>
"""

HEAD = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Northwind Rail Notes</title></head><body>
<div class="tgme_channel_info"><div class="tgme_channel_info_header">
<div class="tgme_channel_info_header_title"><span dir="auto">{title}</span></div>
<div class="tgme_channel_info_header_username"><a href="https://t.me/{name}">@{name}</a></div>
</div></div>
<section class="tgme_channel_history js-message_history">
"""

APP_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Telegram: Contact @quiet_depot</title></head><body>
<div class="tgme_page"><div class="tgme_page_title"><span dir="auto">Quiet Depot</span></div>
<div class="tgme_page_action"><a class="tgme_action_button_new" href="tg://resolve?domain=quiet_depot">View in Telegram</a></div>
</div></body></html>
"""


def channel_page(first, last):
    parts = [HEAD.format(title="Northwind Rail Notes", name="northwind_rail")]
    if first > 1:
        parts.append('<a href="/s/northwind_rail?before=%d" class="tme_messages_more js-messages_more" data-before="%d"></a>\n'
                     % (first, first))
    for n in range(first, last + 1):
        parts.append(POST.format(n=n, h=(n // 60) % 24, m=n % 60))
    parts.append("</section></body></html>\n")
    return "".join(parts)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body="", headers=()):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path == "/__newest":
            with LOCK:
                STATE["newest"] = int(query.get("n", ["30"])[0])
            return self.send(204)
        if url.path == "/__log":
            with LOCK:
                return self.send(200, json.dumps(STATE["log"]))
        with LOCK:
            STATE["log"].append(self.path)
            newest = STATE["newest"]
        if url.path == "/s/northwind_rail":
            if "before" in query:
                before = int(query["before"][0])
                return self.send(200, channel_page(max(1, before - 20), before - 1))
            return self.send(200, channel_page(max(1, newest - 19), newest))
        if url.path == "/s/quiet_depot":
            return self.send(302, headers=[("Location", "/quiet_depot")])
        if url.path in ("/quiet_depot", "/s/blank_depot"):
            return self.send(200, APP_PAGE)
        if url.path == "/s/fresh_timetables":
            return self.send(200, HEAD.format(title="Fresh Timetables", name="fresh_timetables")
                             + '<div class="tgme_widget_message_wrap"><div class="tme_no_messages_found">No posts</div></div>'
                             + "</section></body></html>")
        return self.send(404, "not found")


if __name__ == "__main__":
    serve(Handler)
