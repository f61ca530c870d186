#!/usr/bin/env python3
"""Benchmark netcards as whole processes, beside Anki's backend and the sqlite3 shell doing the same work.

    python3 scripts/bench.py                      # side by side at 100k imported cards, then history at 100k
    python3 scripts/bench.py --runs 15 --markdown docs/performance-table.md
    python3 scripts/bench.py --rows 1000 --sizes 1000 --runs 3   # a quick run

Part 1, side by side: a store with the bundled decks and a 100,000-row CSV imported into the deck `perf`;
Anki 26.9.3's backend (the `anki` wheel from PyPI, installed into a venv under .bench/, which git ignores) on
a collection with the same CSV imported; the sqlite3 shell running the SQL the command needs, on netcards'
own store: the floor for that work. Every figure comes from this one run, so the ratios compare like with like.

Part 2, history: per size, a store made by netcards-generate-store (N cards over N/1000 decks, 10 answers
per card over three years) and the commands a learner runs on it.

Builds the release binaries first (`make release`: Swift's runtime linked in, stripped). Times with hyperfine
(median of --runs runs after one warm-up); commands that write get a fresh copy of their store before every
run (hyperfine --prepare, not timed). Peak RSS is one more run of each command. The load average before and
after is printed: the machine may be shared.
"""
import argparse, json, os, shlex, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(ROOT, ".bench")
ANKI_VERSION = "26.9.3"


def anki_python():
    """The venv's python with the anki wheel, made on first use."""
    venv = os.path.join(BENCH_DIR, "anki-venv")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    check = subprocess.run([python, "-c", "import importlib.metadata as m; print(m.version('anki'))"],
                           capture_output=True, text=True)
    if check.stdout.strip() != ANKI_VERSION:
        subprocess.run([python, "-m", "pip", "install", "--quiet", f"anki=={ANKI_VERSION}"], check=True)
    return python


def timed(cmd, runs, work, stdin_file=None, fresh=None):
    """Median wall seconds of `cmd` (a list; `fresh` = (source, copy) copied before each run) by hyperfine."""
    report = os.path.join(work, "hyperfine.json")
    args = ["hyperfine", "--runs", str(runs), "--warmup", "1", "--style", "none", "--export-json", report]
    # Without a shell (hyperfine gives the command /dev/null as stdin) unless a file is piped in: a shell's
    # start-up, subtracted by estimate, is noise beside the few milliseconds of the sqlite3 floor.
    if stdin_file:
        shell_cmd = shlex.join(cmd) + f" < {shlex.quote(stdin_file)}"
    else:
        shell_cmd = shlex.join(cmd)
        args.append("--shell=none")
    if fresh:
        source, copy = fresh
        fresh_copy = f"rm -f {shlex.quote(copy)}-wal {shlex.quote(copy)}-shm && cp {shlex.quote(source)} {shlex.quote(copy)}"
        args += ["--prepare", shlex.join(["sh", "-c", fresh_copy])]
    subprocess.run(args + [shell_cmd], check=True, stdout=subprocess.DEVNULL)
    with open(report) as f:
        return json.load(f)["results"][0]["median"]


def peak_rss_mb(cmd, stdin_file=None, fresh=None):
    """Peak RSS of one run, in MB."""
    if fresh:
        source, copy = fresh
        for suffix in ("-wal", "-shm"):
            if os.path.exists(copy + suffix):
                os.remove(copy + suffix)
        shutil.copy(source, copy)
    with open(stdin_file or os.devnull) as stdin:
        proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{shlex.join(cmd)}: exit code {os.waitstatus_to_exitcode(status)}")
    return usage.ru_maxrss / 1024


def write_csv(path, rows, anki_header=False):
    with open(path, "w") as f:
        # Anki reads its own header lines; netcards' CSV reader takes the column names from the first row.
        f.write("#separator:comma\n#columns:front,back,tags\n#tags column:3\n" if anki_header else "front,back,tags\n")
        for i in range(rows):
            f.write(f"\"Imported question {i}, which port?\",{1024 + i % 60000},bench\n")


