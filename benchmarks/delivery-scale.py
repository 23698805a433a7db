#!/usr/bin/env python3
"""How every cost of a production grows with the delivery: `chartstream run --once` on simulated
deliveries of several sizes, against ogr2ogr on the same cells in the same run.

For each size N (default 10, 100 and 1,000 cells):
  1. `chartstream simulate --cells N` makes the delivery from the real cells (default ../shared/s57);
  2. baseline: `ogr2ogr -f GPKG -t_srs EPSG:3395 -gt unlimited`, the ingest's open options (updates
     applied), one process per base cell, one after the other; each GeoPackage is counted
     (gpkg_ogr_contents) and removed, so the baseline's disk stays flat;
  3. `chartstream run --input DELIVERY --once --json-progress --http-port 0` on a fresh work dir,
     sampled every --sample seconds: the JVM's CPU and RSS (/proc), its progress lines, the lag of
     every stage per topic (the run's /api/progress), the dbv's tiles (sqlite3, read-only) and the
     work dir's bytes.
It records for each N: wall, CPU, source features per CPU-second (whole run, and marginal between
consecutive sizes), time to the first tile in the dbv, peak RSS, work-dir bytes per topic and
store, dbv bytes, and stage lag over time; writes results.json into the work dir, a table and a
picture (throughput, lag, memory over time of the largest run), and with --docs replaces the
section between the delivery-scale markers of that Markdown file.

Usage (from the repo root, after `./chartstream --version` has built the app; change no source while it
runs, or the launcher rebuilds the app inside a measurement, which the table then says):
  benchmarks/delivery-scale.py                                   # 10, 100, 1000 cells
  benchmarks/delivery-scale.py --sizes 10,100 --docs docs/BENCHMARKS.md
Needs GDAL's ogr2ogr (gdal-bin) and matplotlib (python3-matplotlib, Debian's: run it with
/usr/bin/python3 where another python3 comes first on PATH).
"""
import argparse, datetime, glob, json, os, re, resource, shutil, sqlite3, subprocess, sys, tempfile, threading, time
import urllib.request

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPEN_OPTIONS = ["UPDATES=APPLY", "SPLIT_MULTIPOINT=ON", "ADD_SOUNDG_DEPTH=ON", "RECODE_BY_DSSI=ON", "LNAM_REFS=ON"]
TICKS = os.sysconf("SC_CLK_TCK")
BEGIN, END = "<!-- delivery-scale:begin -->", "<!-- delivery-scale:end -->"
RECORD_COMMAND = "/usr/bin/python3 benchmarks/delivery-scale.py --sizes 10,100,1000 --docs docs/BENCHMARKS.md"
# What the launcher prints when a source changed since the last build: the measurement then includes a build.
REBUILT = "chartstream: building"


def arguments():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="10,100,1000", help="cells per delivery, comma-separated (default 10,100,1000)")
    p.add_argument("--from", dest="source", default=os.path.join(HERE, "..", "shared", "s57"), help="the real cells")
    p.add_argument("--seed", default="1")
    p.add_argument("--mix", help="band mix passed to simulate (default: simulate's)")
    p.add_argument("--work", help="where deliveries and runs go (default: a temporary dir, removed unless --keep)")
    p.add_argument("--keep", action="store_true", help="keep the deliveries and work dirs")
    p.add_argument("--launcher", default=os.path.join(HERE, "chartstream"), help="the chartstream command")
    p.add_argument("--sample", type=float, default=2.0, help="seconds between samples (default 2)")
    p.add_argument("--docs", help="Markdown file whose delivery-scale section is replaced with the results")
    p.add_argument("--png", help="the picture (default: delivery-scale.png beside --docs, else in the current dir)")
    p.add_argument("--timeout", type=float, default=4 * 3600, help="seconds a run may take (default 4 h)")
    p.add_argument("--results", help="measure nothing: write the table, picture and section from this results.json")
    return p.parse_args()


def load():
    return "%.2f %.2f %.2f" % os.getloadavg()


def rusage_of(pid):
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), usage


def tree_bytes(path):
    """Bytes on disk (allocated blocks): Kafka preallocates 10 MB sparse index files per partition, which
    would count 1.4 GB for a 10-cell run by their apparent size."""
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
            except OSError:
                pass  # removed by a compaction or a segment roll meanwhile
    return total


