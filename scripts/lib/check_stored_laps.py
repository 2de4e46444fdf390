#!/usr/bin/env python3
"""Checks one round of scripts/crash-under-load.sh against the server's database.

Every lap the load tool logged (a `lap` message with "stored": true reached a driver) must be
in the `laps` table with the same id, session and lap number, and no lap may be stored twice
(two rows with one session and lap number). Prints the round's counts as one line and exits 1
when a lap is missing or doubled.

usage: check_stored_laps.py ROUND DATABASE STORED_LAPS.jsonl REPORT.json
"""
import json
import sqlite3
import sys


def main() -> int:
    round_name, database, log_path, report_path = sys.argv[1:5]
    acknowledged = [json.loads(line) for line in open(log_path, encoding="utf-8") if line.strip()]
    report = json.load(open(report_path, encoding="utf-8"))
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    rows = {row[0]: (row[1], row[2]) for row in connection.execute("SELECT id, session_id, lap_number FROM laps")}
    doubled = connection.execute(
        "SELECT session_id, lap_number, COUNT(*) FROM laps GROUP BY session_id, lap_number HAVING COUNT(*) > 1"
    ).fetchall()
    connection.close()

    missing = [lap for lap in acknowledged if rows.get(lap["lap_id"]) != (lap["session"], lap["lap"])]
    sessions = {lap["session"] for lap in acknowledged}
    totals = report["totals"]
    print(
        f"round {round_name}: laps acknowledged {len(acknowledged)} (in {len(sessions)} sessions), "
        f"missing from the database {len(missing)}, stored twice {len(doubled)}, laps in the database after all rounds so far {len(rows)}; "
        f"reconnects {report['reconnects']}, new sessions after a failed resume {totals['resumes_rejected']}, "
        f"connect failures {totals['connect_failures']}, errors {report['errors'] or 'none'}"
    )
    for lap in missing[:10]:
        print(f"  missing: {lap}")
    for session, number, count in doubled[:10]:
        print(f"  stored {count} times: session {session} lap {number}")
    return 1 if missing or doubled else 0


if __name__ == "__main__":
    sys.exit(main())
