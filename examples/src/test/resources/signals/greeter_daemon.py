"""greeter_daemon: a daemon with the classic signal interface.

Usage: greeter_daemon.py CONFIG, where CONFIG holds lines "key = value".
  SIGHUP   re-reads CONFIG and prints "reloaded greeting=..."
  SIGUSR1  prints a status line to stderr: "status: reloads=N greeting=..."
  SIGTERM  ends it (the default action)
Prints "loaded greeting=..." once its handlers are in place.
"""

import signal
import sys

config_path = sys.argv[1]
config = {}
reloads = 0


def load():
    with open(config_path, encoding="utf-8") as f:
        pairs = (line.split("=", 1) for line in f if "=" in line)
        return {key.strip(): value.strip() for key, value in pairs}


def reload(signum, frame):
    global config, reloads
    config = load()
    reloads += 1
    print(f"reloaded greeting={config.get('greeting')}", flush=True)


def dump_status(signum, frame):
    print(f"status: reloads={reloads} greeting={config.get('greeting')}", file=sys.stderr, flush=True)


config = load()
signal.signal(signal.SIGHUP, reload)
signal.signal(signal.SIGUSR1, dump_status)
print(f"loaded greeting={config.get('greeting')}", flush=True)
while True:
    signal.pause()