def simulate(args, n, delivery):
    command = [args.launcher, "simulate", "--from", args.source, "--cells", str(n), "--out", delivery, "--seed", args.seed]
    if args.mix:
        command += ["--mix", args.mix]
    t0 = time.monotonic()
    p = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = p.stdout.read()
    code, usage = rusage_of(p.pid)
    if code != 0:
        sys.exit("simulate failed (%d):\n%s" % (code, output))
    cells = glob.glob(os.path.join(delivery, "*", "*", "*.[0-9][0-9][0-9]"))
    report = [l for l in output.splitlines() if l.startswith("simulate: wrote")]
    rate = re.search(r"in ([0-9.]+) s: ([0-9.]+) cells/s, ([0-9.]+) MB/s", report[0]) if report else None
    return {"rebuilt": REBUILT in output, "writeSeconds": float(rate.group(1)) if rate else None,
            "cellsPerSecond": float(rate.group(2)) if rate else None, "mbPerSecond": float(rate.group(3)) if rate else None,
            "wall": time.monotonic() - t0, "cpu": usage.ru_utime + usage.ru_stime, "peakRssMb": usage.ru_maxrss / 1024,
            "inputBytes": sum(os.path.getsize(c) for c in cells),
            "baseCells": sum(1 for c in cells if c.endswith(".000")), "updateFiles": sum(1 for c in cells if not c.endswith(".000")),
            "report": report}


def ogr2ogr(delivery, scratch):
    bases = sorted(glob.glob(os.path.join(delivery, "*", "*", "*.000")))
    wall0, cpu, rss, features, gpkg_bytes, failed = time.monotonic(), 0.0, 0, 0, 0, 0
    options = [x for o in OPEN_OPTIONS for x in ("-oo", o)]
    for base in bases:
        gpkg = os.path.join(scratch, "cell.gpkg")
        p = subprocess.Popen(["ogr2ogr", "-q", "-f", "GPKG", "-t_srs", "EPSG:3395", "-gt", "unlimited", gpkg, base] + options,
                             stderr=subprocess.DEVNULL)
        code, usage = rusage_of(p.pid)
        cpu += usage.ru_utime + usage.ru_stime
        rss = max(rss, usage.ru_maxrss)
        if code != 0 or not os.path.exists(gpkg):
            failed += 1
            continue
        with sqlite3.connect("file:%s?mode=ro" % gpkg, uri=True) as db:
            features += db.execute("SELECT coalesce(sum(feature_count), 0) FROM gpkg_ogr_contents").fetchone()[0]
        gpkg_bytes += os.path.getsize(gpkg)
        os.remove(gpkg)
    # The wall includes counting each GeoPackage, a few ms per cell; the CPU is ogr2ogr's alone.
    return {"wall": time.monotonic() - wall0, "cpu": cpu, "peakRssMb": rss / 1024, "features": features,
            "gpkgBytes": gpkg_bytes, "failed": failed, "cells": len(bases)}