TODAY = "CAST(julianday('now', 'localtime', '-4 hours') - 2440587.5 AS INTEGER)"

# The sqlite3 shell doing what each command needs from the store: the same queries, nothing else.
FLOOR_IMPORT = f"""
.import --csv {{csv}} staged
BEGIN;
INSERT INTO deck(name, module_id, source, position)
  SELECT 'perf', (SELECT id FROM module ORDER BY position DESC LIMIT 1), 'imported', max(position) + 1 FROM deck;
INSERT INTO card(id, deck_id, note_key, position, front, back, answers, mode, tags)
  SELECT 'perf-' || rowid, (SELECT id FROM deck WHERE name = 'perf'), 'perf-' || rowid,
         (SELECT position FROM deck WHERE name = 'perf') * 1000000 + rowid, front, back, back, 'typed', tags FROM staged;
INSERT OR REPLACE INTO mastery(module_id, mastered, total)
  SELECT module.id, coalesce(sum(card.interval >= 21 AND card.retired = 0 AND card.suspended = 0), 0),
         coalesce(sum(card.retired = 0), 0)
  FROM module LEFT JOIN deck ON deck.module_id = module.id LEFT JOIN card ON card.deck_id = deck.id GROUP BY module.id;
DROP TABLE staged;
COMMIT;
"""


def floor_first_card(deck_filter):
    return f"""
SELECT id, note_key, due, last_review_day FROM card INDEXED BY card_due
  WHERE retired = 0 AND suspended = 0 AND due IS NOT NULL AND due <= {TODAY}{deck_filter} ORDER BY due, position;
SELECT count(*) FROM card WHERE first_review_day = {TODAY};
SELECT note_key FROM card WHERE last_review_day = {TODAY}{deck_filter};
SELECT front FROM card WHERE id = (SELECT id FROM card INDEXED BY card_new
  WHERE retired = 0 AND suspended = 0 AND due IS NULL{deck_filter} ORDER BY position LIMIT 1);
"""


FLOOR_STATS = f"""
SELECT deck_id, sum(suspended), sum(suspended = 0 AND due IS NULL), sum(suspended = 0 AND due IS NOT NULL AND interval >= 21),
       sum(suspended = 0 AND due IS NOT NULL AND interval < 21) FROM card WHERE retired = 0 GROUP BY deck_id;
SELECT deck.module_id, count(*), sum(review_log.grade >= 3) FROM review_log JOIN deck ON deck.id = review_log.deck_id
  WHERE review_log.kind = 'review' AND review_log.day > {TODAY} - 30 GROUP BY deck.module_id;
SELECT day, answers FROM study_day WHERE day > {TODAY} - 182;
SELECT due, count(*) FROM card INDEXED BY card_due WHERE retired = 0 AND suspended = 0 AND due IS NOT NULL
  AND due BETWEEN {TODAY} + 1 AND {TODAY} + 14 GROUP BY due;
SELECT count(*) FROM card INDEXED BY card_new WHERE retired = 0 AND suspended = 0 AND due IS NULL;
SELECT count(*), sum(verdict = 'correct') FROM review_log WHERE kind = 'quiz';
SELECT id, front, lapses, ease FROM card INDEXED BY card_leech WHERE retired = 0 AND lapses > 0 ORDER BY lapses DESC, ease LIMIT 10;
"""


