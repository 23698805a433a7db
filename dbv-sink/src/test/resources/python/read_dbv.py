#!/usr/bin/env python3
"""Reads one tile of a dbv using only docs/dbv-format.md: sqlite3, zlib and avro.

usage: read_dbv.py DBV LEVEL ROW COL
prints: feature_count=N, first_object_class=X, content_hash=H, sequence=S
"""
import io
import sqlite3
import sys
import zlib

import avro.io
import avro.schema


def main(path, level, row, col):
    db = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    version = int(db.execute("SELECT value FROM metadata WHERE key='format_version'").fetchone()[0])
    if version != 1:
        raise SystemExit("unknown format_version %d" % version)
    codec = db.execute("SELECT value FROM metadata WHERE key='tile_codec'").fetchone()[0]
    if codec != "zlib":
        raise SystemExit("unknown tile_codec " + codec)
    schema = avro.schema.parse(db.execute("SELECT value FROM metadata WHERE key='tile_schema'").fetchone()[0])
    found = db.execute("SELECT blob FROM tiles WHERE level=? AND row=? AND col=?", (level, row, col)).fetchone()
    if found is None:
        raise SystemExit("no tile %d/%d/%d" % (level, row, col))
    raw = zlib.decompress(found[0])
    tile = avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(raw)))
    features = tile["features"]
    print("feature_count=%d" % len(features))
    print("first_object_class=%s" % (features[0]["objectClass"] if features else ""))
    print("content_hash=%s" % tile["contentHash"])
    print("sequence=%d" % tile["sequence"])


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