class Sampler:
    """Samples a running `run`: /proc, its progress lines, /api/progress, the dbv and the work dir."""

    def __init__(self, pid, work_dir, dbv, every):
        self.pid, self.work_dir, self.dbv, self.every = pid, work_dir, dbv, every
        self.t0 = time.monotonic()
        self.progress = {}
        self.samples = []
        self.first_tile = None
        self.first_feature = None
        self.peak_work_bytes = 0
        self.stopped = threading.Event()
        self.url = None

    def on_progress(self, line):
        self.progress = json.loads(line)
        if self.first_feature is None and self.progress.get("features", 0) > 0:
            self.first_feature = (time.monotonic() - self.t0, self.cpu())

    def cpu(self):
        try:
            with open("/proc/%d/stat" % self.pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / TICKS
        except (OSError, IndexError):
            return None

    def rss_mb(self):
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None

    def stage_lags(self):
        if self.url is None:
            try:
                with open(os.path.join(self.work_dir, "run.json")) as f:
                    self.url = json.load(f)["httpUrl"].rstrip("/")
            except (OSError, ValueError, KeyError):
                return None
        try:
            with urllib.request.urlopen(self.url + "/api/progress", timeout=5) as r:
                body = json.load(r)
        except (OSError, ValueError):
            return None
        lags = {}
        for lag in body.get("lags", []):
            key = "%s %s" % (lag["stage"], lag["topic"])
            lags[key] = lags.get(key, 0) + max(0, lag["end"] - max(0, lag["committed"]))
        return {"lags": lags, "tilesWritten": body.get("tilesWritten"), "dbvSizeBytes": body.get("dbvSizeBytes")}

    def tiles(self):
        if not os.path.exists(self.dbv):
            return 0
        try:
            with sqlite3.connect("file:%s?mode=ro" % self.dbv, uri=True, timeout=1) as db:
                return db.execute("SELECT count(*) FROM tiles").fetchone()[0]
        except sqlite3.Error:
            return 0

    def watch_first_tile(self):
        while not self.stopped.is_set() and self.first_tile is None:
            if self.tiles() > 0:
                self.first_tile = time.monotonic() - self.t0
            self.stopped.wait(0.2)

    def run(self):
        threading.Thread(target=self.watch_first_tile, daemon=True).start()
        n = 0
        while not self.stopped.is_set():
            sample = {"t": round(time.monotonic() - self.t0, 2), "cpu": self.cpu(), "rssMb": self.rss_mb(),
                      "features": self.progress.get("features"), "chartsIngested": self.progress.get("chartsIngested"),
                      "chartsKnown": self.progress.get("chartsKnown"), "topologyLag": self.progress.get("topologyLag"),
                      "tileRecords": self.progress.get("tileRecords"), "rclsFinished": self.progress.get("rclsFinished")}
            stages = self.stage_lags()
            if stages:
                sample.update(stages)
            if n % 5 == 0:  # walking the work dir costs more than the rest
                sample["workBytes"] = tree_bytes(self.work_dir)
                self.peak_work_bytes = max(self.peak_work_bytes, sample["workBytes"])
            self.samples.append(sample)
            n += 1
            self.stopped.wait(self.every)


def work_breakdown(work_dir):
    """Bytes per Kafka topic (kafka/logs/TOPIC-PARTITION) and per state store (streams/APP/TASK/rocksdb/STORE)."""
    topics, stores, other = {}, {}, 0
    logs = os.path.join(work_dir, "kafka", "logs")
    for entry in (os.listdir(logs) if os.path.isdir(logs) else []):
        path = os.path.join(logs, entry)
        m = re.match(r"(.+)-\d+$", entry)
        if os.path.isdir(path) and m:
            topics[m.group(1)] = topics.get(m.group(1), 0) + tree_bytes(path)
    for rocksdb in glob.glob(os.path.join(work_dir, "streams", "*", "*", "rocksdb")):
        for store in os.listdir(rocksdb):
            stores[store] = stores.get(store, 0) + tree_bytes(os.path.join(rocksdb, store))
    total = tree_bytes(work_dir)
    other = total - sum(topics.values()) - sum(stores.values())
    return {"topics": dict(sorted(topics.items(), key=lambda kv: -kv[1])),
            "stores": dict(sorted(stores.items(), key=lambda kv: -kv[1])), "other": other, "total": total}


def run(args, delivery, run_dir):
    dbv = os.path.join(run_dir, "chart.dbv")
    work_dir = os.path.join(run_dir, "work")
    os.makedirs(run_dir)
    command = [args.launcher, "run", "--input", delivery, "--dbv", dbv, "--work-dir", work_dir, "--once",
               "--json-progress", "--http-port", "0", "--config-dir", os.path.join(HERE, "config")]
    t0 = time.monotonic()
    log = open(os.path.join(run_dir, "run.log"), "w")
    p = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True)
    sampler = Sampler(p.pid, work_dir, dbv, args.sample)

    def read():
        for line in p.stdout:
            if line.startswith("{"):
                sampler.on_progress(line)
            else:
                log.write(line)
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    sampling = threading.Thread(target=sampler.run, daemon=True)
    sampling.start()
    killer = threading.Timer(args.timeout, p.kill)
    killer.start()
    code, usage = rusage_of(p.pid)
    killer.cancel()
    wall = time.monotonic() - t0
    sampler.stopped.set()
    reader.join(10)
    sampling.join(30)
    log.close()
    with open(os.path.join(run_dir, "run.log")) as f:
        rebuilt = any(REBUILT in line for line in f)
    breakdown = work_breakdown(work_dir)
    cpu = usage.ru_utime + usage.ru_stime
    features = sampler.progress.get("features", 0)
    result = {"exit": code, "rebuilt": rebuilt, "wall": wall, "cpu": cpu, "peakRssMb": usage.ru_maxrss / 1024, "features": features,
              "deadLetters": sampler.progress.get("deadLetters"), "charts": sampler.progress.get("chartsIngested"),
              "firstTile": sampler.first_tile, "dbvBytes": os.path.getsize(dbv) if os.path.exists(dbv) else 0,
              "tiles": sampler.tiles(), "work": breakdown, "peakWorkBytes": max(sampler.peak_work_bytes, breakdown["total"]),
              "lastProgress": sampler.progress, "samples": sampler.samples}
    if sampler.first_feature and sampler.first_feature[1] is not None:
        result["startup"] = {"wall": sampler.first_feature[0], "cpu": sampler.first_feature[1]}
    return result


