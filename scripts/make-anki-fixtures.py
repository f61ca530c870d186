#!/usr/bin/env python3
"""Regenerate the Anki import fixtures in Tests/Fixtures/import/.

What it writes (see Tests/Fixtures/import/README.md for the exact content):
  legacy.apkg, legacy-history.apkg   legacy layout (collection.anki2 + media JSON), via genanki
  modern.apkg                        Anki >= 2.1.50 layout (collection.anki21b + meta + media,
                                     zstd), via the official `anki` package's exporter
  notes.txt, notes-full.txt          "Notes in Plain Text" exports, via the `anki` package
  cards.csv, cards.tsv, bad.csv, bad-columns.csv   hand-written CSV/TSV text
  bad-values.apkg, huge-schedule.apkg, future-history.apkg, later-history.apkg
                                     hostile packages: legacy-history.apkg with NULL, wrong-type and
                                     out-of-range values written into it with Python `sqlite3`

Python packages it needs (Python >= 3.10, as `anki` requires; PyPI only, no other downloads):
  pip install genanki anki zstandard
(tested with genanki 0.13.1, anki 26.09.3, zstandard 0.25.0; `anki` is the official
package from the Anki project and ships its Rust backend as a wheel).

How to run, from the repository root:
  python3 -m venv /tmp/anki-venv
  /tmp/anki-venv/bin/pip install genanki anki zstandard
  /tmp/anki-venv/bin/python scripts/make-anki-fixtures.py [OUT_DIR]
OUT_DIR defaults to Tests/Fixtures/import in the repository that holds this script.
With --hostile-only it rewrites only the hostile packages, from the legacy-history.apkg already in OUT_DIR
(genanki and zstandard still need to be installed; `anki` does not).
The script verifies what it wrote (zip members, zstd magic, SQLite content, size < 50 KB)
and fails loudly if anything is off. Note, card, deck and notetype ids, timestamps, col.crt
and the review history are fixed, so a rerun gives the same content: the legacy
collection.anki2 files and the .txt/.csv/.tsv files come out byte-identical; modern.apkg
differs only in what Anki stamps with the current time (col.mod/scm, ids of unused
notetypes, the dummy collection.anki2) and in zip entry dates.
"""

import csv
import io
import json
import os
import sqlite3
import sys
import tempfile
import zipfile
from datetime import date, datetime, timezone

import genanki
import zstandard

# ---------------------------------------------------------------------------
# Shared content
# ---------------------------------------------------------------------------

# Fixed ids. genanki derives note/card ids from the write timestamp (ms), counting up by one.
GEN_TIMESTAMP = 1767225600  # 2026-01-01T00:00:00Z, seconds
DECK_ID_PARENT = 1767225700000  # "Networking" (only created explicitly in modern.apkg)
DECK_ID_PORTS = 1767225700001  # "Networking::Ports"
DECK_ID_CLOZE = 1767225700002  # "Networking::Cloze"
MODEL_ID_BASIC = 1767225601000
MODEL_ID_CLOZE = 1767225601001

# (guid, front, back, tags)
BASIC_NOTES = [
    ("guid-ssh", "ssh port", "22", ["ports"]),
    ("guid-dns", "What does <b>DNS</b> map?", "names&nbsp;to<br>IP addresses", ["dns"]),
    ("guid-https", "https port", "443", ["ports"]),
]
CLOZE_NOTE = ("guid-cloze", "{{c1::TCP}} is reliable, {{c2::UDP}} is not", "", [])

# Extra note only in notes.txt / notes-full.txt, so that the text export has an "&amp;".
AMP_NOTE = ("guid-amp", "What do <i>TCP</i> &amp; <i>UDP</i> share?", "port numbers", ["transport"])

# ids as genanki assigns them with GEN_TIMESTAMP: note, card, note, card, ..., cloze note, 2 cards
BASE_MS = GEN_TIMESTAMP * 1000
NOTE_IDS = {"guid-ssh": BASE_MS + 0, "guid-dns": BASE_MS + 2, "guid-https": BASE_MS + 4, "guid-cloze": BASE_MS + 6}
CARD_IDS = {  # (guid, ord) -> card id
    ("guid-ssh", 0): BASE_MS + 1,
    ("guid-dns", 0): BASE_MS + 3,
    ("guid-https", 0): BASE_MS + 5,
    ("guid-cloze", 0): BASE_MS + 7,
    ("guid-cloze", 1): BASE_MS + 8,
}

