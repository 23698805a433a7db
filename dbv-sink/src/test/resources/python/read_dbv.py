#!/usr/bin/env python3
"""Reads one tile of a dbv using only docs/dbv-format.md: sqlite3, zlib, json and avro.

usage: read_dbv.py DBV LEVEL ROW COL
prints: feature_count, first_object_class, first_revision, first_feature_index, content_hash,
sequence, vertices (of every geometry, rings closed), first_vertex (CRS metres),
triangle_area (sum over every triangle, m^2), depths (sum of sounding depths)
"""
import io
import json
import sqlite3
import sys
import zlib

import avro.io
import avro.schema


def structure(kind, counts, at):
    """The parts of a geometry read from counts[at:] as (vertex count, is a ring); and the next index."""
    if kind == 1:
        return [(1, False)], at
    if kind in (2, 4):
        return [(counts[at], False)], at + 1
    if kind == 3:
        rings, at = counts[at], at + 1
        return [(n, True) for n in counts[at:at + rings]], at + rings
    if kind in (5, 6, 7):
        members, at = counts[at], at + 1
        out = []
        for _ in range(members):
            if kind == 7:
                member, at = counts[at], at + 1
            else:
                member = 2 if kind == 5 else 3
            parts, at = structure(member, counts, at)
            out.extend(parts)
        return out, at
    raise SystemExit("unknown geometry type %d" % kind)


def main(path, level, row, col):
    db = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    meta = dict(db.execute("SELECT key, value FROM metadata"))
    if meta["format_version"] != "2":
        raise SystemExit("unknown format_version " + meta["format_version"])
    if meta["tile_codec"] != "zlib":
        raise SystemExit("unknown tile_codec " + meta["tile_codec"])
    grid = json.loads(meta["rcl_grid"])
    step = (grid["max_x"] - grid["min_x"]) / 2 ** grid["grid_bits"]
    schema = avro.schema.parse(meta["tile_schema"])
    found = db.execute("SELECT blob FROM tiles WHERE level=? AND row=? AND col=?", (level, row, col)).fetchone()
    if found is None:
        raise SystemExit("no tile %d/%d/%d" % (level, row, col))
    tile = avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(zlib.decompress(found[0]))))
    ox = col * 2 ** (grid["grid_bits"] - level)
    oy = (2 ** level - 1 - row) * 2 ** (grid["grid_bits"] - level)
    count = 0
    vertices = 0
    area = 0.0
    depths = 0.0
    first = None
    for section in tile["sections"]:
        for k, f in enumerate(section["features"]):
            g = f["geometry"]
            c = g["coordinates"]
            x = y = 0
            steps = []
            for i in range(0, len(c), 2):
                x, y = x + c[i], y + c[i + 1]
                steps.append((x, y))
            parts, _ = structure(g["type"], g["counts"], 0)
            # A ring's closing vertex is not stored: it is the ring's first again.
            vertices += sum(n + (1 if ring and n > 0 else 0) for n, ring in parts)
            depths += sum(g["depths"])
            if f["triangles"] is not None:
                index, corners = 0, []
                for d in f["triangles"]:
                    index += d
                    corners.append(index)
                for t in range(0, len(corners), 3):
                    (ax, ay), (bx, by), (cx, cy) = (steps[corners[t]], steps[corners[t + 1]], steps[corners[t + 2]])
                    area += ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) / 2 * step * step
            if first is None:
                provenance = section["provenance"]
                first = (section["objectClasses"][f["objectClass"]]["acronym"],
                         section["revisions"][provenance[2 * k]], provenance[2 * k + 1],
                         grid["min_x"] + (ox + steps[0][0]) * step, grid["min_y"] + (oy + steps[0][1]) * step)
            count += 1
    print("feature_count=%d" % count)
    print("first_object_class=%s" % (first[0] if first else ""))
    print("first_revision=%s" % (first[1] if first else ""))
    print("first_feature_index=%d" % (first[2] if first else -1))
    print("content_hash=%s" % tile["contentHash"])
    print("sequence=%d" % tile["sequence"])
    print("vertices=%d" % vertices)
    print("first_vertex=%.3f,%.3f" % ((first[3], first[4]) if first else (0, 0)))
    print("triangle_area=%.1f" % area)
    print("depths=%.3f" % depths)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