def measure(args, n, work):
    delivery = os.path.join(work, "delivery-%d" % n)
    before = load()
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print("N=%d: simulating (load %s)" % (n, before), flush=True)
    sim = simulate(args, n, delivery)
    print("N=%d: ogr2ogr on %d cells" % (n, sim["baseCells"]), flush=True)
    scratch = tempfile.mkdtemp(dir=work)
    ogr = ogr2ogr(delivery, scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    print("N=%d: run --once" % n, flush=True)
    r = run(args, delivery, os.path.join(work, "run-%d" % n))
    result = {"cells": n, "date": datetime.date.today().isoformat(), "commit": commit(),
              "javaOptions": os.environ.get("CHARTSTREAM_JAVA_OPTS", ""), "loadBefore": before, "loadAfter": load(), "uptime": uptime, "simulate": sim, "ogr2ogr": ogr, "run": r}
    if not args.keep:  # a 1,000-cell delivery, its work dir and dbv take tens of GB
        shutil.rmtree(delivery, ignore_errors=True)
        shutil.rmtree(os.path.join(work, "run-%d" % n, "work"), ignore_errors=True)
        for leftover in glob.glob(os.path.join(work, "run-%d" % n, "chart.dbv*")):
            os.remove(leftover)
    print("N=%d: run exit %d, %d features, wall %.1f s, CPU %.1f s, dead letters %s (load %s)"
          % (n, r["exit"], r["features"], r["wall"], r["cpu"], r["deadLetters"], result["loadAfter"]), flush=True)
    return result


def mb(b):
    return b / 1e6


def table(results):
    lines = ["| cells | S-57 input | source features | `run --once` wall | CPU | features per CPU-s | marginal features per CPU-s"
             " | first tile in the dbv | peak RSS | work dir at end (peak) | dbv | ogr2ogr wall | ogr2ogr CPU | ogr2ogr features per CPU-s"
             " | run CPU per feature ÷ ogr2ogr's | load (1, 5, 15 min) before → after |",
             "|" + "---|" * 16]
    previous = None
    for x in results:
        r, o, n = x["run"], x["ogr2ogr"], x["cells"]
        rate = r["features"] / r["cpu"] if r["cpu"] else 0
        marginal = "–"
        if previous and r["cpu"] > previous["run"]["cpu"]:
            marginal = "%.0f" % ((r["features"] - previous["run"]["features"]) / (r["cpu"] - previous["run"]["cpu"]))
        ogr_rate = o["features"] / o["cpu"] if o["cpu"] else 0
        ratio = (r["cpu"] / max(r["features"], 1)) / (o["cpu"] / max(o["features"], 1)) if o["cpu"] else 0
        if r.get("rebuilt"):
            lines.append("| %d | *the launcher rebuilt the app during this measurement (a source changed): "
                         "its figures include a Maven build* |" % n + " |" * 14)
        lines.append("| %d | %.0f MB | %d | %.0f s | %.0f s | %.0f | %s | %s | %.0f MB | %.2f GB (%.2f) | %.0f MB | %.1f s | %.1f s | %.0f | %.1f | %s → %s |"
                     % (n, mb(x["simulate"]["inputBytes"]), r["features"], r["wall"], r["cpu"], rate, marginal,
                        "%.1f s" % r["firstTile"] if r["firstTile"] is not None else "none", r["peakRssMb"],
                        r["work"]["total"] / 1e9, r["peakWorkBytes"] / 1e9, mb(r["dbvBytes"]), o["wall"], o["cpu"],
                        ogr_rate, ratio, x["loadBefore"], x["loadAfter"]))
        previous = x
    return lines


def breakdown_table(results):
    names = []
    for x in results:
        for kind in ("topics", "stores"):
            for name in x["run"]["work"][kind]:
                if (kind, name) not in names:
                    names.append((kind, name))
    header = "| work dir at the end, bytes per MB of S-57 input | " + " | ".join("%d cells" % x["cells"] for x in results) + " |"
    lines = [header, "|" + "---|" * (len(results) + 1)]
    rows = [("topic " + n if k == "topics" else "store " + n, lambda x, k=k, n=n: x["run"]["work"][k].get(n, 0)) for k, n in names]
    rows += [("other (logs, checkpoints, offsets)", lambda x: x["run"]["work"]["other"]),
             ("**work dir total**", lambda x: x["run"]["work"]["total"]), ("**dbv**", lambda x: x["run"]["dbvBytes"]),
             ("ogr2ogr's GeoPackages (for scale)", lambda x: x["ogr2ogr"]["gpkgBytes"])]
    for label, value in rows:
        cells = []
        for x in results:
            inp = x["simulate"]["inputBytes"]
            cells.append("%.2f MB (%.1f)" % (mb(value(x)), value(x) / inp) if inp else "–")
        if any(value(x) > 0 for x in results):
            lines.append("| %s | %s |" % (label, " | ".join(cells)))
    return lines


def goals(results):
    by_n = {x["cells"]: x for x in results}
    lines = []
    if 100 in by_n and 1000 in by_n:
        a, b = by_n[100]["run"], by_n[1000]["run"]
        change = (b["features"] / b["cpu"]) / (a["features"] / a["cpu"]) - 1
        lines.append("- cost per feature from 100 to 1,000 cells: features per CPU-s %+.0f %% (goal: within ±20 %%): %s"
                     % (100 * change, "met" if abs(change) <= 0.2 else "not met"))
    if len(results) >= 2:
        first, last = results[0], results[-1]
        lines.append("- peak RSS from %d to %d cells: %.0f MB → %.0f MB (goal: not growing with N)"
                     % (first["cells"], last["cells"], first["run"]["peakRssMb"], last["run"]["peakRssMb"]))
        for what, key in (("work dir", lambda x: x["run"]["work"]["total"]), ("dbv", lambda x: x["run"]["dbvBytes"])):
            ratios = ["%.1f" % (key(x) / x["simulate"]["inputBytes"]) for x in results]
            lines.append("- %s bytes per byte of S-57 input, by size: %s (goal: linear in the input, i.e. the same ratio)"
                         % (what, " → ".join(ratios)))
    return lines


def picture(result, png):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    samples = result["run"]["samples"]
    t = [s["t"] for s in samples]
    fig, (top, middle, bottom) = plt.subplots(3, 1, figsize=(10, 10), sharex=True)

    def rate(key):
        out = []
        for a, b in zip(samples, samples[1:]):
            if a.get(key) is None or b.get(key) is None or b["t"] <= a["t"]:
                out.append(0)
            else:
                out.append((b[key] - a[key]) / (b["t"] - a["t"]))
        return out
    top.plot(t[1:], rate("features"), label="source features ingested per s")
    top.plot(t[1:], [10 * v for v in rate("tileRecords")], label="tile records per s × 10")
    cores = top.twinx()
    cores.plot(t[1:], rate("cpu"), color="grey", linestyle=":", label="CPU (cores)")
    cores.set_ylabel("cores")
    top.set_ylabel("per second")
    top.legend(loc="upper left")
    cores.legend(loc="upper right")
    top.set_title("chartstream run --once, %d simulated cells (%d source features)" % (result["cells"], result["run"]["features"]))
    stages = sorted({k for s in samples for k in s.get("lags", {})})
    for stage in stages:
        middle.plot(t, [s.get("lags", {}).get(stage) for s in samples], label="lag: " + stage)
    middle.plot(t, [(s["chartsKnown"] or 0) - (s["chartsIngested"] or 0) if s.get("chartsKnown") is not None else None
                    for s in samples], label="charts not yet ingested")
    middle.set_yscale("symlog")
    middle.set_ylabel("records (charts)")
    middle.legend(loc="upper right", fontsize="small")
    bottom.plot(t, [s.get("rssMb") for s in samples], label="RSS (MB)")
    work = [(s["t"], s["workBytes"] / 1e6) for s in samples if "workBytes" in s]
    bottom.plot([w[0] for w in work], [w[1] for w in work], label="work dir (MB)")
    bottom.set_ylabel("MB")
    bottom.set_xlabel("seconds since start")
    bottom.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(png, dpi=80)
    plt.close(fig)


def commit():
    """The commit measured, with a + when the working tree differs from it."""
    head = subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", HERE, "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                           text=True).stdout.strip()
    return (head or "?") + ("+" if dirty else "")


