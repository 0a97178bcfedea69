"""backend: a slow-starting HTTP backend that answers every GET with one fixed line.

Usage: backend.py NAME PORT ANSWER. Takes half a second before it listens, as a real backend
takes time to load its data, so that a start that waits for it shows in the startup timings.
"""

import http.server
import sys
import time

name, port, answer = sys.argv[1], int(sys.argv[2]), sys.argv[3]


class Answer(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"{answer}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass  # one line per request would drown the ready line


time.sleep(0.5)  # loading its data
with http.server.ThreadingHTTPServer(("127.0.0.1", port), Answer) as server:
    print(f"{name} listening on {port}", flush=True)
    server.serve_forever()
