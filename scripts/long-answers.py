#!/usr/bin/env python3
"""CPU time of the answer checker on long typed answers, through the real binary.

    python3 scripts/long-answers.py [BINARY] [SIZES]     # default: .build/release/netcards, 3,1024,2048,4096

For each size, a fresh store with the bundled decks (in a temp HOME, never the learner's store) and one piped
`review --new 60`: every typed card gets an answer of that many bytes (words of a real answer, repeated; 3
bytes is `tcp`), then grade 1. Prints the CPU time of the whole review and per typed answer beyond the
3-byte run. docs/fuzzing.md has the results.
"""
import os, resource, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = "the load balancer sends the request to the upstream then waits for the response before timing out".split()


def answer_of(size):
    if size <= 3:
        return "tcp"
    text, index = "", 0
    while len(text) + len(WORDS[index % len(WORDS)]) + 1 <= size:
        text += WORDS[index % len(WORDS)] + " "
        index += 1
    return text.strip()


def review_cpu(binary, size):
    """(CPU seconds of one piped `review --new 60`, typed answers it asked for)."""
    home = tempfile.mkdtemp(prefix="netcards-long-answers-")
    try:
        env = dict(os.environ, HOME=home, NO_COLOR="1")
        env.pop("NETCARDS_DB", None)
        db = os.path.join(home, "store.sqlite")
        subprocess.run([binary, "--db", db, "decks"], env=env, stdout=subprocess.DEVNULL, check=True)
        lines = "".join(f"{answer_of(size)}\n1\n" for _ in range(60))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run([binary, "--db", db, "review", "--new", "60"], env=env, input=lines.encode(),
                             capture_output=True, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return cpu, out.stdout.decode().count("answer> ")
    finally:
        shutil.rmtree(home)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "netcards")
    sizes = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else "3,1024,2048,4096").split(",")]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    base = None
    for size in sizes:
        cpu, typed = review_cpu(binary, size)
        base = cpu if base is None else base
        extra = (cpu - base) / typed * 1000 if typed else 0
        print(f"{size:>5} bytes: {cpu:6.2f} s CPU for {typed} typed answers ({extra:.1f} ms per answer beyond the first size)")


if __name__ == "__main__":
    main()