def markdown(args, results, png_rel):
    sizes = [x["cells"] for x in results]
    out = [BEGIN, "",
           "Measured %s at commit %s, %d cores, `benchmarks/delivery-scale.py --sizes %s` (seed %s)."
           % (results[0].get("date", "?"), results[0].get("commit", "?"), os.cpu_count(), ",".join(map(str, sizes)), args.seed)
           + (" JVM options: `CHARTSTREAM_JAVA_OPTS=%s`." % results[0]["javaOptions"] if results[0].get("javaOptions") else ""),
           ""]
    out += ["Load (`uptime`) as each size started:", ""]
    out += ["- %d cells: `%s`" % (x["cells"], x["uptime"]) for x in results] + [""]
    out += table(results)
    if 1000 not in sizes:
        out.append("| 1,000 | *the record run, to be made on a quiet machine:* `%s` | | | | | | | | | | | | | | |" % RECORD_COMMAND)
    out += ["", "(`run --once`: JVM start, embedded broker, registry, Connect, topology and sink included; the first tile is "
            "counted from the process start. ogr2ogr: one process per base cell, its updates applied, CPU of ogr2ogr "
            "alone. Marginal: extra features over extra CPU-s from the previous size.)", ""]
    out += breakdown_table(results) + [""]
    out += goals(results) + [""]
    for x in results:
        r = x["run"]
        if r.get("startup"):
            sim = x["simulate"]
            out.append("- %d cells: %.1f s and %.1f CPU-s before the first source feature; %s dead letters; run exit %d; "
                       "%d tiles; `simulate` wrote %.0f MB in %s s (%s cells/s, %s MB/s; the whole command %.1f s, "
                       "%.1f CPU-s, peak RSS %.0f MB%s)"
                       % (x["cells"], r["startup"]["wall"], r["startup"]["cpu"], r["deadLetters"], r["exit"], r["tiles"],
                          mb(sim["inputBytes"]), sim.get("writeSeconds"), sim.get("cellsPerSecond"), sim.get("mbPerSecond"),
                          sim["wall"], sim["cpu"], sim["peakRssMb"],
                          ", a Maven build included: the launcher rebuilt the app first" if sim.get("rebuilt") else ""))
    if png_rel:
        out += ["", "![throughput, lag and memory over time, %d cells](%s)" % (results[-1]["cells"], png_rel)]
    out += ["", END]
    return out


