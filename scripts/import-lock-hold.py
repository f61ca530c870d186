#!/usr/bin/env python3
"""How long `netcards import` holds the store's write lock, seen from another process.

Usage: scripts/import-lock-hold.py NETCARDS_BINARY [ROWS]   (ROWS defaults to 1,000,000)

Writes a CSV of ROWS cards and a fresh store in a temporary folder, starts `netcards import` on it, and
meanwhile tries `BEGIN IMMEDIATE` on the same store every 2 ms with no busy timeout, as a review's grade would
(without waiting). The longest run of refusals is the time a concurrent grade would have had to wait.
Prints the import's wall time and that longest wait; exits non-zero if the import failed.
"""

import os
import sqlite3
import subprocess
import sys
import tempfile
import time


def main():
    binary = os.path.abspath(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = os.path.join(tmp, "perf.csv")
        with open(csv_path, "w") as f:
            f.write("front,back,tags\n")
            for i in range(rows):
                f.write(f"What is fact number {i} of the lock test?,answer {i},perf\n")
        store = os.path.join(tmp, "store.sqlite")
        env = dict(os.environ, NETCARDS_DB=store)
        subprocess.run([binary, "decks"], env=env, check=True, stdout=subprocess.DEVNULL)

        probe = sqlite3.connect(store, timeout=0, isolation_level=None)
        start = time.monotonic()
        importer = subprocess.Popen([binary, "import", csv_path], env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE)
        longest = 0.0
        busy_since = None
        while importer.poll() is None:
            now = time.monotonic()
            try:
                probe.execute("BEGIN IMMEDIATE")
                probe.execute("ROLLBACK")
                if busy_since is not None:
                    longest = max(longest, now - busy_since)
                    busy_since = None
            except sqlite3.OperationalError:
                if busy_since is None:
                    busy_since = now
            time.sleep(0.002)
        if busy_since is not None:
            longest = max(longest, time.monotonic() - busy_since)
        total = time.monotonic() - start
        stderr = importer.stderr.read().decode()
        if importer.returncode != 0:
            print(f"import failed ({importer.returncode}): {stderr}", file=sys.stderr)
            return 1
        print(f"{rows} rows: import {total:.2f} s, longest write-lock hold seen {longest:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
