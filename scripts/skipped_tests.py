#!/usr/bin/env python3
"""Reports the tests Swift Testing skipped, from the JSON event streams of `swift test
--event-stream-output-path FILE --event-stream-version 0` (one file per run).

Prints how many tests ran and were skipped, and each skip reason with its tests. Exits 1 when a
skip breaks the rules of docs/development.md:
- every skip says why (`.enabled(if:_:)`/`.disabled(_:)` with a comment, `Test.cancel("...")`);
- with --shared-data-present, no test may skip for want of ../shared/data, which the reason
  says by naming "shared/data". Other reasons (a tool that could not be installed) may stand.

usage: skipped_tests.py [--shared-data-present] EVENT_STREAM.jsonl...
"""
import collections
import json
import re
import sys

DATA_REASON = re.compile(r"shared/data")
SKIPPED_MESSAGE = re.compile(r'(?:skipped|cancelled)[^:"]*: "(.*)"$')


def reason_of(payload: dict) -> str:
    """The skip's comment: `_comments` when the stream has it, else the message's quoted text."""
    comments = [c for c in payload.get("_comments") or [] if c]
    if comments:
        return " ".join(comments)
    for message in payload.get("messages") or []:
        match = SKIPPED_MESSAGE.search(message.get("text", ""))
        if match:
            return match.group(1)
    return ""


def display_name(test_id: str) -> str:
    """`Module.Suite/test()/File.swift:12:3` without the source location."""
    return re.sub(r"/[^/]+\.swift:\d+:\d+$", "", test_id)


def read_streams(paths: list) -> tuple:
    functions, skipped = set(), {}
    for path in paths:
        try:
            lines = open(path, encoding="utf-8").read().splitlines()
        except OSError as error:
            print(f"skip report: cannot read {path}: {error}")
            continue
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            payload = record.get("payload", {})
            if record.get("kind") == "test":
                if payload.get("kind") == "function":
                    functions.add(payload["id"])
            elif payload.get("kind") in ("testSkipped", "testCancelled"):
                skipped.setdefault(payload.get("testID", ""), reason_of(payload))
    # A skipped suite reports itself and each of its tests: count the tests.
    skipped = {test: reason for test, reason in skipped.items() if test in functions}
    return functions, skipped


def main() -> int:
    arguments = sys.argv[1:]
    data_present = "--shared-data-present" in arguments
    paths = [a for a in arguments if not a.startswith("--")]
    functions, skipped = read_streams(paths)
    by_reason = collections.defaultdict(list)
    for test, reason in skipped.items():
        by_reason[reason].append(display_name(test))

    print(f"== skipped tests: {len(skipped)} of {len(functions)}")
    for reason, tests in sorted(by_reason.items(), key=lambda item: (-len(item[1]), item[0])):
        print(f"  {len(tests):4d}  {reason or '(no reason given)'}")
        for test in sorted(tests)[:5]:
            print(f"          {test}")
        if len(tests) > 5:
            print(f"          ... and {len(tests) - 5} more")

    broken = []
    for reason, tests in by_reason.items():
        if not reason:
            broken += [f"{test}: skipped without a reason" for test in tests]
        elif data_present and DATA_REASON.search(reason):
            broken += [f"{test}: skipped although ../shared/data is present (\"{reason}\")" for test in tests]
    if broken:
        print(f"== {len(broken)} skips break the rules (docs/development.md, \"Skipped tests\"):")
        for line in sorted(broken):
            print(f"  {line}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
