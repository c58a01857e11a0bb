#!/usr/bin/env python3
"""Segflow under Apache Spark: every document of a folder becomes one JSON Lines record
{"id", "text"}, Spark pipes the records through `segflow stream` (RDD.pipe), and the segment
records come back as JSON Lines — the same contract Hadoop Streaming or any job runner can use.

usage: segflow_spark.py SEGFLOW_BINARY INPUT_FOLDER OUTPUT_FILE [PARTITIONS] [PIPELINE]

Runs Spark in local mode (local[*]); on a cluster, ship the binary with --files and use the
same code. Prints a one-line summary: documents, segments, errors.
"""
import json
import os
import shlex
import sys

from pyspark.sql import SparkSession


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    binary, folder, output = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    partitions = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    command = [binary, "stream"]
    if len(sys.argv) > 5:
        command += ["--pipeline", os.path.abspath(sys.argv[5])]

    spark = SparkSession.builder.master("local[*]").appName("segflow").config("spark.ui.enabled", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        # (path, content) pairs; the record id is the file name without its extension.
        files = spark.sparkContext.wholeTextFiles(folder, minPartitions=partitions)
        records = files.map(lambda pair: json.dumps(
            {"id": os.path.splitext(os.path.basename(pair[0]))[0], "text": pair[1]}, ensure_ascii=False))
        # pipe() writes each record as one line to segflow's standard input and reads its
        # output lines back; segflow flushes after every record.
        lines = records.pipe(shlex.join(command)).collect()
    finally:
        spark.stop()

    segments = [json.loads(line) for line in lines if line.strip()]
    errors = [record for record in segments if "error" in record]
    # Stable order whatever the partitioning: by document, then block and sentence.
    good = sorted((r for r in segments if "error" not in r), key=lambda r: (r["document"], r["block"], r["index"]))
    with open(output, "w", encoding="utf-8") as f:
        for record in good:
            f.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    documents = len({r["document"] for r in good})
    print(f"segflow-spark: {documents} documents, {len(good)} segments, {len(errors)} errors")
    for error in errors:
        print(f"segflow-spark: error in record {error.get('id')}: {error.get('error')}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
