#!/usr/bin/env python3
"""Loads a translation file with Translate Toolkit and prints what it sees, as JSON:
{"count": N, "sources": [...], "targets": [...]}. Used by Segflow's tests to prove that a real
consumer reads our files. Usage: ttk_load.py xliff2|xliff12|tmx|po FILE"""
import json
import sys

from translate.storage import po, tmx, xliff, xliff2

KINDS = {"xliff2": xliff2.Xliff2File, "xliff12": xliff.xlifffile, "tmx": tmx.tmxfile, "po": po.pofile}


def main():
    kind, path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as handle:
        store = KINDS[kind].parsefile(handle)
    units = [unit for unit in store.units if not unit.isheader()]
    json.dump({"count": len(units), "sources": [str(unit.source) for unit in units],
               "targets": [str(unit.target) if unit.target else None for unit in units]},
              sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