def side_by_side(netcards, args, work, env):
    """Part 1: rows of (label, netcards s, anki s or None, floor s or None, target ms or None, netcards RSS MB)."""
    csv, anki_csv = os.path.join(work, "import.csv"), os.path.join(work, "anki.csv")
    write_csv(csv, args.rows)
    base, perf, run_db = (os.path.join(work, name) for name in ("base.sqlite", "perf.sqlite", "run.sqlite"))
    subprocess.run([netcards, "--db", base, "decks"], env=env, check=True, stdout=subprocess.DEVNULL)
    shutil.copy(base, perf)
    subprocess.run([netcards, "--db", perf, "import", csv, "--deck", "perf"], env=env, check=True, stdout=subprocess.DEVNULL)
    sql = {}
    for name, text in [("import", FLOOR_IMPORT.format(csv=csv)), ("first-deck", floor_first_card(" AND deck_id = (SELECT id FROM deck WHERE name = 'perf')")),
                       ("first", floor_first_card("")), ("stats", FLOOR_STATS)]:
        sql[name] = os.path.join(work, f"{name}.sql")
        with open(sql[name], "w") as f:
            f.write(text)

    anki = None
    if not args.no_anki:
        python = anki_python()
        helper = os.path.join(ROOT, "scripts", "bench_anki.py")
        write_csv(anki_csv, args.rows, anki_header=True)
        empty, imported, anki_run = (os.path.join(work, name) for name in ("empty.anki2", "perf.anki2", "run.anki2"))
        subprocess.run([python, "-c", f"from anki.collection import Collection; Collection({empty!r}).close()"], check=True)
        shutil.copy(empty, imported)
        subprocess.run([python, helper, "import", imported, anki_csv, "perf"], check=True, stdout=subprocess.DEVNULL)
        anki = {
            "import": ([python, helper, "import", anki_run, anki_csv, "perf"], (empty, anki_run)),
            "first-deck": ([python, helper, "first-card", anki_run, "perf"], (imported, anki_run)),
            "stats": ([python, helper, "stats", anki_run], (imported, anki_run)),
        }

    nc = lambda db, *extra: [netcards, "--db", db, *extra]
    floor = lambda name, db: ["sqlite3", db, f".read {sql[name]}"]
    cases = [
        # label, key, netcards command, its fresh copy, floor database fresh copy, target ms
        (f"import a {args.rows:,}-row CSV", "import", nc(run_db, "import", csv, "--deck", "perf"), (base, run_db), (base, run_db), 1500),
        ("first card (`review --deck perf`)", "first-deck", nc(run_db, "review", "--deck", "perf"), (perf, run_db), None, 15),
        ("first card (`review`, no `--deck`)", "first", nc(run_db, "review"), (perf, run_db), None, 15),
        ("stats", "stats", nc(perf, "stats"), None, None, 60),
        ("first quiz question (`quiz ports`)", "quiz", nc(run_db, "quiz", "ports"), (perf, run_db), None, None),
        ("`netcards --version`", "version", [netcards, "--version"], None, None, 10),
    ]
    rows = []
    for label, key, cmd, fresh, floor_fresh, target in cases:
        ours = timed(cmd, args.runs, work, fresh=fresh)
        rss = peak_rss_mb(cmd, fresh=fresh)
        theirs = timed(anki[key][0], args.runs, work, fresh=anki[key][1]) if anki and key in anki else None
        bottom = None
        if key in sql:
            db = floor_fresh[1] if floor_fresh else perf
            bottom = timed(floor(key, db), args.runs, work, fresh=floor_fresh)
        rows.append((label, ours, theirs, bottom, target, rss))
        print(f"  {label:<40} netcards {ours * 1000:8.1f} ms  anki {fmt(theirs):>8}  sqlite3 {fmt(bottom):>8}  {rss:5.1f} MB", flush=True)
    return rows


def fmt(seconds):
    return "–" if seconds is None else f"{seconds * 1000:.1f}"


