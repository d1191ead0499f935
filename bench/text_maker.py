"""Seeded prose and HTML for the synthetic parse corpus: sentences, titles, article bodies."""

import vocabulary

UK_WORDS = vocabulary.ukrainian_words()
UK_CONTENT = [w for w in UK_WORDS if w.lower() not in vocabulary.UKRAINIAN_FUNCTION]
LATIN_CONTENT = vocabulary.LATIN


def html_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr_escape(text):
    return html_escape(text).replace('"', "&quot;")


class TextMaker:
    """Makes text in one language ("uk" or "la") for one site, from a shared seeded RNG."""

    def __init__(self, rng, language, site):
        self.rng = rng
        self.language = language
        self.site = site
        if language == "uk":
            self.content, self.function = UK_CONTENT, vocabulary.UKRAINIAN_FUNCTION
            self.names = [w for w in UK_WORDS if w[0].isupper()] + ["Patriot", "Starlink", "NATO"]
            self.quotes = ("«", "»")
        else:
            self.content, self.function = LATIN_CONTENT, vocabulary.LATIN_FUNCTION
            self.names = vocabulary.LATIN_NAMES
            self.quotes = ("“", "”")

    # Plain text

    def word(self):
        roll = self.rng.random()
        if roll < 0.28:
            return self.rng.choice(self.function)
        if roll < 0.33:
            return self.rng.choice(self.names)
        if roll < 0.35:
            return self.number()
        return self.rng.choice(self.content)

    def number(self):
        kind = self.rng.randrange(4)
        if kind == 0:
            return str(self.rng.randrange(1, 100)) + "%"
        if kind == 1:
            return f"{self.rng.randrange(1, 999)} {self.rng.randrange(0, 1000):03d}"
        if kind == 2:
            return str(self.rng.randrange(1990, 2026))
        return str(self.rng.randrange(2, 500))

    def words(self, low, high):
        words = [self.word() for _ in range(self.rng.randint(low, high))]
        if self.rng.random() < 0.2 and len(words) > 4:
            start = self.rng.randrange(len(words) - 3)
            end = start + self.rng.randint(1, 3)
            words[start] = self.quotes[0] + words[start]
            words[end - 1] = words[end - 1] + self.quotes[1]
        if self.rng.random() < 0.15 and len(words) > 6:
            words.insert(self.rng.randrange(2, len(words) - 2), self.rng.choice(("–", "—")))
        if self.language == "la" and self.rng.random() < 0.1:
            index = self.rng.randrange(len(words))
            words[index] += "’s"
        if self.rng.random() < 0.05:
            words.insert(self.rng.randrange(1, len(words)), "&")
        for index in range(2, len(words) - 1, 7):
            if self.rng.random() < 0.5:
                words[index] += ","
        first = words[0]
        words[0] = first[:1].upper() + first[1:]
        return words

    def sentence(self):
        end = self.rng.choices((".", "!", "?", "…"), weights=(90, 4, 4, 2))[0]
        return " ".join(self.words(6, 18)) + end

    def title(self):
        return " ".join(self.words(5, 12))

    def author(self):
        pool = vocabulary.UKRAINIAN_AUTHORS if self.language == "uk" else vocabulary.LATIN_AUTHORS
        return self.rng.choice(pool)

    def categories(self):
        pool = vocabulary.UKRAINIAN_CATEGORIES if self.language == "uk" else vocabulary.LATIN_CATEGORIES
        return self.rng.sample(pool, self.rng.randint(1, 3))

    # HTML

    def slug(self):
        return "-".join(self.rng.choice(LATIN_CONTENT) for _ in range(self.rng.randint(2, 5)))

    def href(self):
        kind = self.rng.random()
        if kind < 0.55:
            return f"https://{self.site}/news/{self.rng.randrange(100000, 999999)}-{self.slug()}.html"
        if kind < 0.75:
            return f"/news/2025/04/{self.rng.randrange(1, 29):02d}/{self.slug()}/"
        if kind < 0.85:
            return f"../tag/{self.slug()}"
        if kind < 0.93:
            return f"{self.slug()}.html?utm_source=rss&amp;utm_medium=feed"
        return f"https://en.wikipedia.org/wiki/{self.rng.choice(vocabulary.LATIN_NAMES)}"

    def image(self):
        number = self.rng.randrange(10000, 99999)
        src = (f"https://cdn.{self.site}/uploads/2025/04/photo-{number}.jpg"
               if self.rng.random() < 0.7 else f"/uploads/2025/04/photo-{number}.jpg")
        alt = attr_escape(" ".join(self.words(3, 8)))
        return f'<img src="{src}" alt="{alt}" width="800" height="533" loading="lazy">'

    def inline(self, text):
        """Escapes a sentence for HTML and sometimes swaps characters for entity references."""
        text = html_escape(text)
        roll = self.rng.random()
        if roll < 0.08:
            text = text.replace("’", "&#8217;")
        elif roll < 0.12:
            text = text.replace(" – ", "&nbsp;&ndash; ").replace(" — ", "&nbsp;&#x2014; ")
        elif roll < 0.14:
            text = text.replace(self.quotes[0], "&laquo;").replace(self.quotes[1], "&raquo;")
        elif roll < 0.15:
            text = text.replace("…", "&hellip;")
        return text

    def paragraph(self):
        parts = []
        for _ in range(self.rng.randint(2, 6)):
            sentence = self.inline(self.sentence())
            roll = self.rng.random()
            if roll < 0.25:
                words = sentence.split(" ")
                start = self.rng.randrange(len(words))
                end = min(len(words), start + self.rng.randint(1, 4))
                tag = f'<a href="{self.href()}">'
                if self.rng.random() < 0.3:
                    tag = f'<a href="{self.href()}" target="_blank" rel="noopener">'
                words[start] = tag + words[start]
                words[end - 1] += "</a>"
                sentence = " ".join(words)
            elif roll < 0.35:
                sentence = f"<strong>{sentence}</strong>"
            elif roll < 0.42:
                sentence = f"<em>{sentence}</em>"
            parts.append(sentence)
        joiner = "<br>\n" if self.rng.random() < 0.05 else " "
        return "<p>" + joiner.join(parts) + "</p>"

    def block(self):
        roll = self.rng.random()
        if roll < 0.72:
            return self.paragraph()
        if roll < 0.78:
            return f"<h2>{self.inline(self.title())}</h2>"
        if roll < 0.86:
            tag = "ul" if self.rng.random() < 0.7 else "ol"
            items = "".join(f"<li>{self.inline(self.sentence())}</li>\n"
                            for _ in range(self.rng.randint(3, 6)))
            return f"<{tag}>\n{items}</{tag}>"
        if roll < 0.91:
            return f"<blockquote><p>{self.inline(self.sentence())}</p></blockquote>"
        if roll < 0.96:
            return f'<figure>{self.image()}<figcaption>{self.inline(self.title())}</figcaption></figure>'
        return f"<p>{self.image()}</p>"

    def article(self, target_bytes, encoding):
        """HTML of about `target_bytes` bytes once encoded (stops at the first block past it)."""
        blocks = []
        size = 0
        if self.rng.random() < 0.5:
            blocks.append(f"<p>{self.image()}</p>")
            size += len(blocks[-1].encode(encoding))
        while size < target_bytes:
            block = self.block()
            if size + len(block) // 2 > target_bytes and size > target_bytes * 0.85:
                break
            blocks.append(block)
            size += len(block.encode(encoding)) + 1
        return "\n".join(blocks)

    def teaser(self):
        text = self.inline(" ".join(self.sentence() for _ in range(self.rng.randint(1, 3))))
        if self.rng.random() < 0.3:
            return f"<p>{self.image()}</p><p>{text}</p>"
        return f"<p>{text}</p>"
