"""A supervisor with two workers. On SIGTERM the supervisor exits at once; each worker, which gets
SIGTERM too, drains its work and says goodbye after it."""
import os
import signal
import subprocess
import sys
import time


def say(line):
    # one write per line: the three processes share the pipe, and their lines must not interleave
    os.write(1, (line + "\n").encode())


def worker(n):
    def stop(signum, frame):
        say(f"worker {n}: draining")
        time.sleep(0.1)  # the work still in hand
        say(f"worker {n}: bye")
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    say(f"worker {n}: up")
    while True:
        signal.pause()


def supervisor():
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    for n in (1, 2):
        subprocess.Popen([sys.executable, __file__, "worker", str(n)])
    say("ready")
    while True:
        signal.pause()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "worker":
        worker(sys.argv[2])
    else:
        supervisor()
