"""End-to-end tests of several `visnyk run` daemons sharing one PostgreSQL database
(`[state] backend = "postgres"`): a real PostgreSQL 15 (postgres.py), the loopback feed server,
one spool directory shared by every node, the loopback SMTP server, real signals.

    VISNYK=.build/debug/visnyk python3 -m unittest discover -s Tests/daemon -p "test_cluster.py" -v

Skipped when PostgreSQL is not installed (scripts/setup installs the Debian package).
"""

import datetime
import os
import signal
import subprocess
import tempfile
import time
import unittest
from collections import Counter

import postgres
from faults import SMTPServer
from feeds import feed_xml
from support import VISNYK, FeedServer, run_visnyk, spool_documents, spool_files, status_json, toml_string

NODES = ("n1", "n2", "n3")


def write_feeds(directory, count, per_feed):
    """Feed i carries articles feed<i>-article0 … article<per_feed - 1>; rewriting with a larger
    per_feed adds articles (a new ETag), the way a feed grows between polls."""
    os.makedirs(directory, exist_ok=True)
    for index in range(count):
        with open(os.path.join(directory, "feed%d.xml" % index), "w", encoding="utf-8") as out:
            out.write(feed_xml(index, per_feed, 0))


def article_ids(count, per_feed):
    return {"feed%d-article%d" % (index, n) for index in range(count) for n in range(per_feed)}


def node_config(work, node, database_url, sources, lease, interval, digest_lines=()):
    """work/<node>/visnyk.toml: the node's own state_dir, the spool shared by all nodes."""
    directory = os.path.join(work, node)
    os.makedirs(directory, exist_ok=True)
    lines = [
        'state_dir = "state"',
        "spool_dir = %s" % toml_string(os.path.join(work, "spool")),
        'user_agent_url = "https://example.org/visnyk-tests"',
        "interval = %s" % toml_string(interval),
        'min_interval = "1s"',
        'max_backoff = "5s"',
        'timeout = "10s"',
        "allow_private_networks = true",
        # Every source is on one host (127.0.0.1), and per_host holds across the cluster.
        "concurrency = 16",
        "per_host = 24",
        # Near-duplicate marking is not what these tests look at, and it costs a round trip per article.
        'near_duplicates = "off"',
    ]
    for source in sources:
        lines += ["", "[[source]]"] + ["%s = %s" % (key, toml_string(value)) for key, value in source.items()]
    lines += list(digest_lines)
    lines += ["", "[state]", 'backend = "postgres"', "url = %s" % toml_string(database_url),
              "node = %s" % toml_string(node), "lease = %s" % toml_string(lease)]
    path = os.path.join(directory, "visnyk.toml")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return path


class Node:
    """One `visnyk run` process with its log file."""

    def __init__(self, name, config):
        self.name = name
        self.config = config
        self.log_path = os.path.join(os.path.dirname(config), "daemon.log")
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen([VISNYK, "run", "--config", config], stdout=log, stderr=subprocess.STDOUT)

    def running(self):
        return self.process.poll() is None

    def terminate(self):
        if self.running():
            self.process.send_signal(signal.SIGTERM)

    def wait(self, timeout=20):
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError("%s did not stop within %d s of SIGTERM" % (self.name, timeout))

    def kill(self):
        if self.running():
            self.process.kill()
        self.process.wait()

    def log_tail(self, lines=15):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as handle:
                return "".join(handle.readlines()[-lines:])
        except OSError:
            return ""


def fetches_by_path(requests):
    """path -> the indexes (arrival order at the server) of its requests."""
    order = {}
    for index, request in enumerate(requests):
        order.setdefault(request["path"], []).append(index)
    return order


def round_overlaps(order, paths):
    """Rounds k where some source's (k+1)-th fetch arrived before another source's k-th: with
    every source polled once per interval (and a round shorter than the interval), round k+1
    starts only once round k is over. A source fetched twice in a round, by two nodes, shows here."""
    overlaps = []
    deepest = max(len(order.get(path, [])) for path in paths)
    for k in range(1, deepest):
        last_of_round = max(order[path][k - 1] for path in paths if len(order.get(path, [])) >= k)
        starts_next = [order[path][k] for path in paths if len(order.get(path, [])) > k]
        if min(starts_next) < last_of_round:
            early = [path for path in paths if len(order.get(path, [])) > k and order[path][k] < last_of_round]
            overlaps.append((k, len(early), early[:3]))
    return overlaps


