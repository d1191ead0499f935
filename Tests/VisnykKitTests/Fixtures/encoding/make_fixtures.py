#!/usr/bin/env python3
"""Writes the encoding fixtures: small feeds whose title holds known text, in many encodings.
The Swift tests hold the same texts and expect them back after decoding."""
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
UK = "Коаліція охочих та «Рамштайн»: Умєров розповів про підсумки зустрічі. Ґанок, їжак, Євген, Її."
UK_PLAIN = "Коаліція охочих та \"Рамштайн\": Умєров розповів про підсумки зустрічі. Ґанок, їжак, Євген, Її."
RU = "Коалиция желающих и «Рамштайн»: Умеров рассказал об итогах встречи. Съешь же ещё этих мягких булок."
RU_PLAIN = RU.replace("«", '"').replace("»", '"')
FR = "Le café de la Forêt: naïve Größe, élève, garçon — prix 5 €, œuvre."
PL = "Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy."
JA = "日本語のニュース：東京で会議が開かれました。"
ZH = "中文新闻：北京举行会议。"
ZH_TW = "中文新聞：台北舉行會議。"
KO = "한국어 뉴스: 서울에서 회의가 열렸습니다."


def feed(text, encoding=None):
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>' if encoding else '<?xml version="1.0"?>'
    return f"{declaration}\n<rss version=\"2.0\"><channel><title>{text}</title></channel></rss>\n"


def write(name, data):
    (HERE / name).write_bytes(data)


write("uk-windows-1251.xml", feed(UK, "windows-1251").encode("cp1251"))
write("uk-windows-1251-undeclared.xml", feed(UK).encode("cp1251"))
write("uk-koi8-u.xml", feed(UK_PLAIN, "koi8-u").encode("koi8_u"))
write("uk-koi8-u-undeclared.xml", feed(UK_PLAIN).encode("koi8_u"))
write("ru-koi8-r.xml", feed(RU_PLAIN, "KOI8-R").encode("koi8_r"))
write("ru-windows-1251-undeclared.xml", feed(RU).encode("cp1251"))
write("uk-iso-8859-5.xml", feed(UK_PLAIN.replace("Ґ", "Г").replace("ґ", "г").replace("Є", "Є"), "ISO-8859-5").encode("iso8859_5"))
write("uk-utf-8.xml", feed(UK, "utf-8").encode("utf-8"))
write("uk-utf-8-bom.xml", b"\xef\xbb\xbf" + feed(UK, "utf-8").encode("utf-8"))
write("uk-utf-16le-bom.xml", b"\xff\xfe" + feed(UK, "UTF-16").encode("utf-16-le"))
write("uk-utf-16be-bom.xml", b"\xfe\xff" + feed(UK, "UTF-16").encode("utf-16-be"))
write("uk-utf-16le.xml", feed(UK, "UTF-16").encode("utf-16-le"))
write("uk-utf-16be.xml", feed(UK, "UTF-16").encode("utf-16-be"))
write("uk-utf-32le-bom.xml", b"\xff\xfe\x00\x00" + feed(UK, "UTF-32").encode("utf-32-le"))
write("uk-utf-32be.xml", feed(UK, "UTF-32").encode("utf-32-be"))
write("fr-iso-8859-1.xml", feed(FR, "iso-8859-1").encode("cp1252"))
write("fr-windows-1252-undeclared.xml", feed(FR).encode("cp1252"))
write("pl-iso-8859-2.xml", feed(PL, "ISO-8859-2").encode("iso8859_2"))
write("ja-shift_jis.xml", feed(JA, "Shift_JIS").encode("cp932"))
write("ja-euc-jp.xml", feed(JA, "EUC-JP").encode("euc_jp"))
write("ja-iso-2022-jp.xml", feed(JA, "ISO-2022-JP").encode("iso2022_jp"))
write("zh-gbk.xml", feed(ZH, "gb2312").encode("gbk"))
write("zh-big5.xml", feed(ZH_TW, "big5").encode("big5"))
write("ko-euc-kr.xml", feed(KO, "euc-kr").encode("euc_kr"))
write("uk-utf-16le.json", ('{"version": "https://jsonfeed.org/version/1.1", "title": "' + UK_PLAIN.replace('"', "'") + '"}').encode("utf-16-le"))