# Collection creation time (col.crt) used in both legacy and modern packages:
# genanki hard-codes 1411124400 = 2014-09-19T11:00:00Z; modern.apkg is set to the same.
COL_CRT = 1411124400

# Review history of the "ssh port" card. Times are UTC.
def _ms(y, m, d, hh, mm, ss):
    return int(datetime(y, m, d, hh, mm, ss, tzinfo=timezone.utc).timestamp() * 1000)

# (id ms, ease, ivl, lastIvl, factor, time ms, type)  type 1 = review
REVLOG = [
    (_ms(2026, 1, 5, 9, 0, 0), 3, 10, 4, 2550, 8000, 1),
    (_ms(2026, 1, 15, 9, 0, 0), 1, 2, 10, 2350, 15000, 1),
    (_ms(2026, 1, 17, 9, 0, 0), 3, 5, 2, 2350, 6000, 1),
    (_ms(2026, 1, 22, 9, 0, 0), 3, 12, 5, 2350, 5000, 1),
]
DUE_DATE = date(2026, 2, 3)  # 2026-01-22 + 12 days
DUE_DAY = (DUE_DATE - datetime.fromtimestamp(COL_CRT, tz=timezone.utc).date()).days
SSH_SCHED = dict(type=2, queue=2, ivl=12, factor=2350, reps=4, lapses=1, due=DUE_DAY)
SCHED_MOD = REVLOG[-1][0] // 1000  # cards.mod = time of last review, seconds


# ---------------------------------------------------------------------------
# legacy.apkg / legacy-history.apkg (genanki)
# ---------------------------------------------------------------------------

def genanki_package():
    basic = genanki.Model(
        MODEL_ID_BASIC,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}",
        }],
    )
    cloze = genanki.Model(
        MODEL_ID_CLOZE,
        "Cloze",
        model_type=genanki.Model.CLOZE,
        fields=[{"name": "Text"}, {"name": "Back Extra"}],
        templates=[{
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}<br>\n{{Back Extra}}",
        }],
    )
    ports = genanki.Deck(DECK_ID_PORTS, "Networking::Ports")
    for guid, front, back, tags in BASIC_NOTES:
        ports.add_note(genanki.Note(model=basic, fields=[front, back], tags=tags, guid=guid))
    cz = genanki.Deck(DECK_ID_CLOZE, "Networking::Cloze")
    guid, text, extra, tags = CLOZE_NOTE
    cz.add_note(genanki.Note(model=cloze, fields=[text, extra], tags=tags, guid=guid))
    return genanki.Package([ports, cz])


def write_legacy(path):
    # genanki stores the zip entries uncompressed (~57 KB); repack them deflated to stay small.
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "genanki.apkg")
        genanki_package().write_to_file(raw, timestamp=GEN_TIMESTAMP)
        repack(raw, path, modify=None)


def add_history(db):
    cid = CARD_IDS[("guid-ssh", 0)]
    s = SSH_SCHED
    db.execute(
        "UPDATE cards SET type=?, queue=?, ivl=?, factor=?, reps=?, lapses=?, due=?, left=0,"
        " mod=? WHERE id=?",
        (s["type"], s["queue"], s["ivl"], s["factor"], s["reps"], s["lapses"], s["due"], SCHED_MOD, cid),
    )
    assert db.total_changes >= 1
    for rid, ease, ivl, last, factor, t, typ in REVLOG:
        db.execute(
            "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (rid, cid, -1, ease, ivl, last, factor, t, typ),
        )


