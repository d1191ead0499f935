#!/usr/bin/env python3
"""Wraps leopolis-article.txt into the two feeds of Parse/SeedArticleTests.swift (run here):
an RSS 2.0 feed in windows-1251 with <p> paragraphs, and a UTF-8 Atom feed with other markup
(div/br, inline tags, escaped HTML, entities) and typographic variants. Both must hash equal."""
import html
import re

lines = [l.strip() for l in open("leopolis-article.txt", encoding="utf-8").read().splitlines()]
lines = [l for l in lines if l]
date, title = lines[0], lines[3]
body = lines[1:3] + lines[4:]           # everything but the date and the title

# RSS 2.0, windows-1251, CDATA with one <p> per line.
content = "".join("<p>" + html.escape(l, quote=False) + "</p>\n" for l in body)
rss = f"""<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Leopolis.news</title>
<link>https://leopolis.news/</link>
<description>Новини Львова</description>
<language>uk</language>
<item>
<title>{html.escape(title, quote=False)}</title>
<link>https://leopolis.news/koalitsiya-ohochyh-ta-ramshtajn/</link>
<guid isPermaLink="false">https://leopolis.news/?p=123456</guid>
<pubDate>Wed, 23 Apr 2025 10:15:00 +0300</pubDate>
<content:encoded><![CDATA[{content}]]></content:encoded>
</item>
</channel>
</rss>
"""
open("leopolis-rss-windows-1251.xml", "wb").write(rss.encode("cp1251"))


def variant(text, index):
    """Typographic variants: apostrophe, quotes, dashes, NBSP and soft hyphens."""
    text = text.replace("\u2019", "\u02bc").replace("«", "„").replace("»", "“")
    text = text.replace("—", "–")
    text = re.sub(r" (в|з|у|і|та|на) ", lambda m: " " + m.group(1) + "\u00a0", text)
    text = text.replace("модернізації", "мо\u00adдер\u00adні\u00adза\u00adції")
    text = text.replace("протиповітряної", "протипо&shy;вітряної")
    return text


parts = []
for i, line in enumerate(body):
    v = html.escape(variant(line, i), quote=False).replace("&amp;shy;", "&shy;")
    v = v.replace("Рамштайн", "Рам<em>штайн</em>").replace("Умєров", "<strong>Умєров</strong>")
    v = v.replace("Patriot", "<a href=\"/tag/patriot\">Patriot</a>")
    v = v.replace("\u00a0", "&nbsp;", 1)
    parts.append(v)
markup = "<div class=\"entry\">" + "<br/>\n".join(parts[:4]) + "</div>\n<div>" + \
    "<br>".join(parts[4:]) + "<span class=\"share\"></span></div>"
atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk">
<title>Агрегатор новин</title>
<id>urn:example:aggregator</id>
<updated>2025-04-23T08:00:00Z</updated>
<entry>
<title type="html">{html.escape(variant(title, -1), quote=False)}</title>
<id>urn:example:aggregator:1</id>
<link href="https://aggregator.example.org/a/1"/>
<updated>2025-04-23T08:00:00Z</updated>
<content type="html">{html.escape(markup, quote=False)}</content>
</entry>
</feed>
"""
open("leopolis-atom-variant.xml", "w", encoding="utf-8").write(atom)
