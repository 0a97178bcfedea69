"""shouting_worker: a long-running worker. Reads requests "ID TEXT", answers "ID TEXT-IN-CAPITALS".

Prints "ready" when it takes requests. The request "ID crash" makes it exit with code 1,
like a worker hitting a fatal bug.
"""

import sys

print("ready", flush=True)
for line in sys.stdin:
    request_id, _, text = line.rstrip("\n").partition(" ")
    if text == "crash":
        print(f"{request_id} crashing", flush=True)
        sys.exit(1)
    print(f"{request_id} {text.upper()}", flush=True)
