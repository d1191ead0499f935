"""An SMTP server on 127.0.0.1 for the mail tests, built on aiosmtpd (PyPI).

Prints "PORT <n>" first and exits when stdin closes, like the other test servers. Each
accepted message is stored in --store as <n>.eml (the bytes as received, dot-unstuffed) with
<n>.json beside it: envelope sender and recipients, and whether the session had TLS and had
authenticated (and as whom). Both files are in place before the server answers 250.

Modes (combine freely):
  --tls DIR           STARTTLS with a self-signed certificate made at start (openssl CLI;
                      CN=localhost, subjectAltName DNS:localhost, IP:127.0.0.1) written to
                      DIR/cert.pem; a MAIL before STARTTLS gets 530.
  --auth USER:PASS    AUTH PLAIN/LOGIN checked against USER:PASS. Not required: the server also
                      takes mail without a login, so the tests see if a client skipped it.
  --no-auth           AUTH is neither offered nor accepted.
  --reject-rcpt TEXT  every RCPT TO is answered with TEXT (e.g. "550 5.1.1 no such user").
  --reject-data TEXT  the end of DATA is answered with TEXT.
  --stall             connections are accepted and never answered.
"""

import argparse
import asyncio
import json
import logging
import os
import ssl
import subprocess
import sys
import threading
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def make_certificate(directory):
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    if not (os.path.exists(cert) and os.path.exists(key)):
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-keyout", key, "-out", cert, "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


class Authenticator:
    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == self.user and auth_data.password == self.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)


class Handler:
    def __init__(self, args):
        self.args = args
        self.count = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.args.no_auth:
            responses = [r for r in responses if not r.upper().startswith("250-AUTH")]
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.args.reject_rcpt:
            return self.args.reject_rcpt
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.args.reject_data:
            return self.args.reject_data
        self.count += 1
        base = os.path.join(self.args.store, "%d" % self.count)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "ehlo": session.host_name,
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
            "login": session.auth_data.decode() if isinstance(session.auth_data, bytes) else None,
        }
        for suffix, data in ((".eml", envelope.original_content), (".json", json.dumps(record).encode())):
            with open(base + suffix + ".tmp", "wb") as f:
                f.write(data)
            os.rename(base + suffix + ".tmp", base + suffix)
        return "250 OK stored"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls")
    parser.add_argument("--auth")
    parser.add_argument("--no-auth", action="store_true")
    parser.add_argument("--reject-rcpt")
    parser.add_argument("--reject-data")
    parser.add_argument("--stall", action="store_true")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # aiosmtpd's own deprecation notices
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)

    context = make_certificate(args.tls) if args.tls else None
    authenticator = None
    if args.auth:
        user, _, password = args.auth.partition(":")
        authenticator = Authenticator(user, password)
    handler = Handler(args)

    def factory():
        if args.stall:
            return asyncio.Protocol()
        return SMTP(handler, hostname="test.smtp.local", tls_context=context,
                    require_starttls=context is not None, authenticator=authenticator,
                    auth_required=False, auth_require_tls=context is not None)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(factory, "127.0.0.1", args.port))

    def exit_when_stdin_closes():
        sys.stdin.buffer.read()
        os._exit(0)

    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
    loop.run_forever()


if __name__ == "__main__":
    main()
