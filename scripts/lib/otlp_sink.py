"""An OTLP/HTTP collector stand-in for scripts/bench-tracing.sh: answers every POST to
/v1/traces with an empty success (as a collector that accepts everything) and counts the
requests and bytes, printed to stdout when stopped (SIGTERM). It decodes nothing: the tests'
fake collector checks the payload; this only has to take it as fast as a real one would."""
import http.server
import signal
import sys

counts = {"requests": 0, "bytes": 0}


class Sink(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        counts["requests"] += 1
        counts["bytes"] += length
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def stop(*_):
    print(f"requests {counts['requests']} bytes {counts['bytes']}", flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
