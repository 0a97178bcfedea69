"""A toy password vault with an interactive prompt: only usable on a terminal.

It asks for a user name, then a password with getpass (read from /dev/tty, not echoed), greets in
colour when stdout is a terminal, and then answers commands at a "vault> " prompt until "quit" or
end of input (Ctrl-D). Without a terminal it refuses to start, as many such programs do.
"""
import getpass
import shutil
import sys

SECRETS = {"alice": ("open sesame", ["wifi: hunter2", "bike lock: 1234"])}


def main():
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("vault: needs a terminal", file=sys.stderr)
        return 2
    user = input("Username: ")
    password = getpass.getpass("Password: ")
    if SECRETS.get(user, (None,))[0] != password:
        print("Access denied")
        return 1
    print("\033[32mWelcome, %s\033[0m" % user)
    while True:
        try:
            command = input("vault> ").strip()
        except EOFError:
            print("bye")
            return 0
        if command == "list":
            for secret in SECRETS[user][1]:
                print(secret)
        elif command == "width":
            print("width: %d" % shutil.get_terminal_size().columns)
        elif command == "quit":
            return 0
        else:
            print("unknown command: %s" % command)


sys.exit(main())
