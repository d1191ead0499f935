"""A real PostgreSQL 15 server for the cluster tests and bench/cluster: initdb into a temporary
directory and pg_ctl on a free 127.0.0.1 port, the socket in that directory too, trust
authentication and a login role `visnyk`. PostgreSQL refuses to run as root, so when the tests
run as root (CI does) the directory is given to the `postgres` user (Debian's package creates
it) and every server command runs through `runuser -u postgres --`.

    server = PostgresServer()        # started; raises PostgresUnavailable when it cannot be
    server.create_database("visnyk_a")
    server.url("visnyk_a")           # postgres://visnyk@127.0.0.1:PORT/visnyk_a
    server.psql("visnyk_a", "SELECT count(*) FROM seen")   # rows as lists of strings
    server.stop()                    # pg_ctl -m immediate, then the directory is removed
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time

ROLE = "visnyk"


def binaries():
    """The directory of initdb and pg_ctl (Debian keeps them off PATH), or None."""
    override = os.environ.get("VISNYK_PG_BIN")
    candidates = [override] if override else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for directory in candidates:
        if directory and os.access(os.path.join(directory, "initdb"), os.X_OK):
            return directory
    return None


def unavailable():
    """Why no server can be started here (for skipTest), or None when one can."""
    if binaries() is None:
        return "PostgreSQL is not installed (Debian package postgresql; scripts/setup installs it)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a postgres user to run the server as"
    return None


class PostgresUnavailable(RuntimeError):
    pass


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """One server in its own temporary directory, until `stop`. `settings` are extra
    postgresql.conf parameters (name -> value), e.g. shared_preload_libraries."""

    def __init__(self, settings=None):
        self.bin = binaries()
        if self.bin is None:
            raise PostgresUnavailable(unavailable())
        self.as_postgres = os.geteuid() == 0
        # Not under the test's own temporary directory: that one is 0700 root, and the server
        # runs as postgres. /tmp itself is traversable.
        self.root = tempfile.mkdtemp(prefix="visnyk-pg-")
        self.data = os.path.join(self.root, "data")
        self.socket_dir = os.path.join(self.root, "socket")
        self.log_path = os.path.join(self.root, "server.log")
        os.makedirs(self.socket_dir)
        if self.as_postgres:
            account = pwd.getpwnam("postgres")
            for path in (self.root, self.socket_dir):
                os.chown(path, account.pw_uid, account.pw_gid)
        self.port = None
        try:
            self._server_command(["initdb", "-D", self.data, "-U", "postgres", "--auth=trust",
                                  "--encoding=UTF8", "--no-locale", "--no-sync"], timeout=120)
            self._configure(settings or {})
            self._start()
            self.psql("postgres", "CREATE ROLE %s LOGIN CREATEDB" % ROLE, user="postgres")
        except BaseException:
            self.stop()
            raise

    def _server_command(self, args, timeout=60):
        command = [os.path.join(self.bin, args[0])] + args[1:]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--"] + command
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=self.root)
        if result.returncode != 0:
            raise PostgresUnavailable("%s failed (%d): %s%s" % (args[0], result.returncode, result.stderr,
                                                                 self._log_tail()))
        return result

    def _configure(self, settings):
        lines = [
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = '%s'" % self.socket_dir,
            "max_connections = 200",
            # A test database: a crash of the machine loses nothing a test needs.
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "log_min_messages = warning",
        ]
        lines += ["%s = %s" % (name, value) for name, value in settings.items()]
        with open(os.path.join(self.data, "postgresql.conf"), "a", encoding="utf-8") as conf:
            conf.write("\n" + "\n".join(lines) + "\n")

    def _start(self):
        # The free port may be taken between the probe and the bind: try a few.
        problem = None
        for _ in range(5):
            port = free_port()
            try:
                self._server_command(["pg_ctl", "-D", self.data, "-l", self.log_path, "-w", "-t", "60",
                                      "-o", "-p %d" % port, "start"], timeout=90)
                self.port = port
                return
            except PostgresUnavailable as error:
                problem = error
                time.sleep(0.2)
        raise problem

    def _log_tail(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as handle:
                return "\nserver log:\n" + "".join(handle.readlines()[-20:])
        except OSError:
            return ""

    def psql_command(self, database, user=ROLE):
        return [os.path.join(self.bin, "psql"), "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", str(self.port), "-U", user, "-d", database]

    def psql(self, database, sql, user=ROLE):
        """Runs `sql`; returns the result rows as lists of strings (empty for commands)."""
        result = subprocess.run(self.psql_command(database, user) + ["-c", sql], capture_output=True,
                                text=True, timeout=60)
        if result.returncode != 0:
            raise AssertionError("psql %s: %s failed: %s" % (database, sql, result.stderr.strip()))
        return [line.split("\t") for line in result.stdout.splitlines() if line]

    def scalar(self, database, sql, user=ROLE):
        rows = self.psql(database, sql, user=user)
        return rows[0][0] if rows else None

    def create_database(self, name):
        self.psql("postgres", 'CREATE DATABASE "%s" OWNER %s' % (name, ROLE), user="postgres")
        return self.url(name)

    def url(self, database):
        return "postgres://%s@127.0.0.1:%d/%s" % (ROLE, self.port, database)

    def stop(self):
        if self.port is not None and os.path.isdir(self.data):
            try:
                self._server_command(["pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop"], timeout=60)
            except (PostgresUnavailable, subprocess.TimeoutExpired):
                pass
            self.port = None
        shutil.rmtree(self.root, ignore_errors=True)
