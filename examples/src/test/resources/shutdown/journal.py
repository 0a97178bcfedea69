"""journal: keeps the lines it reads from stdin in memory, and writes them to journal.txt
(in its working directory) when it is told to stop with SIGTERM, then exits 0.

Prints "ready" once its SIGTERM handler is in place, and "got N" after each line.
"""

import signal
import sys

records = []


def flush_and_exit(signum, frame):
    with open("journal.txt", "w", encoding="utf-8") as f:
        f.writelines(records)
    print(f"flushed {len(records)} records", flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, flush_and_exit)
print("ready", flush=True)
for line in sys.stdin:
    records.append(line)
    print(f"got {len(records)}", flush=True)