def repack(src, path, modify):
    """Copy the .apkg src to path, optionally editing collection.anki2, with deflated entries."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(src) as z:
            z.extractall(tmp)
            names = z.namelist()
        db = sqlite3.connect(os.path.join(tmp, "collection.anki2"))
        if modify:
            modify(db)
        db.commit()
        db.execute("VACUUM")
        db.close()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for n in names:  # same order as genanki: collection.anki2, media
                out.write(os.path.join(tmp, n), n)


def write_legacy_history(src, path):
    repack(src, path, modify=lambda db: add_history(db))


# ---------------------------------------------------------------------------
# Hostile packages: legacy-history.apkg with values Anki never writes
# ---------------------------------------------------------------------------

HUGE = 2**62


def loosen(db, table):
    """Re-create `table` with untyped, unconstrained columns, so it keeps NULL, text, reals and repeated ids
    exactly as written (Anki's schema would refuse them or coerce them)."""
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    db.execute(f"ALTER TABLE {table} RENAME TO {table}_strict")
    db.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
    db.execute(f"INSERT INTO {table} SELECT * FROM {table}_strict")
    db.execute(f"DROP TABLE {table}_strict")


def bad_values(db):
    """A NULL or wrong-type value in each table netcards reads, each in a different note."""
    for table in ("notes", "cards", "revlog"):
        loosen(db, table)
    db.execute("UPDATE notes SET flds = NULL WHERE id = ?", (NOTE_IDS["guid-ssh"],))
    db.execute("UPDATE notes SET guid = 42 WHERE id = ?", (NOTE_IDS["guid-dns"],))
    db.execute("UPDATE cards SET ivl = 'abc' WHERE id = ?", (CARD_IDS[("guid-https", 0)],))
    db.execute("UPDATE cards SET due = 1.5 WHERE id = ?", (CARD_IDS[("guid-cloze", 0)],))
    db.execute("UPDATE revlog SET time = NULL WHERE id = ?", (REVLOG[1][0],))


def huge_schedule(db):
    """The ssh card and its last review with 2^62 everywhere a number of days, a factor, a count or a time goes."""
    db.execute("UPDATE cards SET ivl = ?, factor = ?, due = ?, reps = ?, lapses = ? WHERE id = ?",
               (HUGE, HUGE, HUGE, HUGE, HUGE, CARD_IDS[("guid-ssh", 0)]))
    db.execute("UPDATE revlog SET ivl = ?, lastIvl = ?, factor = ?, time = ? WHERE id = ?",
               (HUGE, HUGE, HUGE, HUGE, REVLOG[-1][0]))


FUTURE_REVIEW = _ms(2030, 1, 1, 9, 0, 0)


def future_history(db):
    """One more answer for the ssh card, dated 2030-01-01: after any clock the tests run with."""
    db.execute("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?,?,?,?,?,?,?,?,?)",
               (FUTURE_REVIEW, CARD_IDS[("guid-ssh", 0)], -1, 3, 28, 12, 2350, 4000, 1))


# Two answers after the history: a lapse on 2026-02-10 and a relearning pass on 2026-02-11 (ivl 1 day).
LATER_REVLOG = [
    (_ms(2026, 2, 10, 9, 0, 0), 1, -600, 12, 2150, 9000, 1),
    (_ms(2026, 2, 11, 9, 0, 0), 3, 1, -600, 2150, 7000, 2),
]
STALE_DUE = (date(2024, 6, 1) - datetime.fromtimestamp(COL_CRT, tz=timezone.utc).date()).days


def later_history(db):
    """The ssh card answered twice more, after the history, but its card row left stale: due 2024-06-01.
    The revlog holds the last answer twice (same id), as only a damaged or hand-made file can."""
    loosen(db, "revlog")
    cid = CARD_IDS[("guid-ssh", 0)]
    for rid, ease, ivl, last, factor, t, typ in LATER_REVLOG + LATER_REVLOG[-1:]:
        db.execute("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?,?,?,?,?,?,?,?,?)",
                   (rid, cid, -1, ease, ivl, last, factor, t, typ))
    db.execute("UPDATE cards SET ivl = 1, factor = 2150, lapses = 2, due = ? WHERE id = ?", (STALE_DUE, cid))


HOSTILE = {
    "bad-values.apkg": bad_values,
    "huge-schedule.apkg": huge_schedule,
    "future-history.apkg": future_history,
    "later-history.apkg": later_history,
}


def write_hostile(out_dir):
    source = os.path.join(out_dir, "legacy-history.apkg")
    for name, modify in HOSTILE.items():
        repack(source, os.path.join(out_dir, name), modify=modify)


def verify_hostile(out_dir):
    with tempfile.TemporaryDirectory() as tmp:
        def open_collection(name):
            path = os.path.join(tmp, name + ".sqlite")
            with zipfile.ZipFile(os.path.join(out_dir, name)) as z:
                with open(path, "wb") as f:
                    f.write(z.read("collection.anki2"))
            return sqlite3.connect(path)

        db = open_collection("bad-values.apkg")
        types = dict(db.execute("SELECT id, typeof(flds) || '/' || typeof(guid) FROM notes"))
        assert types[NOTE_IDS["guid-ssh"]] == "null/text" and types[NOTE_IDS["guid-dns"]] == "text/integer", types
        cards = dict(db.execute("SELECT id, typeof(ivl) || '/' || typeof(due) FROM cards"))
        assert cards[CARD_IDS[("guid-https", 0)]] == "text/integer", cards
        assert cards[CARD_IDS[("guid-cloze", 0)]] == "integer/real", cards
        assert db.execute("SELECT typeof(time) FROM revlog WHERE id = ?", (REVLOG[1][0],)).fetchone() == ("null",)
        db.close()

        db = open_collection("huge-schedule.apkg")
        assert db.execute("SELECT ivl, factor, due, reps, lapses FROM cards WHERE id = ?",
                          (CARD_IDS[("guid-ssh", 0)],)).fetchone() == (HUGE,) * 5
        assert db.execute("SELECT time FROM revlog ORDER BY id DESC LIMIT 1").fetchone() == (HUGE,)
        db.close()

        db = open_collection("future-history.apkg")
        assert db.execute("SELECT max(id) FROM revlog").fetchone() == (FUTURE_REVIEW,)
        db.close()

        db = open_collection("later-history.apkg")
        ids = [r[0] for r in db.execute("SELECT id FROM revlog ORDER BY id")]
        assert ids == [r[0] for r in REVLOG] + [LATER_REVLOG[0][0]] + [LATER_REVLOG[1][0]] * 2, ids
        assert db.execute("SELECT due FROM cards WHERE id = ?", (CARD_IDS[("guid-ssh", 0)],)).fetchone() == (STALE_DUE,)
        db.close()
    for name in HOSTILE:
        size = os.path.getsize(os.path.join(out_dir, name))
        assert size < 50 * 1024, (name, size)
        print(f"{size:8d}  {name}")


# ---------------------------------------------------------------------------
# modern.apkg, notes.txt (official anki package)
# ---------------------------------------------------------------------------

def build_modern_collection(tmp):
    from anki.collection import Collection

    col = Collection(os.path.join(tmp, "collection.anki2"))
    ports_did = col.decks.id("Networking::Ports")
    cloze_did = col.decks.id("Networking::Cloze")
    parent_did = col.decks.id_for_name("Networking")

    basic = col.models.by_name("Basic")
    for guid, front, back, tags in BASIC_NOTES:
        n = col.new_note(basic)
        n["Front"], n["Back"] = front, back
        n.tags = list(tags)
        n.guid = guid
        col.add_note(n, ports_did)
    cloze = col.models.by_name("Cloze")
    guid, text, extra, tags = CLOZE_NOTE
    n = col.new_note(cloze)
    n["Text"], n["Back Extra"] = text, extra
    n.tags = list(tags)
    n.guid = guid
    col.add_note(n, cloze_did)
    col.close()

    # Make ids and times deterministic (same note/card/deck ids as the legacy packages).
    db = sqlite3.connect(os.path.join(tmp, "collection.anki2"))
    # Anki's schema indexes deck/notetype names with a custom "unicase" collation; an
    # ASCII case-insensitive compare matches it for the plain names used here.
    db.create_collation("unicase", lambda a, b: (a.casefold() > b.casefold()) - (a.casefold() < b.casefold()))
    for guid, nid in NOTE_IDS.items():
        (old,) = db.execute("SELECT id FROM notes WHERE guid=?", (guid,)).fetchone()
        db.execute("UPDATE notes SET id=?, mod=? WHERE id=?", (nid, GEN_TIMESTAMP, old))
        db.execute("UPDATE cards SET nid=? WHERE nid=?", (nid, old))
    for (guid, ord_), cid in CARD_IDS.items():
        db.execute(
            "UPDATE cards SET id=?, mod=? WHERE nid=? AND ord=?",
            (cid, GEN_TIMESTAMP, NOTE_IDS[guid], ord_),
        )
    for old, new in ((parent_did, DECK_ID_PARENT), (ports_did, DECK_ID_PORTS), (cloze_did, DECK_ID_CLOZE)):
        db.execute("UPDATE decks SET id=?, mtime_secs=? WHERE id=?", (new, GEN_TIMESTAMP, old))
        db.execute("UPDATE cards SET did=? WHERE did=?", (new, old))
    for name, new in (("Basic", MODEL_ID_BASIC), ("Cloze", MODEL_ID_CLOZE)):
        (old,) = db.execute("SELECT id FROM notetypes WHERE name=?", (name,)).fetchone()
        db.execute("UPDATE notetypes SET id=? WHERE id=?", (new, old))
        db.execute("UPDATE fields SET ntid=? WHERE ntid=?", (new, old))
        db.execute("UPDATE templates SET ntid=? WHERE ntid=?", (new, old))
        db.execute("UPDATE notes SET mid=? WHERE mid=?", (new, old))
    db.execute("UPDATE col SET crt=?", (COL_CRT,))
    add_history(db)
    db.commit()
    db.close()
    return os.path.join(tmp, "collection.anki2")


def write_modern_and_text(out_dir):
    from anki.collection import Collection, ExportAnkiPackageOptions

    with tempfile.TemporaryDirectory() as tmp:
        path = build_modern_collection(tmp)
        col = Collection(path)
        exported = os.path.join(tmp, "anki-export.apkg")
        try:
            col.export_anki_package(
                out_path=exported,
                options=ExportAnkiPackageOptions(
                    legacy=False, with_scheduling=True, with_media=False, with_deck_configs=False
                ),
                limit=None,
            )
            # Text exports get one more note, to show an &amp; entity.
            guid, front, back, tags = AMP_NOTE
            n = col.new_note(col.models.by_name("Basic"))
            n["Front"], n["Back"] = front, back
            n.tags = list(tags)
            n.guid = guid
            col.add_note(n, DECK_ID_PORTS)
            col.db.execute("UPDATE notes SET id=?, mod=? WHERE id=?", BASE_MS + 9, GEN_TIMESTAMP, n.id)
            col.db.execute("UPDATE cards SET nid=?, id=?, mod=? WHERE nid=?", BASE_MS + 9, BASE_MS + 10,
                           GEN_TIMESTAMP, n.id)
            col.export_note_csv(
                out_path=os.path.join(out_dir, "notes.txt"), limit=None,
                with_html=True, with_tags=True, with_deck=True, with_notetype=False, with_guid=False,
            )
            col.export_note_csv(
                out_path=os.path.join(out_dir, "notes-full.txt"), limit=None,
                with_html=True, with_tags=True, with_deck=True, with_notetype=True, with_guid=True,
            )
        finally:
            col.close()
        deflate_dummy(exported, os.path.join(out_dir, "modern.apkg"))


def deflate_dummy(src, path):
    """Anki stores every member uncompressed; its 50 KB dummy collection.anki2 (a legacy
    collection whose only note says "Please update to the latest Anki version...") would make
    the fixture ~57 KB. Rewrite the zip with only that member deflated; all members keep their
    order and exact bytes."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(path, "w") as out:
        for info in z.infolist():
            method = zipfile.ZIP_DEFLATED if info.filename == "collection.anki2" else zipfile.ZIP_STORED
            out.writestr(info, z.read(info.filename), compress_type=method)


# ---------------------------------------------------------------------------
# CSV / TSV (hand-written, so the quoting is exactly what we want)
# ---------------------------------------------------------------------------

CARDS_CSV = (
    "front,back,tags,deck\n"
    "ssh port,22,ports,networking\n"
    '"tcp, udp and quic","transport protocols, layer 4",transport,networking\n'
    '"What does ""TTL"" stand for?",time to live,dns ip,networking\n'
    '"Name the TCP handshake steps","SYN\nSYN-ACK\nACK",tcp,networking\n'
    "https port,443,,\n"
)
CARDS_TSV = (
    "front\tback\ttags\n"
    "ssh port\t22\tports\n"
    "dns port\t53\tdns ports\n"
    "What does <b>ARP</b> resolve?\tIP to MAC\tarp\n"
)
BAD_CSV = (
    "front,back,tags\n"
    "ssh port,22,ports\n"
    "https port,443,ports\n"
    '"dns port,53,dns\n'
    "smtp port,25,mail\n"
)
BAD_COLUMNS_CSV = (
    "question,back,tags\n"
    "ssh port,22,ports\n"
    "https port,443,ports\n"
)


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


# ---------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------

def check_sqlite(db, modern):
    notes = {g: (f, t) for g, f, t in db.execute("SELECT guid, flds, tags FROM notes")}
    assert set(notes) == {"guid-ssh", "guid-dns", "guid-https", "guid-cloze"}, notes
    assert notes["guid-dns"][0] == "What does <b>DNS</b> map?\x1fnames&nbsp;to<br>IP addresses"
    assert notes["guid-ssh"][1].strip() == "ports" and notes["guid-dns"][1].strip() == "dns"
    assert db.execute("SELECT count(*) FROM cards").fetchone()[0] == 5
    row = db.execute(
        "SELECT c.type, c.queue, c.ivl, c.factor, c.reps, c.lapses, c.due FROM cards c"
        " JOIN notes n ON n.id=c.nid WHERE n.guid='guid-ssh'").fetchone()
    revs = db.execute("SELECT id, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id").fetchall()
    if modern:
        names = {r[0] for r in db.execute("SELECT name FROM decks")}
        assert {"Networking", "Networking\x1fPorts", "Networking\x1fCloze"} <= names, names
    return row, revs


def verify(out_dir):
    with tempfile.TemporaryDirectory() as tmp:
        for name, hist in (("legacy.apkg", False), ("legacy-history.apkg", True)):
            with zipfile.ZipFile(os.path.join(out_dir, name)) as z:
                assert sorted(z.namelist()) == ["collection.anki2", "media"], z.namelist()
                assert json.loads(z.read("media")) == {}
                p = os.path.join(tmp, name + ".sqlite")
                with open(p, "wb") as f:
                    f.write(z.read("collection.anki2"))
            db = sqlite3.connect(p)
            row, revs = check_sqlite(db, modern=False)
            decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
            assert sorted(d["name"] for d in decks.values()) == ["Default", "Networking::Cloze", "Networking::Ports"]
            if hist:
                assert row == (2, 2, 12, 2350, 4, 1, DUE_DAY), row
                assert [r[1] for r in revs] == [3, 1, 3, 3]
            else:
                assert row == (0, 0, 0, 0, 0, 0, 0), row
                assert revs == []
            db.close()

        with zipfile.ZipFile(os.path.join(out_dir, "modern.apkg")) as z:
            names = set(z.namelist())
            assert {"collection.anki21b", "meta", "media"} <= names, names
            blob = z.read("collection.anki21b")
            assert blob[:4] == b"\x28\xb5\x2f\xfd", blob[:4].hex()
            raw = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(blob)).read()
            assert raw.startswith(b"SQLite format 3\x00")
            p = os.path.join(tmp, "modern.sqlite")
            with open(p, "wb") as f:
                f.write(raw)
            db = sqlite3.connect(p)
            row, revs = check_sqlite(db, modern=True)
            assert row == (2, 2, 12, 2350, 4, 1, DUE_DAY), row
            assert [r[1] for r in revs] == [3, 1, 3, 3]
            db.close()

        with open(os.path.join(out_dir, "cards.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["front", "back", "tags", "deck"] and len(rows) == 6
        with open(os.path.join(out_dir, "bad.csv"), newline="", encoding="utf-8") as f:
            lines = f.read().split("\n")
        assert lines[3].startswith('"') and lines[3].count('"') == 1
    for n in sorted(os.listdir(out_dir)):
        size = os.path.getsize(os.path.join(out_dir, n))
        assert size < 50 * 1024, (n, size)
        print(f"{size:8d}  {n}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    arguments = [a for a in sys.argv[1:] if a != "--hostile-only"]
    out_dir = arguments[0] if arguments else os.path.join(here, "..", "Tests", "Fixtures", "import")
    out_dir = os.path.abspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    if "--hostile-only" in sys.argv[1:]:
        write_hostile(out_dir)
        verify_hostile(out_dir)
        print(f"ok: hostile fixtures written to {out_dir}")
        return

    write_legacy(os.path.join(out_dir, "legacy.apkg"))
    write_legacy_history(os.path.join(out_dir, "legacy.apkg"), os.path.join(out_dir, "legacy-history.apkg"))
    write_modern_and_text(out_dir)
    write_text(os.path.join(out_dir, "cards.csv"), CARDS_CSV)
    write_text(os.path.join(out_dir, "cards.tsv"), CARDS_TSV)
    write_text(os.path.join(out_dir, "bad.csv"), BAD_CSV)
    write_text(os.path.join(out_dir, "bad-columns.csv"), BAD_COLUMNS_CSV)
    write_hostile(out_dir)
    verify(out_dir)
    verify_hostile(out_dir)
    print(f"ok: fixtures written to {out_dir} (ssh card due day {DUE_DAY} = {DUE_DATE})")


if __name__ == "__main__":
    main()
