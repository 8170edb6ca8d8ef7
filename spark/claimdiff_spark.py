#!/usr/bin/env python3
"""claimdiff on a Spark cluster, for corpora one machine cannot read in time.

The map step is the claimdiff binary itself: each partition of the JSON Lines corpus is written
to a local file on its executor and read by `claimdiff claims --format jsonl --records`, which
writes each document's records (its claim lines, then one `{"record":"document",...}` line with
its metadata, its meetings and which claim is about which meeting). The binary is shipped to the
executors with the job (`SparkContext.addFile`, the same as `spark-submit --files`).

The reduce runs on the driver: the records come back in input order (all partitions are mapped
at once and kept on the executors, then streamed to the driver partition by partition, never
collected whole) and are piped into `claimdiff report --from-claims -`, which
merges meetings across documents, compares accounts and writes the report. The result is, byte
for byte, what `claimdiff report` gives on the same files, because the reduce is the same code
reading the same per-document results in the same order. The merge across documents is not
split by blocking key: see "Scaling out on Spark" in the README for why.

    spark-submit spark/claimdiff_spark.py --input 'corpus/*.jsonl' --output report.json \
        --binary target/release/claimdiff --master local[2]

Each document's path is the input file as the glob names it and its line, as in a direct run.
Document ids must be unique across the corpus (a single run renames a repeated id; separate
partitions cannot, so the reduce refuses a repeated id rather than guess).
"""

import argparse
import glob
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

# what each item of the mapped RDD is: a record line, or a problem the binary reported
RECORD, PROBLEM = 0, 1


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
    p.add_argument("--records-out", default=None,
                   help="also keep the records here (what the map step sent to the driver)")
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
    """One RDD of (file, line number, line bytes) over all files, in input order."""
    rdds = []
    for f in files:
        lines = sc.textFile(f, minPartitions=partitions, use_unicode=False)
        rdds.append(lines.zipWithIndex().map(lambda li, f=f: (f, li[1] + 1, li[0])))
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
    """The map step: one partition's lines through `claimdiff claims --records`."""

    def run(rows):
        rows = list(rows)
        if not any(line.strip() for _, _, line in rows):
            return
        binary = local_binary(binary_name)
        with tempfile.TemporaryDirectory(prefix="claimdiff-part-") as d:
            part = os.path.join(d, "part.jsonl")
            with open(part, "wb") as out:
                out.write(b"\n".join(line for _, _, line in rows))
                out.write(b"\n")
            cmd = [binary, "claims", part, "--format", "jsonl", "--records", "--quiet"]
            if rules:
                cmd += ["--rules", rules]
            proc = subprocess.run(cmd, capture_output=True)
        where = {f"{part}:{i + 1}": f"{f}:{n}" for i, (f, n, _) in enumerate(rows)}
        for problem in proc.stderr.decode("utf-8", "replace").splitlines():
            yield PROBLEM, relocate_problem(problem, part, where)
        nothing_read = proc.returncode == 2 and not proc.stdout
        if proc.returncode not in (0, 1) and not nothing_read:
            raise RuntimeError(f"claimdiff exited {proc.returncode} on a partition")
        for line in proc.stdout.decode("utf-8").splitlines():
            yield RECORD, relocate_record(line, where)

    return run


def relocate_record(line, where):
    """A document line with its path put back to the input file and line it was read from."""
    if not line.startswith('{"record":"document"'):
        return line
    record = json.loads(line)
    doc = record["document"]
    doc["path"] = where.get(doc["path"], doc["path"])
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def relocate_problem(message, part, where):
    """A problem the binary reported, naming the input file and line rather than the part file."""
    prefix = "claimdiff: "
    body = message[len(prefix):] if message.startswith(prefix) else message
    at, sep, rest = body.partition(": ")
    if sep and at in where:
        return f"{prefix}{where[at]}: {rest}"
    return message.replace(part, "<partition>")


def reduce_on_driver(items, binary, args):
    """The reduce: every record, in input order, into `claimdiff report --from-claims -`.
    Returns the number of documents the map step reported skipped."""
    cmd = [binary, "report", "--from-claims", "-", "--format", args.format, "-o", args.output]
    if args.rules:
        cmd += ["--rules", args.rules]
    kept = open(args.records_out, "w", encoding="utf-8") if args.records_out else None
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    problems = 0
    try:
        for kind, text in items:
            if kind == PROBLEM:
                # a renamed duplicate id is a note, not a skipped document
                problems += "(not an error)" not in text
                print(text, file=sys.stderr)
                continue
            data = (text + "\n").encode("utf-8")
            proc.stdin.write(data)
            if kept:
                kept.write(text + "\n")
    finally:
        proc.stdin.close()
        if kept:
            kept.close()
    rc = proc.wait()
    if rc != 0:
        raise SystemExit(f"claimdiff_spark: the reduce (claimdiff report --from-claims) exited {rc}")
    return problems


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark import SparkConf, SparkContext, StorageLevel

    conf = SparkConf().setAppName("claimdiff").set("spark.ui.showConsoleProgress", "false")
    if args.master:
        conf = conf.setMaster(args.master)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("WARN")
    try:
        binary = os.path.abspath(args.binary)
        sc.addFile(binary)
        files = input_files(sc, args.input)
        lines = numbered_lines(sc, files, args.partitions)
        mapped = lines.mapPartitions(map_partition(os.path.basename(binary), args.rules))
        # every partition mapped at once (kept on the executors), then streamed to the driver one
        # partition after another, in order: a bare toLocalIterator would map one at a time
        mapped = mapped.persist(StorageLevel.MEMORY_AND_DISK)
        mapped.count()
        problems = reduce_on_driver(mapped.toLocalIterator(prefetchPartitions=True), binary, args)
    finally:
        sc.stop()
    # as a direct run: 1 when some input was reported (and skipped), else 0
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
