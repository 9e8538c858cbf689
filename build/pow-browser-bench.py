#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times the tip line's proof-of-work in Debian's Chromium (headless), as the intake page runs it.

Serves pow.js (the file the intake serves) and one page on 127.0.0.1, opens the page in a headless
Chromium, and there solves RUNS random challenges one after the other, each in a new Web Worker
loaded from pow.js, timed from the worker's creation to its answer (the intake page's
data-pow-ms). The page posts the times back; this prints their median and p90 and the load average.

    python3 build/pow-browser-bench.py [runs 20] [bits 4] [puzzles 4] [KiB 128]

docs/benchmarks.md, "The tip line's proof-of-work".
"""
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POW = os.path.join(ROOT, "vigil-app", "src", "main", "resources", "org", "vigil", "tips", "pow.js")
RUNS, BITS, COUNT, KIB = ([int(a) for a in sys.argv[1:5]] + [20, 4, 4, 128][len(sys.argv[1:5]):])

PAGE = """<!doctype html><meta charset="utf-8"><title>pow bench</title>
<script src="/bench.js"></script>"""

BENCH = """
function challenge() {
  var b = new Uint8Array(45); crypto.getRandomValues(b);
  var s = btoa(String.fromCharCode.apply(null, b));
  return s.replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
}
var times = [];
function one() {
  if (times.length === %(runs)d) {
    fetch('/result', {method: 'POST', body: JSON.stringify(times)});
    return;
  }
  var began = Date.now();
  var worker = new Worker('/pow.js');
  worker.onmessage = function () { times.push(Date.now() - began); worker.terminate(); one(); };
  worker.postMessage({challenge: challenge(), bits: %(bits)d, count: %(count)d, memoryKib: %(kib)d});
}
one();
""" % {"runs": RUNS, "bits": BITS, "count": COUNT, "kib": KIB}

done = threading.Event()
result = []


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/pow.js":
            with open(POW, "rb") as f:
                self.send(f.read(), "text/javascript")
        elif self.path == "/bench.js":
            self.send(BENCH.encode(), "text/javascript")
        else:
            self.send(PAGE.encode(), "text/html; charset=utf-8")

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        result.extend(json.loads(body))
        self.send(b"", "text/plain")
        done.set()

    def send(self, body, kind):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
profile = tempfile.mkdtemp(prefix="vigil-pow-bench")
load_before = os.getloadavg()
browser = subprocess.Popen(
    ["/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
     "--user-data-dir=" + profile, "http://127.0.0.1:%d/" % server.server_address[1]],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    if not done.wait(600):
        sys.exit("no answer from Chromium in 600 s")
finally:
    browser.terminate()
    browser.wait(30)
    server.shutdown()
    shutil.rmtree(profile, ignore_errors=True)
times = sorted(result)
at = lambda q: times[int(q * (len(times) - 1))]
print("Chromium, %d puzzles of %d bits, %d KiB, %d runs: wall median %d ms, p90 %d ms, max %d ms;"
      " load average %.2f before, %.2f after"
      % (COUNT, BITS, KIB, len(times), at(0.5), at(0.9), times[-1], load_before[0],
         os.getloadavg()[0]))
