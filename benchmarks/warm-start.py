#!/usr/bin/env python3
"""Warm start (issue 17 item 3): `chartstream run --once` without and with the JDK's AOT cache, and
ogr2ogr on the same cells, interleaved round by round in one session.

  ogr2ogr:  ogr2ogr -f GPKG -t_srs EPSG:3395 (updates applied), one process per base cell
  variants: ./chartstream run --input S57_DIR --dbv X --once --json-progress --http-port 0 on a fresh
            work dir, with the environment of the variant:
              off     CHARTSTREAM_AOT=off (no cache: the JVM as before)
              aot     the launcher's default: this build's AOT cache (trained first if missing)
              aot-c1  the cache and -XX:TieredStopAtLevel=1 (C1 only, no C2)
              c1      no cache, -XX:TieredStopAtLevel=1

Per run: wall; CPU (user + system from wait4's rusage, as /usr/bin/time reports it; the JVM and all
its threads); peak RSS (rusage); start-up to the first feature: the first --json-progress object
with features > 0 (1 s resolution) and, to the millisecond, the first ingest task's "S-57 ingest
task" log line (the connector starting to read), both from the launcher's start; the CPU used by
then; JIT CPU: the C1 and C2 compiler threads' utime + stime from /proc/PID/task/*/stat, sampled every
0.2 s and kept per thread until the JVM exits (threads that end early keep their last sample).

Usage: benchmarks/warm-start.py [--rounds 2] [--variants off,aot] [--input ../shared/s57] [--json out.json]
"""
import argparse, datetime, glob, json, os, re, resource, shutil, subprocess, sys, tempfile, threading, time

here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ticks = os.sysconf("SC_CLK_TCK")
VARIANTS = {
    "off": {"CHARTSTREAM_AOT": "off"},
    "aot": {},
    "aot-c1": {"CHARTSTREAM_JAVA_OPTS": "-XX:TieredStopAtLevel=1"},
    "c1": {"CHARTSTREAM_AOT": "off", "CHARTSTREAM_JAVA_OPTS": "-XX:TieredStopAtLevel=1"},
}


def load():
    return os.getloadavg()[0]


def ogr2ogr(cells, tmp):
    out = os.path.join(tmp, "ogr")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0, rss = time.monotonic(), 0
    for n, cell in enumerate(cells):
        p = subprocess.Popen(["ogr2ogr", "-q", "-f", "GPKG", "-t_srs", "EPSG:3395", "-gt", "unlimited",
                              os.path.join(out, "%d.gpkg" % n), cell, "-oo", "UPDATES=APPLY"], stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(p.pid, 0)
        rss = max(rss, usage.ru_maxrss)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall": time.monotonic() - t0, "rssMb": rss / 1024,
            "cpu": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime}


def thread_cpu(pid):
    """{tid: (name, CPU seconds)} of a process's threads now."""
    threads = {}
    for stat in glob.glob("/proc/%d/task/*/stat" % pid):
        try:
            with open(stat) as f:
                text = f.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        threads[stat.split("/")[4]] = (name, (int(fields[11]) + int(fields[12])) / ticks)
    return threads


def log_millis(line):
    """The wall-clock time (epoch seconds) of a log line that starts with HH:MM:SS.mmm, today."""
    m = re.match(r"(\d\d):(\d\d):(\d\d)\.(\d\d\d) ", line)
    if not m:
        return None
    now = datetime.datetime.now()
    t = now.replace(hour=int(m[1]), minute=int(m[2]), second=int(m[3]), microsecond=int(m[4]) * 1000)
    return t.timestamp()