def main():
    args = arguments()
    if args.results:
        with open(args.results) as f:
            report(args, json.load(f), os.path.dirname(os.path.abspath(args.results)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    if shutil.which("ogr2ogr") is None:
        sys.exit("ogr2ogr is missing: apt-get install gdal-bin")
    subprocess.run([args.launcher, "--version"], check=True, stdout=subprocess.DEVNULL)  # builds if needed, untimed
    # The start-up cache is trained once per build before the first run: here, untimed (a failed
    # training only means the runs start without it, as the launcher says on stderr).
    subprocess.run([args.launcher, "warm-start"], check=False, stdout=subprocess.DEVNULL)
    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="delivery-scale-")
    os.makedirs(work, exist_ok=True)
    try:
        results = [measure(args, n, work) for n in sizes]
        with open(os.path.join(work, "results.json"), "w") as f:
            json.dump(results, f, indent=1)
        report(args, results, work)
        failed = [x["cells"] for x in results if x["run"]["exit"] != 0 or x["run"]["deadLetters"]]
        if failed:
            sys.exit("run --once failed or had dead letters at N=%s: see run.log in %s" % (failed, work))
    finally:
        if not args.work and not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def report(args, results, work):
    """The picture of the largest run, the Markdown section, printed and, with --docs, put in place."""
    png = args.png or (os.path.join(os.path.dirname(os.path.abspath(args.docs)), "delivery-scale.png") if args.docs
                       else os.path.abspath("delivery-scale.png"))
    picture(results[-1], png)
    png_rel = os.path.relpath(png, os.path.dirname(os.path.abspath(args.docs))) if args.docs else png
    section = markdown(args, results, png_rel)
    print("\n".join(section))
    print("results: %s; picture: %s" % (os.path.join(work, "results.json"), png))
    if args.docs:
        with open(args.docs) as f:
            text = f.read()
        if BEGIN not in text or END not in text:
            sys.exit("%s has no %s … %s section to replace" % (args.docs, BEGIN, END))
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        with open(args.docs, "w") as f:
            f.write(head + "\n".join(section) + tail)


if __name__ == "__main__":
    main()
