#!/usr/bin/env python3
"""Compares two runs of one suite, typically Surefire's and cloudist's (benchmarks/public-suite.sh).

    python3 benchmarks/compare_reports.py EXPECTED_RUN ACTUAL_RUN

Each run is a directory holding the run's reports in surefire-reports/ and its Maven console log in mvn.log. Two
things are compared, each as a multiset (order does not matter, repeats do):

  reports  (testcase classname, name, outcome) from every surefire-reports/TEST-*.xml, where the outcome is
           failure, error or skipped when the testcase has that child element, else passed
  console  every console line "Tests run: N, Failures: N, Errors: N, Skipped: N..." with its log level: one per
           class, and the totals in the Results: block; the value of "Time elapsed" is left out

It prints a line for each, and where they differ the first 10 entries found only in one run, then the first 10 only
in the other. Exit status: 0 when both match, 1 when they differ, 2 when a run has no reports or no log.
"""
import collections
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

SHOWN = 10
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Not anchored at the start of the line: a test that prints without a final newline leaves its text in front.
TESTS_RUN = re.compile(r"(?:\[(?:INFO|WARNING|ERROR)\] )?Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+.*")
ELAPSED = re.compile(r"Time elapsed: \S+")


def outcome(testcase):
    tags = {child.tag for child in testcase}
    for tag in ("failure", "error", "skipped"):
        if tag in tags:
            return tag
    # Passed, possibly after reruns (flakyFailure, flakyError).
    return "passed"


def reports(run):
    files = sorted((run / "surefire-reports").glob("TEST-*.xml"))
    cases = collections.Counter()
    for f in files:
        for testcase in ET.parse(f).getroot().iter("testcase"):
            cases[(testcase.get("classname", ""), testcase.get("name", ""), outcome(testcase))] += 1
    return len(files), cases


def console(run):
    lines = collections.Counter()
    with open(run / "mvn.log", encoding="utf-8", errors="replace") as log:
        for line in log:
            match = TESTS_RUN.search(ANSI.sub("", line).rstrip())
            if match:
                lines[ELAPSED.sub("Time elapsed: _", match.group(0))] += 1
    return lines


def show_difference(what, expected_name, expected, actual_name, actual):
    """Prints whether two multisets are equal and, if not, the first entries of each side's surplus."""
    total_e, total_a = sum(expected.values()), sum(actual.values())
    if expected == actual:
        print(f"{what}: same ({total_e})")
        return True
    print(f"{what}: differ ({total_e} in {expected_name}, {total_a} in {actual_name})")
    for name, surplus in ((expected_name, expected - actual), (actual_name, actual - expected)):
        entries = sorted(surplus.elements())
        print(f"  only in {name}: {len(entries)}" + (f", the first {SHOWN}:" if len(entries) > SHOWN else ""))
        for entry in entries[:SHOWN]:
            print("    " + (" | ".join(entry) if isinstance(entry, tuple) else entry))
    return False


def main(argv):
    if len(argv) != 2 or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    runs = [pathlib.Path(a) for a in argv]
    for run in runs:
        if not (run / "mvn.log").is_file() or not any((run / "surefire-reports").glob("TEST-*.xml")):
            print(f"{run}: no mvn.log or no surefire-reports/TEST-*.xml", file=sys.stderr)
            return 2
    (files_e, cases_e), (files_a, cases_a) = reports(runs[0]), reports(runs[1])
    names = [run.name for run in runs]
    print(f"TEST-*.xml files: {files_e} in {names[0]}, {files_a} in {names[1]}")
    same = show_difference("reports (classname | name | outcome)", names[0], cases_e, names[1], cases_a)
    same &= show_difference("console (Tests run: lines)", names[0], console(runs[0]), names[1], console(runs[1]))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
