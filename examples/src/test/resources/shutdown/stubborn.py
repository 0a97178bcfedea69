"""stubborn: a server that ignores SIGTERM (it only says so); only SIGKILL ends it."""

import signal


def ignore(signum, frame):
    print("ignoring SIGTERM", flush=True)


signal.signal(signal.SIGTERM, ignore)
print("ready", flush=True)
while True:
    signal.pause()
