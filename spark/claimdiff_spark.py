#!/usr/bin/env python3
"""claimdiff on a Spark cluster, for corpora one machine cannot read in time.

The map step is the claimdiff binary itself: each partition of the JSON Lines corpus is written
to a local file on its executor and read by `claimdiff claims --format jsonl --records`, which
writes each document's records (its claim lines, then one `{"record":"document",...}` line with
its metadata, its meetings, which claim is about which meeting, and the meetings' blocking keys).
The binary is shipped to the executors with the job (`SparkContext.addFile`, the same as
`spark-submit --files`).

The reduce is keyed. The merge of meetings across documents only ever compares two descriptions
that share a blocking key (a place, a venue's state, a pair of participating states), so
documents that are not connected through shared keys, directly or through other documents,
never share an event, and comparison only happens within an event. The driver gathers each
document's keys (small data: documents without a meeting have none), finds the connected
components (union-find), and packs whole components into reduce groups; the records are
shuffled to their group, sorted back into corpus order, and each group is reduced on an
executor by `claimdiff report --from-claims -` into an ordinary JSON export. The driver merges
the groups' exports with `claimdiff report --from-parts -`, which puts documents, claims and
events back in corpus order and findings in event order. The result is, byte for byte, what
`claimdiff report` gives on the same files (README, "Scaling out on Spark", says why).

    spark-submit --master 'local[2]' spark/claimdiff_spark.py --input 'corpus/*.jsonl' \\
        --output report.json --binary target/release/claimdiff

Each document's path is the input file as the glob names it and its line, as in a direct run.
Document ids must be unique across the corpus (a single run renames a repeated id; separate
partitions cannot, so the merge refuses a repeated id rather than guess).
"""

import argparse
import glob
import heapq
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

# what each item of the mapped RDD is: a document's records, or a problem the binary reported
DOC, PROBLEM = 0, 1
# a document's position in the corpus: its file's index above its line number
LINE_BITS = 32


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True, action="append",
                   help="JSON Lines articles: a path or glob (repeatable), local or a Hadoop URI")
    p.add_argument("--output", required=True, help="where the report goes (written whole)")
    p.add_argument("--binary", required=True, help="the claimdiff binary (Linux, of the executors' kind)")
    p.add_argument("--master", default=None, help="Spark master URL (default: spark-submit's)")
    p.add_argument("--format", default="json", choices=["json", "jsonl", "md", "html", "table"],
                   help="report format (default json, the claimdiff/1 export)")
    p.add_argument("--partitions", type=int, default=None,
                   help="minimum partitions per input file (default: Spark's)")
    p.add_argument("--reduces", type=int, default=None,
                   help="reduce groups (default: Spark's default parallelism)")
    p.add_argument("--parts-out", default=None,
                   help="also keep the groups' exports here (what the driver merged)")
    p.add_argument("--rules", default=None,
                   help="a rules folder, on the driver and at the same path on every executor")
    return p.parse_args(argv)


def input_files(sc, patterns):
    """Every input file in order: a local glob sorted as the shell would list it, or for a URI
    (hdfs://, s3a://, file:) the files Hadoop's glob matches, sorted."""
    files = []
    for pattern in patterns:
        if "://" in pattern or pattern.startswith("file:"):
            jvm = sc._jvm
            path = jvm.org.apache.hadoop.fs.Path(pattern)
            fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
            statuses = fs.globStatus(path) or []
            found = sorted(str(s.getPath()) for s in statuses if s.isFile())
        else:
            found = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
        if not found:
            raise SystemExit(f"claimdiff_spark: {pattern}: no such file")
        files.extend(found)
    return files


def numbered_lines(sc, files, partitions):
    """One RDD of (file, line number, position, line bytes) over all files, in input order."""
    rdds = []
    for i, f in enumerate(files):
        lines = sc.textFile(f, minPartitions=partitions, use_unicode=False)
        rdds.append(lines.zipWithIndex().map(
            lambda li, f=f, i=i: (f, li[1] + 1, (i << LINE_BITS) + li[1] + 1, li[0])))
    return rdds[0] if len(rdds) == 1 else sc.union(rdds)


