# junit-process: runs a program on a new pseudo-terminal (terminal mode, tty = true).
#
#   python3 -I -S -c <this file> COLUMNS ROWS PROGRAM [ARGS...]
#   python3 -I -S -c <this file> --probe       prints sys.executable once a pty could be opened
#
# The keeper leads a new session whose controlling terminal is the pty, and runs the program as its
# child in its own process group, the terminal's foreground group: signals sent to the group reach
# the program as they would from the keyboard, and the keeper itself only waits for the program.
# The pty is the program's stdin, stdout and stderr. The keeper types its own stdin (a pipe from the
# test) into the terminal, sends the terminal's end-of-file character (Ctrl-D) when that pipe ends,
# copies everything the terminal shows to its stdout, and exits as the program did: with its exit
# code, or killed by the same signal. Its stderr carries nothing but its own failures.
import errno
import fcntl
import os
import select
import signal
import struct
import sys
import termios
import time

# The signals a test sends; the keeper survives them, the program receives them itself.
HANDLED = (signal.SIGHUP, signal.SIGINT, signal.SIGQUIT, signal.SIGTERM,
           signal.SIGUSR1, signal.SIGUSR2)
# What the keyboard sends to the foreground group, which a job-control shell may have moved.
KEYBOARD = (signal.SIGINT, signal.SIGQUIT)
# After the program exited while something else still holds the terminal: how long the terminal
# may stay quiet before its output counts as complete, and how long it is read at most.
QUIET_SECONDS = 0.1
DRAIN_SECONDS = 2.0

master = -1


def on_signal(signum, frame):
    if signum in KEYBOARD and master >= 0:
        try:
            group = os.tcgetpgrp(master)
            if group > 0 and group != os.getpgrp():
                os.killpg(group, signum)
        except OSError:
            pass


def write_all(fd, data):
    while data:
        try:
            n = os.write(fd, data)
        except BlockingIOError:
            select.select([], [fd], [])
            continue
        data = data[n:]


def open_terminal(columns, rows):
    fd, slave = os.openpty()
    attrs = termios.tcgetattr(slave)
    attrs[0] |= getattr(termios, "IUTF8", 0)  # the test types UTF-8
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    if hasattr(termios, "TIOCSCTTY"):
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
    else:
        os.close(os.open(os.ttyname(slave), os.O_RDWR))  # the first tty a leader opens is its own
    return fd, slave


def run_program(slave, argv):
    try:
        signal.set_wakeup_fd(-1)
        for s in HANDLED + (signal.SIGCHLD, signal.SIGPIPE, signal.SIGXFSZ):
            signal.signal(s, signal.SIG_DFL)  # Python ignores PIPE and XFSZ; exec would keep that
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        if slave > 2:
            os.close(slave)
        os.execvp(argv[0], argv)
    except OSError as e:
        os.write(2, ("cannot run %s: %s\r\n" % (argv[0], e.strerror)).encode())
    os._exit(127)


def end_of_file(at_line_start):
    """Ctrl-D as the terminal defines it; twice after a partial line, which the first hands over."""
    try:
        attrs = termios.tcgetattr(master)  # on a master: the terminal's settings
        eof = attrs[6][termios.VEOF]
        eof = eof if isinstance(eof, bytes) else bytes([eof])
        canonical = attrs[3] & termios.ICANON
    except (OSError, termios.error):
        eof, canonical = b"\x04", True
    return eof if at_line_start or not canonical else eof + eof


def exit_as(status):
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            import resource
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # the program dumped core, not we
        except (ImportError, ValueError, OSError):
            pass
        signal.signal(sig, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [sig])
        os.kill(os.getpid(), sig)
        os._exit(128 + sig)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


def main():
    global master
    if sys.argv[1:] == ["--probe"]:
        fd, slave = os.openpty()
        os.close(fd)
        os.close(slave)
        print(sys.executable)
        return
    columns, rows, argv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    for s in HANDLED:
        signal.signal(s, on_signal)
    if os.getsid(0) != os.getpid():
        os.setsid()
    fd, slave = open_terminal(columns, rows)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    signal.set_wakeup_fd(wake_w)
    pid = os.fork()
    if pid == 0:
        os.close(fd)
        run_program(slave, argv)
    master = fd
    os.close(slave)
    os.set_blocking(master, False)

    typed = b""  # written by the test, not yet taken by the terminal
    stdin_open = True
    at_line_start = True
    terminal_open = True
    output_open = True
    status = None
    while status is None:
        readers = [wake_r] + ([master] if terminal_open else []) + ([0] if stdin_open else [])
        writers = [master] if typed and terminal_open else []
        ready, writable, _ = select.select(readers, writers, [])
        if wake_r in ready:
            while True:
                try:
                    if not os.read(wake_r, 512):
                        break
                except BlockingIOError:
                    break
            done, st = os.waitpid(pid, os.WNOHANG)
            if done:
                status = st
        if master in ready:
            try:
                data = os.read(master, 65536)
            except BlockingIOError:
                data = None
            except OSError as e:
                if e.errno != errno.EIO:
                    raise
                data = b""  # nobody holds the terminal any more
            if data == b"":
                terminal_open = False
                typed = b""
            elif data and output_open:
                try:
                    write_all(1, data)
                except BrokenPipeError:
                    output_open = False  # the test JVM is gone; the program keeps its terminal
        if 0 in ready:
            data = os.read(0, 65536)
            if data:
                typed += data
                at_line_start = data[-1:] in (b"\n", b"\r")
            else:
                stdin_open = False
                typed += end_of_file(at_line_start)
        if master in writable and typed:
            try:
                typed = typed[os.write(master, typed):]
            except BlockingIOError:
                pass
            except OSError as e:
                if e.errno != errno.EIO:
                    raise
                typed = b""

    # the program has exited: what it wrote is in the terminal; read it to the end, which comes
    # at once unless a descendant still holds the terminal
    deadline = time.monotonic() + DRAIN_SECONDS
    while terminal_open and output_open and time.monotonic() < deadline:
        if not select.select([master], [], [], QUIET_SECONDS)[0]:
            break
        try:
            data = os.read(master, 65536)
        except BlockingIOError:
            continue
        except OSError:
            break
        if not data:
            break
        try:
            write_all(1, data)
        except BrokenPipeError:
            break
    exit_as(status)


try:
    main()
except Exception as e:  # noqa: the test sees why on stderr
    sys.stderr.write("junit-process terminal: %s: %s\n" % (type(e).__name__, e))
    sys.stderr.flush()
    os._exit(125)