def next_minute_at_least(seconds_ahead):
    """The first whole UTC minute at least `seconds_ahead` from now, as (HH:MM, epoch seconds)."""
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds_ahead)
    if moment.second or moment.microsecond:
        moment = moment.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    return moment.strftime("%H:%M"), moment.timestamp()


@unittest.skipIf(postgres.unavailable(), "cluster: %s" % postgres.unavailable())
class ClusterTests(unittest.TestCase):
    SOURCES = 1000
    # Seconds. A round of 1,000 polls by three debug builds took 12 s on 2 busy cores; the
    # round check needs a round (plus 5% jitter) to end before the next begins.
    INTERVAL = 30
    LEASE = 5

    @classmethod
    def setUpClass(cls):
        cls.postgres = postgres.PostgresServer()

    @classmethod
    def tearDownClass(cls):
        cls.postgres.stop()

    def setUp(self):
        self.work_dir = tempfile.TemporaryDirectory()
        self.work = self.work_dir.name
        self.feeds = os.path.join(self.work, "feeds")
        self.nodes = []
        self.server = None
        self.smtp = None

    def tearDown(self):
        for node in self.nodes:
            node.kill()
        if self.server:
            self.server.close()
        if self.smtp:
            self.smtp.close()
        self.work_dir.cleanup()

    def database(self):
        name = "cluster_%s" % self._testMethodName[5:40]
        self.db = name
        return self.postgres.create_database(name)

    def db_count(self, sql):
        """A count from the test's database; 0 while the nodes have not created its tables yet."""
        try:
            return int(self.postgres.scalar(self.db, sql) or 0)
        except AssertionError as error:
            if "does not exist" in str(error):
                return 0
            raise

    def start_nodes(self, configs):
        for name, config in configs:
            self.nodes.append(Node(name, config))

    def logs(self):
        return "\n".join("--- %s (%s)\n%s" % (node.name, "running" if node.running() else
                                              "exited %s" % node.process.returncode, node.log_tail())
                         for node in self.nodes)

    def all_running(self):
        stopped = [node.name for node in self.nodes if not node.running()]
        if stopped:
            raise AssertionError("daemons exited: %s\n%s" % (stopped, self.logs()))
        return True

    def wait(self, predicate, what, timeout, every=0.2):
        """Polls `predicate` every `every` seconds (the feed server's whole log is read each
        time: not every 50 ms) while every node runs; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.all_running() and predicate():
                return
            time.sleep(every)
        raise AssertionError("timed out waiting until %s\n%s" % (what, self.logs()))

    def stop_all(self):
        for node in self.nodes:
            node.terminate()
        codes = {node.name: node.wait() for node in self.nodes}
        self.assertEqual(set(codes.values()), {0}, "SIGTERM exit codes %s\n%s" % (codes, self.logs()))

    def check_spool(self, expected_ids):
        """Every expected article once in the shared new/, nothing else, no hash twice."""
        documents = spool_documents(self.work)  # raises on a partial file
        ids = Counter(document["id"] for document in documents)
        twice = {article: n for article, n in ids.items() if n > 1}
        self.assertEqual(twice, {}, "articles spooled more than once")
        hashes = Counter(document["contentHash"] for document in documents)
        self.assertEqual([h for h, n in hashes.items() if n > 1], [], "content hashes spooled more than once")
        # The file name carries the hash's first 16 hex digits: one file per hash there too.
        prefixes = Counter(os.path.basename(path).split(".")[1] for path in spool_files(self.work))
        self.assertEqual([p for p, n in prefixes.items() if n > 1], [], "spool file names with one hash twice")
        self.assertEqual(set(expected_ids) - set(ids), set(), "articles never spooled")
        self.assertEqual(set(ids) - set(expected_ids), set(), "articles spooled that no feed has")
        seen = self.db_count("SELECT count(*) FROM seen")
        self.assertEqual(seen, len(expected_ids), "seen rows in the database")

    # -- a) ----------------------------------------------------------------------------------

    def test_three_daemons_poll_each_source_once_per_interval_spool_once_and_send_one_digest(self):
        count, per_feed, interval = self.SOURCES, 2, self.INTERVAL
        write_feeds(self.feeds, count, per_feed)
        self.server = FeedServer(self.feeds)
        self.smtp = SMTPServer(os.path.join(self.work, "received"))
        url = self.database()
        paths = ["/feeds/feed%d.xml" % i for i in range(count)]
        sources = [{"name": "feed %d" % i, "url": self.server.url(path)} for i, path in enumerate(paths)]
        # One slot, at the first whole minute that leaves the nodes time to start: all three
        # wake for it; one sends.
        at, slot = next_minute_at_least(20)
        digest = ["", "[[digest]]", 'name = "morning"', 'to = ["reader@example.org"]',
                  'from = "visnyk@example.org"', "at = %s" % toml_string(at), 'timezone = "UTC"',
                  'sources = ["feed 0", "feed 1", "feed 2"]', "send_empty = true",
                  "", "[mail]", 'transport = "smtp"', 'url = "smtp://127.0.0.1:%d"' % self.smtp.port,
                  'tls = "none"', 'timeout = "10s"']
        self.start_nodes([(node, node_config(self.work, node, url, sources, "%ds" % self.LEASE, "%ds" % interval,
                                             digest)) for node in NODES])
        started = time.monotonic()

        def rounds_done(k):
            order = fetches_by_path(self.server.requests())
            return all(len(order.get(path, [])) >= k for path in paths)

        # Rounds 1 and 2 end with the feeds growing by one article each, read in the next round.
        round_times = []
        for k, grown in ((1, per_feed + 1), (2, per_feed + 2)):
            self.wait(lambda: rounds_done(k), "every source fetched %d times" % k, timeout=interval * 3)
            round_times.append(time.monotonic() - started)
            write_feeds(self.feeds, count, grown)
        per_feed += 2
        self.wait(lambda: rounds_done(3), "every source fetched 3 times", timeout=interval * 3)
        round_times.append(time.monotonic() - started)
        self.wait(lambda: self.smtp.count() >= 1, "the digest of %s UTC arrived" % at,
                  timeout=max(slot - time.time(), 0) + 30)
        self.wait(lambda: len(spool_files(self.work)) >= count * per_feed, "every article spooled", timeout=30)
        # Three nodes woke for the slot: give a second message time to come; none may.
        time.sleep(3)
        requests = self.server.requests()
        self.all_running()
        self.stop_all()

        order = fetches_by_path(requests)
        self.assertEqual(set(order) - set(paths), set(), "requests for paths no source has")
        self.assertEqual([p for p in paths if len(order.get(p, [])) < 3], [], "sources fetched fewer than 3 times")
        self.assertEqual(round_overlaps(order, paths), [],
                         "(round, sources, examples) fetched again before every source was fetched in that round")
        statuses = Counter(request["status"] for request in requests)
        self.assertEqual(set(statuses) - {200, 304}, set(), "statuses at the feed server: %s" % statuses)
        self.check_spool(article_ids(count, per_feed))
        self.assertEqual(self.smtp.count(), 1, "messages for one digest slot, three nodes")
        deliveries = self.postgres.psql(self.db, "SELECT digest, slot FROM digest_deliveries")
        self.assertEqual(len(deliveries), 1, "recorded deliveries: %s" % deliveries)
        self.assertEqual(float(deliveries[0][1]), slot, "the delivery's slot")
        polls = {row[0]: int(row[1]) for row in self.postgres.psql(self.db, "SELECT name, pollCount FROM sources")}
        print("\n  cluster: %d sources, rounds done at %s s, %d requests (%s), polls by name %d..%d"
              % (count, ", ".join("%.1f" % t for t in round_times), len(requests), dict(statuses),
                 min(polls.values()), max(polls.values())))

    # -- b) ----------------------------------------------------------------------------------

    def test_a_killed_node_s_sources_are_polled_by_the_others_after_its_lease(self):
        count, per_feed, lease = 400, 3, self.LEASE
        write_feeds(self.feeds, count, per_feed)
        self.server = FeedServer(self.feeds)
        url = self.database()
        paths = ["/feeds/feed%d.xml" % i for i in range(count)]
        sources = [{"name": "feed %d" % i, "url": self.server.url(path)} for i, path in enumerate(paths)]
        # One round only: a source polled once is not due again within the test.
        self.start_nodes([(node, node_config(self.work, node, url, sources, "%ds" % lease, "1h")) for node in NODES])
        victim = self.nodes[2]

        def victim_holds_leases():
            held = self.db_count("SELECT count(*) FROM cluster_sources WHERE lease_node = 'n3'")
            return held > 0 and len(self.server.requests()) >= count // 4

        self.wait(victim_holds_leases, "n3 holds leases a quarter into the round", timeout=60)
        victim.kill()
        killed_at = time.time()
        self.nodes.remove(victim)
        # A request n3 sent just before it died may still be read by the server: wait that out.
        time.sleep(0.5)
        mark = len(self.server.requests())
        held = self.postgres.psql(self.db, "SELECT name, lease_until FROM cluster_sources "
                                           "WHERE lease_node = 'n3' AND lease_until IS NOT NULL")
        self.assertTrue(held, "n3 held no lease when it was killed")
        orphaned = {"/feeds/feed%s.xml" % name.split(" ")[1] for name, _ in held}
        expiry = max(float(until) for _, until in held)

        taken_early = []

        def orphans_polled():
            after = {request["path"] for request in self.server.requests()[mark:]}
            if orphaned & after and time.time() < expiry:
                # Seen before the lease's end, so fetched before it: another node took a live lease.
                taken_early.extend(sorted(orphaned & after))
            return orphaned <= after

        # Within the lease (and a claim tick): the wait's bound is the lease plus slack for a
        # loaded machine; the time it took is printed.
        self.wait(orphans_polled, "n3's %d claimed sources were polled by n1 and n2" % len(orphaned),
                  timeout=lease + 20)
        taken_over = time.time() - killed_at
        self.wait(lambda: len(spool_files(self.work)) >= count * per_feed, "every article spooled", timeout=60)
        self.wait(lambda: all(len(fetches_by_path(self.server.requests()).get(p, [])) >= 1 for p in paths),
                  "every source fetched", timeout=30)
        requests = self.server.requests()
        self.stop_all()

        order = fetches_by_path(requests)
        self.assertEqual(taken_early, [], "n3's sources polled by another node before its lease expired")
        twice = {p: len(order[p]) for p in paths if len(order.get(p, [])) > 1 and p not in orphaned}
        self.assertEqual(twice, {}, "sources n3 did not hold, fetched more than once")
        self.assertEqual([p for p in orphaned if len(order[p]) > 2], [], "orphaned sources fetched more than twice")
        self.check_spool(article_ids(count, per_feed))
        print("\n  cluster kill: n3 held %d sources; its last lease ran out %.1f s after the kill, the others had"
              " polled them all %.1f s after the kill (lease %d s)" % (len(orphaned), expiry - killed_at, taken_over, lease))

    def status_nodes(self, config):
        """The nodes `visnyk status` lists as alive, checked in its text and its JSON alike."""
        result = run_visnyk("status", "--config", config)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        heading = [line for line in lines if line.startswith("cluster:")]
        self.assertEqual(len(heading), 1, "one cluster: line in\n%s" % result.stdout)
        start = lines.index(heading[0])
        listed = []
        for line in lines[start + 1:]:
            if not line.startswith("  "):
                break
            listed.append(line.strip().split(":")[0])
        alive = len(listed)
        self.assertIn("%d node%s alive" % (alive, "" if alive == 1 else "s"), heading[0])
        document = status_json(config)
        self.assertEqual(sorted(node["id"] for node in document["cluster"]["nodes"]), sorted(listed))
        return sorted(listed)

    # -- c) ----------------------------------------------------------------------------------

    def test_status_lists_the_nodes_alive(self):
        count = 10
        write_feeds(self.feeds, count, 2)
        self.server = FeedServer(self.feeds, log=False)
        url = self.database()
        sources = [{"name": "feed %d" % i, "url": self.server.url("/feeds/feed%d.xml" % i)} for i in range(count)]
        configs = [(node, node_config(self.work, node, url, sources, "%ds" % self.LEASE, "1h")) for node in NODES[:2]]
        self.start_nodes(configs)
        self.wait(lambda: self.db_count("SELECT count(*) FROM cluster_nodes") == 2,
                  "both nodes joined", timeout=30)
        self.wait(lambda: len(spool_files(self.work)) == count * 2, "every article spooled", timeout=30)
        self.assertEqual(self.status_nodes(configs[0][1]), ["n1", "n2"])
        # n2 leaves on SIGTERM: status from n1's config no longer lists it.
        self.nodes[1].terminate()
        self.assertEqual(self.nodes[1].wait(), 0)
        self.nodes.pop()
        self.assertEqual(self.status_nodes(configs[0][1]), ["n1"])
        self.stop_all()


if __name__ == "__main__":
    unittest.main()
