#!/usr/bin/env python3
"""Reads an exchange set's CATALOG.031 with its own ISO 8211 parse (written from ISO/IEC 8211 and
S-57 Appendix B, independent of chartstream's Java reader) and checks each listed file with zlib.

Prints one JSON object per CATD record: the FILE, IMPL, the four coordinates as written, CRCS as
written, and `crc32`, zlib.crc32 of the file beside the catalogue (null if it is not there).

Usage: catalog_crc.py EXCHANGE_SET_DIR/CATALOG.031
"""
import json, os, sys, zlib

FT, UT = 0x1E, 0x1F


def records(data):
    at = 0
    while at < len(data):
        length = int(data[at:at + 5])
        yield data[at:at + length]
        at += length


def fields(record):
    base = int(record[12:17])
    size_length, size_position, size_tag = int(record[20:21]), int(record[21:22]), int(record[23:24])
    entry = size_tag + size_length + size_position
    directory = record[24:base - 1]
    assert record[base - 1] == FT, "directory does not end with a field terminator"
    for i in range(0, len(directory), entry):
        tag = directory[i:i + size_tag].decode("ascii")
        length = int(directory[i + size_tag:i + size_tag + size_length])
        position = int(directory[i + size_tag + size_length:i + entry])
        field = record[base + position:base + position + length]
        assert field[-1] == FT, "field %s does not end with a field terminator" % tag
        yield tag, field[:-1]


def catd(field):
    # (A(2),I(10),3A,A(3),4R,2A): RCNM, RCID fixed; FILE, LFIL, VOLM delimited; IMPL fixed; the rest delimited.
    rest = field[12:]
    file, lfil, volm, rest = rest.split(bytes([UT]), 3)
    impl, rest = rest[:3], rest[3:]
    slat, wlon, nlat, elon, crcs, comt = (rest.split(bytes([UT])) + [b""] * 6)[:6]
    text = lambda b: b.decode("latin-1")
    return dict(file=text(file), longFile=text(lfil), volume=text(volm), impl=text(impl), slat=text(slat),
                wlon=text(wlon), nlat=text(nlat), elon=text(elon), crcs=text(crcs))


catalog = sys.argv[1]
data = open(catalog, "rb").read()
iterator = records(data)
ddr = next(iterator)
assert ddr[6:7] == b"L", "the first record is not a data descriptive record"
for record in iterator:
    assert record[6:7] == b"D"
    for tag, field in fields(record):
        if tag == "CATD":
            entry = catd(field)
            path = os.path.join(os.path.dirname(catalog), *entry["file"].split("\\"))
            entry["crc32"] = zlib.crc32(open(path, "rb").read()) if os.path.isfile(path) else None
            print(json.dumps(entry))
