"""pid_server: answers every GET with its own process id.

Usage: pid_server.py PORT. Tells apart servers that are alike in all but their process.
"""

import http.server
import os
import sys


class Pid(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"{os.getpid()}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


port = int(sys.argv[1])
with http.server.ThreadingHTTPServer(("127.0.0.1", port), Pid) as server:
    server.serve_forever()
