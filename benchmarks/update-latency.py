#!/usr/bin/env python3
"""Latency of incremental updates in a running `chartstream run`, from an update file appearing
in the watched input to the dbv rows it changes being committed.

Starts `run` (no --once) on the base cells of the shared update chains, waits until it has
settled, then copies each update file in, one at a time and in order, and polls the dbv (SQLite,
read-only, every 50 ms). A file's latency ends at the last commit it causes: the catalogue row of
the new chart version and every tile row whose sequence changes, observed until the run reports
it has settled again. Prints p50 and p95 over all files. For each update file, the wall time
`ogr2ogr -f GeoJSONSeq` takes to convert the same chart (base and updates up to that one) is
measured in the same run, after the run has settled, and the latencies are compared with it.

Usage: benchmarks/update-latency.py [S57_DIR [CHARTSTREAM]]   (needs the app built: ./chartstream --version)
       CHARTSTREAM: the launcher to measure (default: this checkout's)
"""
import json, math, os, shutil, sqlite3, subprocess, sys, tempfile, threading, time

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
s57 = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "shared", "s57"))
CHAINS = {"US4IL10M": 1, "US5WA22M": 4, "US1GC09M": 9}

launcher = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(here, "chartstream")
# The start-up cache is trained once per build before the first run: here, untimed (a launcher
# without one, or a failed training, leaves the run to start without it).
subprocess.run([launcher, "warm-start"], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
tmp = tempfile.mkdtemp(prefix="update-latency-")
inp, dbv = os.path.join(tmp, "input"), os.path.join(tmp, "out.dbv")
os.makedirs(inp)
for chart in CHAINS:
    shutil.copy(os.path.join(s57, chart, chart + ".000"), inp)

reports = []  # (monotonic time, progress object)
run = subprocess.Popen([launcher, "run", "--input", inp, "--dbv", dbv, "--http-port", "0",
                        "--work-dir", os.path.join(tmp, "work"), "--json-progress",
                        "--config-dir", os.path.join(os.path.dirname(launcher), "config")],
                       stdout=subprocess.PIPE, stderr=open(os.path.join(tmp, "run.log"), "w"), text=True)

def read_progress():
    for line in run.stdout:
        if line.startswith("{"):
            reports.append((time.monotonic(), json.loads(line)))
threading.Thread(target=read_progress, daemon=True).start()

def settled_after(t, charts, timeout=1800):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(at >= t and p["settled"] and p["chartsIngested"] == charts for at, p in list(reports)):
            return
        if run.poll() is not None:
            sys.exit("run exited: see " + os.path.join(tmp, "run.log"))
        time.sleep(0.1)
    sys.exit("not settled within %d s" % timeout)

def snapshot():
    try:
        con = sqlite3.connect("file:%s?mode=ro" % dbv, uri=True, timeout=5)
        try:
            tiles = dict(con.execute("SELECT rcl, sequence FROM tiles"))
            charts = set(con.execute("SELECT chart_id, update_number FROM charts"))
            return tiles, charts
        finally:
            con.close()
    except sqlite3.Error:
        return None

try:
    start = time.monotonic()
    while snapshot() is None or not any(c[0] == "US1GC09M" for c in snapshot()[1]):
        time.sleep(0.5)
    settled_after(time.monotonic() + 4, len(CHAINS))
    print("base cells produced in %.0f s" % (time.monotonic() - start), flush=True)
    latencies = []
    ratios = []
    for chart, updates in CHAINS.items():
        for n in range(1, updates + 1):
            tiles, _ = snapshot()
            appeared = time.monotonic()
            shutil.copy(os.path.join(s57, chart, "%s.%03d" % (chart, n)), inp)
            last_commit, catalogued, changed = None, None, set()
            while True:
                state = snapshot()
                now = time.monotonic()
                if state is None:
                    time.sleep(0.05); continue
                now_tiles, charts = state
                newly = {r for r, s in now_tiles.items() if tiles.get(r) != s} - changed
                if newly:
                    changed |= newly; last_commit = now
                if catalogued is None and (chart, n) in charts:
                    catalogued = now; last_commit = max(last_commit or now, now)
                if catalogued is not None and now - catalogued > 4 and any(
                        at >= catalogued + 4 and p["settled"] for at, p in list(reports)):
                    break
                time.sleep(0.05)
            latency = last_commit - appeared
            latencies.append(latency)
            # ogr2ogr on the same chart, base and updates up to n, with the run idle.
            conv = os.path.join(tmp, "ogr", chart)
            os.makedirs(conv, exist_ok=True)
            for k in range(0, n + 1):
                shutil.copy(os.path.join(s57, chart, "%s.%03d" % (chart, k)), conv)
            t0 = time.monotonic()
            subprocess.run(["ogr2ogr", "-q", "-f", "GeoJSONSeq", "/vsistdout/", os.path.join(conv, chart + ".000"),
                            "-oo", "UPDATES=APPLY", "-oo", "SPLIT_MULTIPOINT=ON", "-oo", "ADD_SOUNDG_DEPTH=ON",
                            "-oo", "RECODE_BY_DSSI=ON", "-oo", "LNAM_REFS=ON"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=True)
            ogr = time.monotonic() - t0
            ratios.append(latency / ogr)
            print("%s.%03d: %5.2f s to the last committed row (catalogue row after %.2f s), %d RCLs changed;"
                  " ogr2ogr -f GeoJSONSeq %.2f s (ratio %.2f)"
                  % (chart, n, latency, catalogued - appeared, len(changed), ogr, latency / ogr), flush=True)
    latencies.sort()
    pct = lambda q: latencies[max(0, math.ceil(q * len(latencies)) - 1)]  # nearest rank
    print("update files: %d  p50 %.2f s  p95 %.2f s  max %.2f s" % (len(latencies), pct(0.5), pct(0.95), latencies[-1]))
    ratios.sort()
    print("latency / ogr2ogr GeoJSONSeq of the same chart: p50 %.2f  p95 %.2f  max %.2f"
          % (ratios[max(0, math.ceil(0.5 * len(ratios)) - 1)], ratios[max(0, math.ceil(0.95 * len(ratios)) - 1)], ratios[-1]))
finally:
    run.terminate()
    run.wait(60)
    shutil.rmtree(tmp, ignore_errors=True)