def local_binary(name):
    """The shipped binary on this executor, made executable (a copy when it cannot be chmod-ed)."""
    from pyspark import SparkFiles

    path = SparkFiles.get(name)
    if os.access(path, os.X_OK):
        return path
    try:
        os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
        return path
    except OSError:
        copy = os.path.join(tempfile.mkdtemp(prefix="claimdiff-bin-"), name)
        shutil.copy(path, copy)
        os.chmod(copy, 0o755)
        return copy


def map_partition(binary_name, rules):
    """The map step: one partition's lines through `claimdiff claims --records`; yields each
    document as (position, blocking keys, its record lines) and each problem reported."""

    def run(rows):
        rows = list(rows)
        if not any(line.strip() for *_, line in rows):
            return
        binary = local_binary(binary_name)
        with tempfile.TemporaryDirectory(prefix="claimdiff-part-") as d:
            part = os.path.join(d, "part.jsonl")
            with open(part, "wb") as out:
                out.write(b"\n".join(line for *_, line in rows))
                out.write(b"\n")
            cmd = [binary, "claims", part, "--format", "jsonl", "--records", "--quiet"]
            if rules:
                cmd += ["--rules", rules]
            proc = subprocess.run(cmd, capture_output=True)
        where = {f"{part}:{i + 1}": (f"{f}:{n}", pos) for i, (f, n, pos, _) in enumerate(rows)}
        for problem in proc.stderr.decode("utf-8", "replace").splitlines():
            yield PROBLEM, relocate_problem(problem, part, where)
        nothing_read = proc.returncode == 2 and not proc.stdout
        if proc.returncode not in (0, 1) and not nothing_read:
            raise RuntimeError(f"claimdiff exited {proc.returncode} on a partition")
        lines = []
        for line in proc.stdout.decode("utf-8").splitlines():
            if not line.startswith('{"record":"document"'):
                lines.append(line)
                continue
            line, pos, keys = relocate_record(line, where)
            lines.append(line)
            yield DOC, (pos, keys, "\n".join(lines) + "\n")
            lines = []

    return run


def relocate_record(line, where):
    """A document line with its path put back to the input file and line it was read from,
    with the document's position and blocking keys."""
    record = json.loads(line)
    doc = record["document"]
    if "keys" not in record:
        raise RuntimeError("the binary writes no blocking keys: it is older than this job")
    doc["path"], pos = where[doc["path"]]
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")), pos, record["keys"]


def relocate_problem(message, part, where):
    """A problem the binary reported, naming the input file and line rather than the part file."""
    prefix = "claimdiff: "
    body = message[len(prefix):] if message.startswith(prefix) else message
    at, sep, rest = body.partition(": ")
    if sep and at in where:
        return f"{prefix}{where[at][0]}: {rest}"
    return message.replace(part, "<partition>")


def components(keyed):
    """The connected components of documents over shared keys (union-find): lists of
    positions, each list ascending, from (position, keys) pairs."""
    parent = {}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner = {}
    for pos, keys in keyed:
        parent.setdefault(pos, pos)
        for k in keys:
            a, b = root(pos), root(owner.setdefault(k, pos))
            parent[max(a, b)] = min(a, b)
    comps = {}
    for pos in sorted(parent):
        comps.setdefault(root(pos), []).append(pos)
    return list(comps.values())


def plan_groups(keyed, reduces):
    """Whole components packed into `reduces` groups, largest first into the lightest group;
    returns each keyed document's group and the component sizes, largest first. Documents
    without keys are alone and are spread over the groups by position (`group_of`)."""
    comps = sorted(components(keyed), key=lambda c: (-len(c), c[0]))
    loads = [(0, g) for g in range(reduces)]
    group = {}
    for c in comps:
        load, g = heapq.heappop(loads)
        for pos in c:
            group[pos] = g
        heapq.heappush(loads, (load + len(c), g))
    return group, [len(c) for c in comps]


