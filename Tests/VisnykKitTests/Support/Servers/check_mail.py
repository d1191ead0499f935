"""Reads one RFC 5322 message (the file named on the command line) with Python's `email`
package and prints what the mail tests check, as JSON: headers decoded, the MIME structure,
each text part decoded, the longest lines, and every defect the parser found."""

import json
import sys
from email import policy
from email.parser import BytesParser


def main():
    data = open(sys.argv[1], "rb").read()
    head, _, body = data.partition(b"\r\n\r\n")
    lines = data.split(b"\r\n")
    message = BytesParser(policy=policy.default).parsebytes(data)
    defects = [type(d).__name__ for d in message.defects]
    parts = []
    for part in message.walk():
        defects += [type(d).__name__ for d in part.defects]
        if part.is_multipart():
            continue
        parts.append({
            "type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "encoding": part.get("Content-Transfer-Encoding"),
            "content": part.get_content(),
        })
    headers = {}
    for name, value in message.items():
        headers.setdefault(name.lower(), []).append(str(value))

    def mailboxes(name):
        field = message.get(name)
        if field is None:
            return []
        return [[a.display_name, a.addr_spec] for a in field.addresses]

    print(json.dumps({
        "headers": headers,
        "header_names": [name for name, _ in message.items()],
        "subject": str(message["Subject"]),
        "from": mailboxes("From"),
        "to": mailboxes("To"),
        "content_type": message.get_content_type(),
        "boundary": message.get_boundary(),
        "parts": parts,
        "defects": defects,
        "max_line": max(len(l) for l in lines),
        "max_header_line": max(len(l) for l in head.split(b"\r\n")),
        "max_body_line": max((len(l) for l in body.split(b"\r\n")), default=0),
        "bare_line_ends": data.replace(b"\r\n", b"").count(b"\n") + data.replace(b"\r\n", b"").count(b"\r"),
        "ascii_only": all(b < 128 for b in data),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
