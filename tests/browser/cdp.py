"""cdp.py - drive a headless Chromium through the DevTools protocol.

Chromium is started with --remote-debugging-pipe: commands go to it on its
fd 3 and answers come back on its fd 4, one JSON message each, ended by a
NUL byte.  No network, no websocket, nothing outside Python's standard
library.  One page, flattened sessions.

    with Browser() as b:
        page = b.new_page()
        page.goto("file:///tmp/x.html")
        page.eval("document.title")
"""

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


class CDPError(Exception):
    pass


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    for path in ("/usr/bin/chromium", "/usr/lib/chromium/chromium"):
        if os.access(path, os.X_OK):
            return path
    return None


class Browser:
    def __init__(self, exe=None, timeout=20.0):
        self.exe = exe or find_chromium()
        if not self.exe:
            raise CDPError("no chromium found")
        self.timeout = timeout
        self.next_id = 0
        self.events = []  # (sessionId, method, params), in arrival order
        self.buf = b""

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="pulse-chromium.")
        to_chrome_r, self.w = os.pipe()
        self.r, from_chrome_w = os.pipe()
        # the child's fd 3 reads our commands, its fd 4 writes the answers
        def child():
            # via fds out of the way, so neither dup2 clobbers the other
            a = os.dup2(to_chrome_r, 100)
            b = os.dup2(from_chrome_w, 101)
            os.dup2(a, 3)
            os.dup2(b, 4)
        # 3 and 4 stay open in the child: subprocess closes the others
        # after calling child()
        self.proc = subprocess.Popen(
            [self.exe] + FLAGS + ["--user-data-dir=" + self.profile,
                                  "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, preexec_fn=child,
            pass_fds=(3, 4), close_fds=True)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        return self

    def __exit__(self, *exc):
        try:
            self.send("Browser.close", wait=False)
        except Exception:
            pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.w)
        os.close(self.r)
        shutil.rmtree(self.profile, ignore_errors=True)
        return False

    def _read_message(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CDPError("timed out waiting for chromium")
            import select
            ready, _, _ = select.select([self.r], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.r, 1 << 16)
            if not chunk:
                raise CDPError("chromium closed the pipe (exit %s)"
                               % self.proc.poll())
            self.buf += chunk
        msg, _, self.buf = self.buf.partition(b"\0")
        return json.loads(msg)

    def send(self, method, params=None, session=None, wait=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        if not wait:
            return None
        deadline = time.monotonic() + self.timeout
        while True:
            m = self._read_message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise CDPError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            if "method" in m:
                self.events.append((m.get("sessionId"), m["method"],
                                    m.get("params", {})))

    def wait_event(self, method, session=None, timeout=None):
        """The first event named method (already seen or coming)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            for i, (s, m, p) in enumerate(self.events):
                if m == method and (session is None or s == session):
                    del self.events[i]
                    return p
            m = self._read_message(deadline)
            if "method" in m:
                self.events.append((m.get("sessionId"), m["method"],
                                    m.get("params", {})))

    def new_page(self):
        target = self.send("Target.createTarget", {"url": "about:blank"})
        s = self.send("Target.attachToTarget",
                      {"targetId": target["targetId"], "flatten": True})
        return Page(self, s["sessionId"])


class Page:
    def __init__(self, browser, session):
        self.b = browser
        self.session = session
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(domain + ".enable")

    def send(self, method, params=None):
        return self.b.send(method, params, self.session)

    def goto(self, url):
        self.send("Page.navigate", {"url": url})
        self.b.wait_event("Page.loadEventFired", self.session)

    def eval(self, expr):
        r = self.send("Runtime.evaluate",
                      {"expression": expr, "returnByValue": True,
                       "awaitPromise": True})
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise CDPError("%s: %s" % (expr, d.get("exception", {}).get(
                "description", d.get("text"))))
        return r["result"].get("value")

    def click(self, selector):
        """A real mouse click in the middle of the first element found."""
        box = self.eval(
            "(function(){var e=document.querySelector(%s);"
            "if(!e)return null;e.scrollIntoView({block:'center'});"
            "var r=e.getBoundingClientRect();"
            "return [r.left+r.width/2,r.top+r.height/2];})()"
            % json.dumps(selector))
        if not box:
            raise CDPError("no element %s" % selector)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent",
                      {"type": kind, "x": box[0], "y": box[1],
                       "button": "left", "clickCount": 1})

    def events(self, method):
        return [p for s, m, p in self.b.events
                if m == method and s == self.session]

    def screenshot(self, path, width=1280):
        height = self.eval("Math.ceil(document.documentElement.scrollHeight)")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": int(height),
                   "deviceScaleFactor": 1, "mobile": False})
        self.eval("window.scrollTo(0,0)")
        shot = self.send("Page.captureScreenshot", {"format": "png"})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        self.send("Emulation.clearDeviceMetricsOverride")
