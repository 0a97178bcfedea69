"""fetch: prints the body of an HTTP GET. Usage: fetch.py URL. Exit 1 on an HTTP error."""

import sys
import urllib.error
import urllib.request

try:
    with urllib.request.urlopen(sys.argv[1], timeout=10) as response:
        sys.stdout.write(response.read().decode())
except urllib.error.HTTPError as e:
    print(f"fetch: HTTP {e.code} {e.reason}", file=sys.stderr)
    sys.exit(1)
