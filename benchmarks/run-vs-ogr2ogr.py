#!/usr/bin/env python3
"""`chartstream run --once` end to end against GDAL's ogr2ogr on the same cells, in the same run.

  baseline:    ogr2ogr -f GPKG -t_srs EPSG:3395 -gt unlimited -oo UPDATES=APPLY, one process per
               base cell (its updates applied), every feature read, reprojected and written
  chartstream: ./chartstream run --input S57_DIR --dbv X --once --json-progress on a fresh work dir
               (JVM, broker, registry, Connect, topology and sink start included)

Reports wall time (with startup, and from the first source feature read to the end), CPU
seconds (user + system, from wait4's rusage: the JVM and all its threads; for ogr2ogr all
processes), peak RSS, and source features per CPU-second. For the run, the CPU used before the
first feature (startup) is sampled from /proc and reported apart, giving the steady-state CPU.

Also reports the bytes the run leaves: the work dir (broker logs and state stores) and the dbv,
against the S-57 input's bytes.

Usage: benchmarks/run-vs-ogr2ogr.py [S57_DIR [CHARTSTREAM]]   (needs the app built: ./chartstream --version)
       CHARTSTREAM: the launcher to measure (default: this checkout's; another checkout's to
       compare versions in the same session, e.g. a worktree of main)
"""
import glob, json, os, resource, shutil, subprocess, sys, tempfile, threading, time

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
s57 = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "shared", "s57"))
launcher = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(here, "chartstream")
# The start-up cache is trained once per build before the first run: here, untimed (a launcher
# without one, or a failed training, leaves the run to start without it).
subprocess.run([launcher, "warm-start"], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
tmp = tempfile.mkdtemp(prefix="run-vs-ogr2ogr-")
ticks = os.sysconf("SC_CLK_TCK")

def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

try:
    cells = sorted(c for c in glob.glob(os.path.join(s57, "**", "*.000"), recursive=True) if "/bad/" not in c)
    # Baseline: ogr2ogr, one process per cell.
    cpu0, t0 = children_cpu(), time.monotonic()
    ogr_rss = 0
    for n, cell in enumerate(cells):
        p = subprocess.Popen(["ogr2ogr", "-q", "-f", "GPKG", "-t_srs", "EPSG:3395", "-gt", "unlimited",
                              os.path.join(tmp, "%d.gpkg" % n), cell, "-oo", "UPDATES=APPLY", "-oo", "SPLIT_MULTIPOINT=ON",
                              "-oo", "ADD_SOUNDG_DEPTH=ON", "-oo", "RECODE_BY_DSSI=ON", "-oo", "LNAM_REFS=ON"],
                             stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(p.pid, 0)
        ogr_rss = max(ogr_rss, usage.ru_maxrss)
    ogr_wall, ogr_cpu = time.monotonic() - t0, children_cpu() - cpu0
    ogr_features = 0
    for gpkg in glob.glob(os.path.join(tmp, "*.gpkg")):
        out = subprocess.run(["ogrinfo", "-ro", "-so", "-al", gpkg], capture_output=True, text=True).stdout
        ogr_features += sum(int(l.split(":")[1]) for l in out.splitlines() if l.startswith("Feature Count:"))

    # chartstream run --once: the launcher execs the JVM, so the pid is the JVM's.
    dbv = os.path.join(tmp, "out.dbv")
    t0 = time.monotonic()
    run = subprocess.Popen([launcher, "run", "--input", s57, "--dbv", dbv, "--once", "--http-port", "0",
                            "--work-dir", os.path.join(tmp, "work"), "--json-progress",
                            "--config-dir", os.path.join(os.path.dirname(launcher), "config")],
                           stdout=subprocess.PIPE, stderr=open(os.path.join(tmp, "run.log"), "w"), text=True)
    first = {}
    last = {}
    def read():
        for line in run.stdout:
            if line.startswith("{"):
                p = json.loads(line)
                last.update(p)
                if p["features"] > 0 and "t" not in first:
                    try:
                        with open("/proc/%d/stat" % run.pid) as f:
                            fields = f.read().rsplit(")", 1)[1].split()
                        first["cpu"] = (int(fields[11]) + int(fields[12])) / ticks
                    except OSError:
                        first["cpu"] = None
                    first["t"] = time.monotonic()
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    _, status, usage = os.wait4(run.pid, 0)
    run.returncode = os.waitstatus_to_exitcode(status)
    reader.join(5)
    run_wall = time.monotonic() - t0
    run_cpu = usage.ru_utime + usage.ru_stime
    features = last.get("features", 0)

    def line(name, wall, cpu, rss_kb, n):
        print("%-34s wall %7.1f s  CPU %7.1f s  peak RSS %5.0f MB  %7d features  %6.0f features/CPU-s"
              % (name, wall, cpu, rss_kb / 1024, n, n / cpu if cpu else 0))
    print("input: %d base cells (updates applied) in %s" % (len(cells), s57))
    line("ogr2ogr -f GPKG -t_srs EPSG:3395", ogr_wall, ogr_cpu, ogr_rss, ogr_features)
    line("chartstream run --once", run_wall, run_cpu, usage.ru_maxrss, features)
    if "t" in first and first.get("cpu") is not None:
        steady_wall, steady_cpu = t0 + run_wall - first["t"], run_cpu - first["cpu"]
        line("  from first feature to done", steady_wall, steady_cpu, usage.ru_maxrss, features)
        print("  startup: %.1f s wall, %.1f CPU-s before the first feature" % (first["t"] - t0, first["cpu"]))
        print("steady state: run CPU-s per feature / ogr2ogr's = %.2f (goal <= 0.25)"
              % ((steady_cpu / max(features, 1)) / (ogr_cpu / max(ogr_features, 1))))
    print("run exit status %d; last progress %s" % (run.returncode, json.dumps(last)))
    def du(path):  # blocks in use, as du counts them: Kafka's preallocated indexes are sparse
        return sum(os.stat(os.path.join(d, f)).st_blocks * 512 for d, _, fs in os.walk(path) for f in fs
                   if os.path.isfile(os.path.join(d, f)))
    s57_bytes = sum(os.path.getsize(f) for f in glob.glob(os.path.join(s57, "**", "*.0[0-9][0-9]"), recursive=True)
                    if "/bad/" not in f)
    work_bytes, dbv_bytes = du(os.path.join(tmp, "work")), os.path.getsize(dbv) if os.path.exists(dbv) else 0
    print("bytes: S-57 input %.1f MB, work dir %.1f MB (%.1fx), dbv %.1f MB (%.2fx)"
          % (s57_bytes / 1e6, work_bytes / 1e6, work_bytes / s57_bytes, dbv_bytes / 1e6, dbv_bytes / s57_bytes))
    print("ratios: run wall / ogr2ogr wall = %.2f (goal <= 2); run CPU-s per feature / ogr2ogr's = %.2f (goal <= 0.25)"
          % (run_wall / ogr_wall, (run_cpu / max(features, 1)) / (ogr_cpu / max(ogr_features, 1))))
finally:
    shutil.rmtree(tmp, ignore_errors=True)