def group_of(groups, reduces):
    """A document's reduce group: its component's, else one spread by position."""

    def of(pos):
        g = groups.value.get(pos)
        return (pos % reduces) if g is None else g

    return of


def reduce_partition(binary_name, rules):
    """One group's records, in corpus order, through `claimdiff report --from-claims -`; yields
    the part `report --from-parts` reads: its documents' positions and the export."""

    def run(rows):
        positions, blobs = [], []
        for (_, pos), blob in rows:
            positions.append(pos)
            blobs.append(blob)
        if not positions:
            return
        cmd = [local_binary(binary_name), "report", "--from-claims", "-", "--format", "json"]
        if rules:
            cmd += ["--rules", rules]
        proc = subprocess.run(cmd, input="".join(blobs).encode("utf-8"), capture_output=True)
        if proc.returncode != 0:
            raise RuntimeError(f"the reduce of a group exited {proc.returncode}: "
                               + proc.stderr.decode("utf-8", "replace"))
        yield '{"positions":' + json.dumps(positions) + ',"report":' \
            + proc.stdout.decode("utf-8") + "}\n"

    return run


def merge_on_driver(parts, binary, args):
    """The groups' exports, as they arrive, into `claimdiff report --from-parts -`."""
    cmd = [binary, "report", "--from-parts", "-", "--format", args.format, "-o", args.output]
    if args.rules:
        cmd += ["--rules", args.rules]
    kept = open(args.parts_out, "w", encoding="utf-8") if args.parts_out else None
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    try:
        for part in parts:
            proc.stdin.write(part.encode("utf-8"))
            if kept:
                kept.write(part)
    finally:
        proc.stdin.close()
        if kept:
            kept.close()
    rc = proc.wait()
    if rc != 0:
        raise SystemExit(f"claimdiff_spark: the merge (claimdiff report --from-parts) exited {rc}")


def run_job(sc, args):
    """Map, keyed reduce, merge; returns the number of documents the map step skipped."""
    from pyspark import StorageLevel

    binary = os.path.abspath(args.binary)
    sc.addFile(binary)
    name = os.path.basename(binary)
    lines = numbered_lines(sc, input_files(sc, args.input), args.partitions)
    mapped = lines.mapPartitions(map_partition(name, args.rules))
    mapped = mapped.persist(StorageLevel.MEMORY_AND_DISK)
    problems = mapped.filter(lambda x: x[0] == PROBLEM).map(lambda x: x[1]).collect()
    for text in problems:
        print(text, file=sys.stderr)
    docs = mapped.filter(lambda x: x[0] == DOC).map(lambda x: x[1])
    keyed = docs.filter(lambda d: d[1]).map(lambda d: (d[0], d[1])).collect()
    reduces = args.reduces or sc.defaultParallelism
    groups, sizes = plan_groups(keyed, reduces)
    print(f"claimdiff_spark: {len(keyed)} document(s) with meetings in {len(sizes)} "
          f"component(s) (largest {sizes[0] if sizes else 0}), {reduces} reduce group(s)",
          file=sys.stderr)
    of = group_of(sc.broadcast(groups), reduces)
    shuffled = docs.map(lambda d: ((of(d[0]), d[0]), d[2])).repartitionAndSortWithinPartitions(
        reduces, partitionFunc=lambda k: k[0])
    parts = shuffled.mapPartitions(reduce_partition(name, args.rules))
    merge_on_driver(parts.toLocalIterator(prefetchPartitions=True), binary, args)
    # a renamed duplicate id is a note, not a skipped document
    return sum("(not an error)" not in p for p in problems)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("claimdiff").set("spark.ui.showConsoleProgress", "false")
    if args.master:
        conf = conf.setMaster(args.master)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    try:
        problems = run_job(sc, args)
    finally:
        sc.stop()
    # as a direct run: 1 when some input was reported (and skipped), else 0
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
