#!/usr/bin/env python3
"""Writes the encoded feed fixtures of Parse/EncodingParseTests.swift (run from this folder)."""

TITLE = "Ґанок і їжак: єдність"
BODY = ("Київ, Львів, Одеса: новини з усієї України: їжак, ґудзик, є, ї, і. "
        "Щоденний огляд подій і коментарі редакції.")


def rss(declaration):
    return (declaration +
            "<rss version=\"2.0\"><channel><title>Кодування</title>"
            "<link>https://enc.example.org/</link><description>Тест</description>"
            "<item><title>" + TITLE + "</title><guid isPermaLink=\"false\">enc-1</guid>"
            "<description>&lt;p&gt;" + BODY + "&lt;/p&gt;</description></item>"
            "</channel></rss>\n")


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


write("enc-windows-1251-declared.xml",
      rss('<?xml version="1.0" encoding="windows-1251"?>\n').encode("cp1251"))
write("enc-windows-1251-http-only.xml",
      rss('<?xml version="1.0"?>\n').encode("cp1251"))
write("enc-windows-1251-undeclared.xml",
      rss("").encode("cp1251"))
write("enc-koi8-u.xml",
      rss('<?xml version="1.0" encoding="KOI8-U"?>\n').encode("koi8_u"))
write("enc-utf-16le-bom.xml",
      b"\xff\xfe" + rss('<?xml version="1.0" encoding="UTF-16"?>\n').encode("utf-16-le"))
write("enc-utf-16be-bom.xml",
      b"\xfe\xff" + rss('<?xml version="1.0" encoding="UTF-16"?>\n').encode("utf-16-be"))
write("enc-utf-8-bom-declared-1251.xml",
      b"\xef\xbb\xbf" + rss('<?xml version="1.0" encoding="windows-1251"?>\n').encode("utf-8"))