def run(variant, s57, tmp, n):
    work = os.path.join(tmp, "%s-%d" % (variant, n))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ, **VARIANTS[variant])
    log_path = os.path.join(work, "run.log")
    start_epoch, t0 = time.time(), time.monotonic()
    proc = subprocess.Popen([os.path.join(here, "chartstream"), "run", "--input", s57, "--dbv", os.path.join(work, "x.dbv"),
                             "--work-dir", os.path.join(work, "work"), "--once", "--json-progress", "--http-port", "0",
                             "--config-dir", os.path.join(here, "config")],
                            stdout=subprocess.PIPE, stderr=open(log_path, "w"), text=True, env=env)
    first, last, jit = {}, {}, {}
    done = threading.Event()

    def read():
        for line in proc.stdout:
            if line.startswith("{"):
                p = json.loads(line)
                last.update(p)
                if p.get("features", 0) > 0 and "t" not in first:
                    first["t"] = time.monotonic() - t0
                    try:
                        with open("/proc/%d/stat" % proc.pid) as f:
                            fields = f.read().rsplit(")", 1)[1].split()
                        first["cpu"] = (int(fields[11]) + int(fields[12])) / ticks
                    except OSError:
                        pass

    def sample():  # the launcher execs the JVM: the pid is the JVM's once exec is done
        while not done.is_set():
            for tid, (name, cpu) in thread_cpu(proc.pid).items():
                if name.startswith("C1 Compiler") or name.startswith("C2 Compiler"):
                    jit[tid] = (name[:2], cpu)
            done.wait(0.2)

    threads = [threading.Thread(target=read, daemon=True), threading.Thread(target=sample, daemon=True)]
    for t in threads:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    done.set()
    for t in threads:
        t.join(5)
    ingest = None
    with open(log_path) as f:
        for line in f:
            if "S-57 ingest task" in line:
                ingest = (log_millis(line) or start_epoch) - start_epoch
                break
    return {"variant": variant, "exit": os.waitstatus_to_exitcode(status), "wall": wall,
            "cpu": usage.ru_utime + usage.ru_stime, "rssMb": usage.ru_maxrss / 1024,
            "firstFeature": first.get("t"), "cpuAtFirstFeature": first.get("cpu"), "ingestStart": ingest,
            "jitC1": sum(c for k, c in jit.values() if k == "C1"), "jitC2": sum(c for k, c in jit.values() if k == "C2"),
            "features": last.get("features"), "load": load()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--variants", default="off,aot")
    ap.add_argument("--input", default=os.path.join(here, "..", "shared", "s57"))
    ap.add_argument("--json", help="write every measurement here")
    args = ap.parse_args()
    s57 = os.path.abspath(args.input)
    variants = args.variants.split(",")
    cells = sorted(c for c in glob.glob(os.path.join(s57, "**", "*.000"), recursive=True) if "/bad/" not in c)
    tmp = tempfile.mkdtemp(prefix="warm-start-")
    results = []
    try:
        # The launcher builds and trains the cache here if needed, so no round pays for it.
        subprocess.run([os.path.join(here, "chartstream"), "warm-start"], check=True, stdout=subprocess.DEVNULL)
        for n in range(args.rounds):
            o = ogr2ogr(cells, tmp)
            o.update(variant="ogr2ogr", load=load())
            results.append(o)
            print("round %d ogr2ogr: wall %.1f s, CPU %.1f s (load %.2f)" % (n + 1, o["wall"], o["cpu"], o["load"]), flush=True)
            for v in (variants if n % 2 == 0 else variants[::-1]):
                r = run(v, s57, tmp, n)
                results.append(r)
                print("round %d %-7s exit %d wall %5.1f s CPU %6.1f s RSS %5.0f MB first feature %s s (ingest task %.1f s, "
                      "CPU then %s s) JIT C1 %.1f C2 %.1f CPU-s (load %.2f)"
                      % (n + 1, v, r["exit"], r["wall"], r["cpu"], r["rssMb"], r["firstFeature"] and round(r["firstFeature"], 1),
                         r["ingestStart"] or -1, r["cpuAtFirstFeature"] and round(r["cpuAtFirstFeature"], 1),
                         r["jitC1"], r["jitC2"], r["load"]), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)

    def mean(rows, key):
        vals = [r[key] for r in rows if r.get(key) is not None]
        return sum(vals) / len(vals) if vals else float("nan")
    ogr = [r for r in results if r["variant"] == "ogr2ogr"]
    print("\nmeans over %d rounds; %d cells in %s; ogr2ogr wall %.1f s, CPU %.1f s" % (args.rounds, len(cells), s57, mean(ogr, "wall"), mean(ogr, "cpu")))
    print("| variant | wall s | × ogr2ogr wall | CPU s | first feature s (progress / ingest task) | CPU s by first feature | JIT C1+C2 CPU s | peak RSS MB | load |")
    print("|---|---|---|---|---|---|---|---|---|")
    for v in variants:
        rows = [r for r in results if r["variant"] == v]
        print("| %s | %.1f | %.1f× | %.1f | %.1f / %.1f | %.1f | %.1f + %.1f | %.0f | %.1f–%.1f |"
              % (v, mean(rows, "wall"), mean(rows, "wall") / mean(ogr, "wall"), mean(rows, "cpu"), mean(rows, "firstFeature"),
                 mean(rows, "ingestStart"), mean(rows, "cpuAtFirstFeature"), mean(rows, "jitC1"), mean(rows, "jitC2"),
                 mean(rows, "rssMb"), min(r["load"] for r in rows), max(r["load"] for r in rows)))
    if any(r.get("exit") for r in results if r["variant"] != "ogr2ogr"):
        sys.exit("a run failed: see the exit codes above")


if __name__ == "__main__":
    main()