def history(netcards, generate, size, args, work, env):
    """Part 2: rows of (label, median s, peak RSS MB) on a generated store with 10 answers per card."""
    store, run_db = os.path.join(work, f"history-{size}.sqlite"), os.path.join(work, "run.sqlite")
    subprocess.run([generate, store, "--cards", str(size), "--decks", str(max(1, size // 1000)),
                    "--answers", str(size * 10)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([netcards, "--db", store, "decks"], env=env, check=True, stdout=subprocess.DEVNULL)
    grading = os.path.join(work, "grading.txt")
    with open(grading, "w") as f:
        f.write("\n4\n" * 500)
    cases = [
        ("review until the first card (piped, then end of input)", [netcards, "--db", run_db, "review"], None, (store, run_db)),
        ("review grading 500 cards (scripted)", [netcards, "--db", run_db, "review", "--new", "0"], grading, (store, run_db)),
        ("stats", [netcards, "--db", store, "stats"], None, None),
        ("stats --json", [netcards, "--db", store, "stats", "--json"], None, None),
        ("cards --json", [netcards, "--db", store, "cards", "--json"], None, None),
    ]
    rows, medians = [], {}
    for label, cmd, stdin_file, fresh in cases:
        medians[label] = timed(cmd, args.runs, work, stdin_file=stdin_file, fresh=fresh)
        rows.append((label, f"{medians[label] * 1000:.1f}", f"{peak_rss_mb(cmd, stdin_file, fresh):.1f}"))
        print(f"  {size:>7} cards  {label:<58} {rows[-1][1]:>8} ms  {rows[-1][2]:>6} MB", flush=True)
    shutil.copy(store, run_db)
    out = subprocess.run([netcards, "--db", run_db, "review", "--new", "0"], stdin=open(grading), env=env,
                         capture_output=True, text=True).stdout
    graded = out.count("next in") + out.count("later today")
    per_grade = (medians["review grading 500 cards (scripted)"]
                 - medians["review until the first card (piped, then end of input)"]) / max(1, graded)
    rows.append((f"one grade committed (over {graded} grades)", f"{per_grade * 1000:.2f}", "–"))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000", help="history store sizes, comma separated ('' for none)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the imported CSV (side by side)")
    parser.add_argument("--no-anki", action="store_true")
    parser.add_argument("--markdown", help="also write the tables to this file")
    args = parser.parse_args()

    subprocess.run(["make", "-s", "release"], cwd=ROOT, check=True)
    bindir = os.path.join(ROOT, ".build", "release")
    netcards, generate = os.path.join(bindir, "netcards"), os.path.join(bindir, "netcards-generate-store")
    # Every command, including those hyperfine starts, runs without colour and away from the learner's store.
    os.environ.update(NO_COLOR="1", HOME=tempfile.gettempdir())
    os.environ.pop("NETCARDS_DB", None)
    env = dict(os.environ)
    load_before = os.getloadavg()

    work = tempfile.mkdtemp(prefix="netcards-bench-")
    try:
        print(f"Side by side, {args.rows:,} imported cards:", flush=True)
        compared = side_by_side(netcards, args, work, env)
        histories = []
        for size in [int(s) for s in args.sizes.split(",") if s]:
            print(f"History, {size:,} cards:", flush=True)
            histories += [(size, *row) for row in history(netcards, generate, size, args, work, env)]
    finally:
        shutil.rmtree(work)
    load_after = os.getloadavg()

    lines = [f"Load average (1, 5, 15 min) before: {' '.join(f'{x:.2f}' for x in load_before)}; "
             f"after: {' '.join(f'{x:.2f}' for x in load_after)}. Median of {args.runs} runs.", "",
             f"| {args.rows:,} imported cards | netcards | Anki {ANKI_VERSION} backend | sqlite3 shell, same work | target | |",
             "|---|---:|---:|---:|---:|---|"]
    for label, ours, theirs, bottom, target, rss in compared:
        met = "" if target is None else ("met" if ours * 1000 <= target else "**missed**")
        anki_cell = "–" if theirs is None else f"{fmt(theirs)} ms (netcards {ours / theirs:.2f}×)"
        floor_cell = "–" if bottom is None else f"{fmt(bottom)} ms (netcards {ours / bottom:.1f}×)"
        lines.append(f"| {label} | {fmt(ours)} ms, {rss:.0f} MB | {anki_cell} | {floor_cell} | "
                     f"{'–' if target is None else f'≤ {target:,} ms'} | {met} |")
    if histories:
        lines += ["", "| cards | answers | command | median ms | peak RSS MB |", "|---:|---:|---|---:|---:|"]
        lines += [f"| {size:,} | {size * 10:,} | {label} | {ms} | {mb} |" for size, label, ms, mb in histories]
    print("\n".join(lines))
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
