"""The Anki side of scripts/bench.py: the same work as a netcards command, done by Anki's own backend (the
`anki` wheel from PyPI), one whole process per call. Run by the venv's python that bench.py makes.

    python bench_anki.py import COLLECTION CSV DECK   # a new collection, the CSV's notes into DECK
    python bench_anki.py first-card COLLECTION DECK   # the deck's queue, the first card's question rendered
    python bench_anki.py stats COLLECTION             # the statistics screen's figures for the whole collection
"""
import sys

from anki.collection import Collection
from anki.import_export_pb2 import ImportCsvRequest


def import_csv(collection, csv, deck):
    col = Collection(collection)
    metadata = col.get_csv_metadata(csv, None)
    metadata.deck_id = col.decks.id(deck)
    log = col.import_csv(ImportCsvRequest(path=csv, metadata=metadata))
    col.close()
    print(f"{len(log.log.new)} notes imported")


def first_card(collection, deck):
    col = Collection(collection)
    col.decks.select(col.decks.id_for_name(deck))
    queued = col.sched.get_queued_cards(fetch_limit=1)
    print(col.get_card(queued.cards[0].card.id).question())
    col.close()


def stats(collection):
    col = Collection(collection)
    graphs = col._backend.graphs(search="deck:*", days=365)
    print(f"{len(graphs.SerializeToString())} bytes of figures")
    col.close()


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"import": import_csv, "first-card": first_card, "stats": stats}[command](*arguments)
