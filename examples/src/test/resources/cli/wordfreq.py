"""wordfreq: prints the most frequent words of a text, one "COUNT WORD" per line.

Reads FILE, or stdin when no FILE is given. Words shorter than $WORDFREQ_MIN_LENGTH
(default 1) are ignored. Exit codes: 0 done, 1 input not readable, 2 usage error.
"""

import argparse
import collections
import os
import re
import sys


def main():
    parser = argparse.ArgumentParser(prog="wordfreq", description="Prints the most frequent words.")
    parser.add_argument("--top", type=int, default=10, metavar="N", help="how many words (default 10)")
    parser.add_argument("--out", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("file", nargs="?", metavar="FILE", help="the text (default: stdin)")
    args = parser.parse_args()

    try:
        if args.file is None:
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as f:
                text = f.read()
    except OSError as e:
        print(f"wordfreq: cannot read {args.file}: {e.strerror}", file=sys.stderr)
        return 1

    min_length = int(os.environ.get("WORDFREQ_MIN_LENGTH", "1"))
    words = [w for w in re.findall(r"[a-z']+", text.lower()) if len(w) >= min_length]
    counts = collections.Counter(words)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[: args.top]
    report = "".join(f"{count} {word}\n" for word, count in ranked)

    if args.out is None:
        sys.stdout.write(report)
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
