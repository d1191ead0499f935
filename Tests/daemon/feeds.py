"""Small RSS feeds for the daemon tests, written into a directory the feed server serves.

Feed i carries `per_feed` articles of its own; every feed also carries the same `shared`
articles, each in a different wording of white space, markup and apostrophes, so that
cross-source dedup has something to find."""

import os
from xml.sax.saxutils import escape

SHARED_VARIANTS = [
    ("Новини Львова: обʼєднання громад", "<p>Мерія Львова повідомила, що громади обʼєднуються.</p>"),
    ("Новини  Львова:  об’єднання громад", "<div><p>Мерія   Львова повідомила, що громади об'єднуються.</p></div>"),
    ("Новини Львова: об'єднання громад", "<p>Мерія <b>Львова</b> повідомила, що громади об’єднуються.</p>"),
]


def item(guid, title, html, day):
    return (
        "<item><guid isPermaLink=\"false\">%s</guid><title>%s</title>"
        "<link>https://example.org/%s</link><pubDate>%s</pubDate>"
        "<description>%s</description></item>"
        % (escape(guid), escape(title), escape(guid), "Mon, %02d Nov 2026 08:00:00 GMT" % (1 + day % 28), escape(html))
    )


def feed_xml(index, per_feed, shared, extra_items=()):
    items = []
    for n in range(per_feed):
        guid = "feed%d-article%d" % (index, n)
        text = "Стаття %d зі стрічки %d. " % (n, index) + "Текст новини про місто Львів і його мешканців. " * 3
        items.append(item(guid, "Стаття %d/%d" % (index, n), "<p>%s</p>" % text, n))
    for n in range(shared):
        title, html = SHARED_VARIANTS[index % len(SHARED_VARIANTS)]
        items.append(item("feed%d-shared%d" % (index, n), "%s %d" % (title, n), html.replace("громади", "громади %d" % n), n))
    items.extend(extra_items)
    return (
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
        "<title>Стрічка %d</title><link>https://example.org/feed%d</link><description>test</description>%s"
        "</channel></rss>\n" % (index, index, "".join(items))
    )


def write_feeds(directory, count, per_feed=10, shared=0):
    os.makedirs(directory, exist_ok=True)
    names = []
    for index in range(count):
        name = "feed%d.xml" % index
        with open(os.path.join(directory, name), "w", encoding="utf-8") as out:
            out.write(feed_xml(index, per_feed, shared))
        names.append(name)
    return names
