#!/usr/bin/env python3
"""Benchmark netcards as whole processes: median wall time and peak RSS of each command.

    python3 scripts/bench.py                 # 1k, 10k and 100k cards (10 answers per card)
    python3 scripts/bench.py --sizes 1000    # the smoke test CI may run
    python3 scripts/bench.py --runs 7 --markdown docs/performance-table.md

Builds release binaries first (netcards and netcards-generate-store), generates one store per size in a
temp dir, and copies it fresh before every run that writes. Prints a Markdown table.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, stdin_text="", env=None, keep_output=False):
    """Runs one process; returns (seconds, peak RSS in MB, exit code, stdout).

    Output is discarded unless asked for: a forked child's ru_maxrss starts from this script's RSS at fork
    time, so holding a big output here would inflate the next measurement.
    """
    start = time.perf_counter()
    out_pipe = subprocess.PIPE if keep_output else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=out_pipe, stderr=subprocess.DEVNULL, env=env)
    proc.stdin.write(stdin_text.encode())
    proc.stdin.close()
    out = proc.stdout.read() if keep_output else b""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode, out


def measure(label, make_cmd, runs, stdin_text="", fresh_store=None, work=None, env=None):
    times, peaks = [], []
    for _ in range(runs):
        db = None
        if fresh_store:
            db = os.path.join(work, "run.sqlite")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            shutil.copy(fresh_store, db)
        seconds, peak, code, _ = run(make_cmd(db), stdin_text, env)
        if code != 0:
            sys.exit(f"{label}: exit code {code}")
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def count_graded(netcards, store, grading, work, env):
    """How many grades the scripted run gives (fewer than 500 when fewer cards are due)."""
    db = os.path.join(work, "count.sqlite")
    shutil.copy(store, db)
    out = run([netcards, "--db", db, "review", "--new", "0"], grading, env, keep_output=True)[3].decode()
    os.remove(db)
    return out.count("next in") + out.count("later today")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--markdown")
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "netcards"], cwd=ROOT, check=True)
    subprocess.run(["swift", "build", "-c", "release", "--product", "netcards-generate-store"], cwd=ROOT, check=True)
    bindir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip()
    netcards = os.path.join(bindir, "netcards")
    generate = os.path.join(bindir, "netcards-generate-store")

    env = dict(os.environ, NO_COLOR="1", HOME=tempfile.gettempdir())
    env.pop("NETCARDS_DB", None)
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        work = tempfile.mkdtemp(prefix=f"netcards-bench-{size}-")
        store = os.path.join(work, "store.sqlite")
        subprocess.run([generate, store, "--cards", str(size), "--decks", str(max(1, size // 1000)),
                        "--answers", str(size * 10)], check=True, stdout=subprocess.DEVNULL)
        # The first run after generating loads the bundled decks; do it once so every timed run starts equal.
        run([netcards, "--db", store, "decks"], env=env)
        answers = size * 10
        grading = "".join("\n4\n" for _ in range(500))
        csv = os.path.join(work, "import.csv")
        with open(csv, "w") as f:
            f.write("front,back,tags\n")
            for i in range(100_000):
                f.write(f"\"Imported question {i}, which port?\",{1024 + i % 60000},bench\n")

        def ro(*extra):
            return lambda _db: [netcards, "--db", store, *extra]

        def rw(*extra):
            return lambda db: [netcards, "--db", db, *extra]

        cases = [
            ("netcards --version", ro("--version"), "", False),
            ("review until the first card (piped, then end of input)", rw("review"), "", True),
            ("review grading 500 cards (scripted)", rw("review", "--new", "0"), grading, True),
            ("stats", ro("stats"), "", False),
            ("stats --json", ro("stats", "--json"), "", False),
            ("cards --json", ro("cards", "--json"), "", False),
        ]
        has_import = b"\n  import " in run([netcards, "--help"], env=env, keep_output=True)[3]
        if has_import:
            cases.append(("import a 100,000-row CSV", rw("import", csv, "--deck", "bench-import"), "", True))
        medians = {}
        for label, make_cmd, stdin_text, writes in cases:
            median, peak = measure(label, make_cmd, args.runs, stdin_text, store if writes else None, work, env)
            medians[label] = median
            rows.append((size, answers, label, f"{median * 1000:.1f}", f"{peak:.1f}"))
            print(f"{size:>7} cards  {label:<58} {median * 1000:8.1f} ms  {peak:6.1f} MB", flush=True)
        # One grade, committed: the scripted run's time beyond start-up, per card it graded.
        graded = count_graded(netcards, store, grading, work, env)
        per_grade = (medians["review grading 500 cards (scripted)"]
                     - medians["review until the first card (piped, then end of input)"]) / max(1, graded)
        rows.append((size, answers, f"one grade committed (over {graded} grades)", f"{per_grade * 1000:.2f}", "–"))
        print(f"{size:>7} cards  one grade committed (over {graded} grades) {per_grade * 1000:8.2f} ms", flush=True)
        shutil.rmtree(work)

    table = ["| cards | answers | command | median ms | peak RSS MB |", "|---:|---:|---|---:|---:|"]
    table += [f"| {c:,} | {a:,} | {label} | {ms} | {mb} |" for c, a, label, ms, mb in rows]
    print("\n".join(table))
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write("\n".join(table) + "\n")


if __name__ == "__main__":
    main()
