"""greeting_server: a small HTTP API. GET /hello?name=X answers "hello, X".

Usage: greeting_server.py PORT. Logs "listening on ..." to stderr once it accepts
connections, then one line per request.
"""

import http.server
import sys
import urllib.parse


class Greetings(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/hello":
            self.send_error(404, "try /hello?name=you")
            return
        name = urllib.parse.parse_qs(url.query).get("name", ["world"])[0]
        body = f"hello, {name}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


port = int(sys.argv[1])
with http.server.ThreadingHTTPServer(("127.0.0.1", port), Greetings) as server:
    print(f"listening on http://127.0.0.1:{port}", file=sys.stderr, flush=True)
    server.serve_forever()
