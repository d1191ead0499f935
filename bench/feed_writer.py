"""Writes one synthetic RSS 2.0 or Atom 1.0 feed (as bytes) from a TextMaker."""

import datetime

from text_maker import attr_escape, html_escape

BASE_TIME = datetime.datetime(2025, 4, 23, 9, 0, tzinfo=datetime.timezone.utc)
ZONES = [(180, "+0300"), (0, "+0000"), (0, "GMT"), (120, "+0200"), (-300, "-0500")]
MIME = [("image/jpeg", "jpg"), ("audio/mpeg", "mp3"), ("video/mp4", "mp4"), ("application/pdf", "pdf")]


def xml_text(text, rng):
    """Escapes plain text for XML; sometimes writes the apostrophe as a numeric reference."""
    text = html_escape(text)
    if "’" in text and rng.random() < 0.3:
        text = text.replace("’", "&#8217;")
    return text


def cdata(html):
    assert "]]>" not in html
    return f"<![CDATA[{html}]]>"


class FeedWriter:
    """One feed: `kind` is "rss" or "atom"; items are built on demand with `item_html_bytes`."""

    def __init__(self, rng, maker, kind, encoding, index):
        self.rng = rng
        self.maker = maker
        self.kind = kind
        self.encoding = encoding
        self.index = index
        self.site = maker.site
        self.time = BASE_TIME - datetime.timedelta(minutes=rng.randrange(0, 600))
        self.zone = rng.choice(ZONES)
        self.full_description = kind == "rss" and rng.random() < 0.15
        self.escaped_atom = rng.random() < 0.7
        self.enclosures = rng.random() < 0.25
        self.creator = rng.random() < 0.7
        self.permalink_guid = rng.random() < 0.5
        self.xml_base = kind == "atom" and rng.random() < 0.5
        self.title = maker.title()
        self.description = maker.sentence()

    def next_time(self):
        self.time -= datetime.timedelta(minutes=self.rng.randrange(3, 240), seconds=self.rng.randrange(60))
        return self.time

    def rfc822(self, moment):
        offset, name = self.zone
        local = moment + datetime.timedelta(minutes=offset)
        days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
        return (f"{days[local.weekday()]}, {local.day:02d} {months[local.month - 1]} {local.year} "
                f"{local.hour:02d}:{local.minute:02d}:{local.second:02d} {name}")

    def rfc3339(self, moment):
        offset, _ = self.zone
        local = moment + datetime.timedelta(minutes=offset)
        stamp = local.strftime("%Y-%m-%dT%H:%M:%S")
        if offset == 0:
            return stamp + "Z"
        sign = "+" if offset > 0 else "-"
        return f"{stamp}{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"

    def enclosure(self, number):
        mime, ext = self.rng.choice(MIME)
        url = f"https://media.{self.site}/files/{self.index}/{number}.{ext}"
        return url, mime, self.rng.randrange(20_000, 90_000_000)

    # Documents

    def header(self):
        language = "uk" if self.maker.language == "uk" else "en"
        decl = f'<?xml version="1.0" encoding="{self.encoding}"?>\n'
        if self.kind == "rss":
            return (decl + '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n'
                    f"<channel>\n<title>{xml_text(self.title, self.rng)}</title>\n"
                    f"<link>https://{self.site}/</link>\n"
                    f'<atom:link href="https://{self.site}/feed/" rel="self" type="application/rss+xml"/>\n'
                    f"<description>{xml_text(self.description, self.rng)}</description>\n"
                    f"<language>{language}</language>\n"
                    f"<lastBuildDate>{self.rfc822(self.time)}</lastBuildDate>\n<ttl>30</ttl>\n")
        base = f' xml:base="https://{self.site}/"' if self.xml_base else ""
        return (decl + f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}"{base}>\n'
                f"<title>{xml_text(self.title, self.rng)}</title>\n"
                f"<subtitle>{xml_text(self.description, self.rng)}</subtitle>\n"
                f'<link rel="alternate" type="text/html" href="https://{self.site}/"/>\n'
                f'<link rel="self" type="application/atom+xml" href="https://{self.site}/atom.xml"/>\n'
                f"<id>tag:{self.site},2025:feed</id>\n<updated>{self.rfc3339(self.time)}</updated>\n"
                '<generator uri="https://example.org/gen" version="1.0">bench/gen_corpus.py</generator>\n')

    def footer(self):
        return "</channel>\n</rss>\n" if self.kind == "rss" else "</feed>\n"

    def item(self, number, html_bytes):
        maker = self.maker
        title = maker.title()
        moment = self.next_time()
        path = f"news/2025/{self.index:03d}/{number}-{maker.slug()}.html"
        link = f"https://{self.site}/{path}"
        author = maker.author()
        categories = maker.categories()
        teaser = maker.teaser()
        body = maker.article(html_bytes, self.encoding)
        with_enclosure = self.enclosures and self.rng.random() < 0.5
        if self.kind == "rss":
            return self.rss_item(number, title, moment, link, author, categories, teaser, body, with_enclosure)
        return self.atom_item(number, title, moment, path, author, categories, teaser, body, with_enclosure)

    def rss_item(self, number, title, moment, link, author, categories, teaser, body, with_enclosure):
        parts = [f"<item>\n<title>{xml_text(title, self.rng)}</title>\n<link>{link}</link>\n"]
        if self.permalink_guid:
            parts.append(f'<guid isPermaLink="true">{link}</guid>\n')
        else:
            parts.append(f'<guid isPermaLink="false">{self.site}-{self.index}-{number}</guid>\n')
        parts.append(f"<pubDate>{self.rfc822(moment)}</pubDate>\n")
        if self.creator:
            parts.append(f"<dc:creator>{cdata(author)}</dc:creator>\n")
        else:
            parts.append(f"<author>news{self.index}@{self.site} ({html_escape(author)})</author>\n")
        for category in categories:
            parts.append(f"<category>{cdata(category) if self.rng.random() < 0.5 else html_escape(category)}</category>\n")
        if self.full_description:
            parts.append(f"<description>{html_escape(body)}</description>\n")
        else:
            parts.append(f"<description>{html_escape(teaser)}</description>\n")
            parts.append(f"<content:encoded>{cdata(body)}</content:encoded>\n")
        if with_enclosure:
            url, mime, length = self.enclosure(number)
            parts.append(f'<enclosure url="{url}" length="{length}" type="{mime}"/>\n')
        parts.append("</item>\n")
        return "".join(parts)

    def atom_item(self, number, title, moment, path, author, categories, teaser, body, with_enclosure):
        href = path if self.xml_base else f"https://{self.site}/{path}"
        updated = moment + datetime.timedelta(minutes=self.rng.randrange(0, 90))
        title_attr = ' type="html"' if self.rng.random() < 0.2 else ""
        title_text = html_escape(html_escape(title)) if title_attr else xml_text(title, self.rng)
        entry_id = (f"tag:{self.site},2025:{self.index}-{number}" if self.rng.random() < 0.7
                    else "urn:uuid:{0[0]}-{0[1]}-{0[2]}-{0[3]}-{0[4]}".format(self.uuid_parts()))
        parts = [f"<entry>\n<title{title_attr}>{title_text}</title>\n"
                 f'<link rel="alternate" type="text/html" href="{href}"/>\n'
                 f"<id>{entry_id}</id>\n<published>{self.rfc3339(moment)}</published>\n"
                 f"<updated>{self.rfc3339(updated)}</updated>\n"
                 f"<author><name>{html_escape(author)}</name>"]
        if self.rng.random() < 0.3:
            parts.append(f"<email>news{self.index}@{self.site}</email>")
        parts.append("</author>\n")
        for category in categories:
            term = attr_escape(category.lower())
            parts.append(f'<category term="{term}" label="{attr_escape(category)}"/>\n')
        if self.escaped_atom:
            parts.append(f'<summary type="html">{html_escape(teaser)}</summary>\n')
            parts.append(f'<content type="html">{html_escape(body)}</content>\n')
        else:
            parts.append(f'<summary type="html">{cdata(teaser)}</summary>\n')
            parts.append(f'<content type="html">{cdata(body)}</content>\n')
        if with_enclosure:
            url, mime, length = self.enclosure(number)
            parts.append(f'<link rel="enclosure" type="{mime}" length="{length}" href="{url}"/>\n')
        parts.append("</entry>\n")
        return "".join(parts)

    def uuid_parts(self):
        value = f"{self.rng.getrandbits(128):032x}"
        return value[:8], value[8:12], value[12:16], value[16:20], value[20:]
