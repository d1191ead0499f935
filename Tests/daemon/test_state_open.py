"""Several visnyk processes opening a state database that does not exist yet (`visnyk run`
starting while an administrator runs `visnyk status`): one migrates it, the others wait for
it, and none fails with "table … already exists"."""

import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from support import VISNYK, write_config  # noqa: E402

PROCESSES = 8
ROUNDS = 10


class StateOpenTests(unittest.TestCase):
    def test_processes_creating_the_state_at_once_all_succeed(self):
        for round in range(ROUNDS):
            with tempfile.TemporaryDirectory() as work:
                config = write_config(work, [])
                processes = [subprocess.Popen([VISNYK, "status", "--json", "--config", config],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                             for _ in range(PROCESSES)]
                for process in processes:
                    _, errors = process.communicate(timeout=60)
                    self.assertEqual(process.returncode, 0, "round %d: %s" % (round, errors))


if __name__ == "__main__":
    unittest.main()
