"""Drives headless Chromium over the DevTools protocol: loads the page of `reprint serve`, compares
two texts, checks the highlighted passages in the DOM against the API's answer, follows a passage
link, and saves a screenshot.

Usage: browser_check.py URL A_FILE B_FILE SCREENSHOT.png [--relation paraphrase]
Needs websocket-client (Scripts/browser-check.sh installs it in a venv)."""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket


class Page:
    """One Chromium tab reached over the DevTools protocol."""

    def __init__(self, socket_url):
        self.socket = websocket.create_connection(socket_url, timeout=30)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"page error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.1)
        raise SystemExit(f"browser check failed: timed out waiting for {what}")


def start_chromium(profile, port):
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    process = subprocess.Popen(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--remote-debugging-port={port}",
         f"--user-data-dir={profile}", "--window-size=1400,1200", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as response:
                pages = [t for t in json.load(response) if t["type"] == "page"]
                if pages:
                    return process, pages[0]["webSocketDebuggerUrl"]
        except OSError:
            pass
        time.sleep(0.2)
    process.kill()
    raise SystemExit("chromium did not start")


def check(condition, message):
    if not condition:
        raise SystemExit(f"browser check failed: {message}")
    print(f"ok: {message}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("screenshot")
    parser.add_argument("--relation", default="paraphrase")
    parser.add_argument("--devtools-port", type=int, default=9333)
    args = parser.parse_args()

    profile = tempfile.mkdtemp(prefix="reprint-chromium-")
    process, socket_url = start_chromium(profile, args.devtools_port)
    try:
        page = Page(socket_url)
        page.call("Page.enable")
        page.call("Page.navigate", url=args.url)
        page.wait_for("document.readyState === 'complete' && !!document.getElementById('compare')", "the page")

        texts = [open(path, encoding="utf-8").read() for path in (args.a, args.b)]
        page.evaluate(f"document.getElementById('text-a').value = {json.dumps(texts[0])};"
                      f"document.getElementById('text-b').value = {json.dumps(texts[1])}; true")
        page.evaluate("document.getElementById('compare').click(); true")
        page.wait_for("document.querySelectorAll('#doc-b mark.passage').length > 0"
                      " || document.getElementById('status').className === 'error'", "the comparison")

        # What the page sent (a textarea turns CRLF into LF), and the API's answer for it.
        sent = page.evaluate("[document.getElementById('text-a').value, document.getElementById('text-b').value]")
        request = urllib.request.Request(
            args.url.rstrip("/") + "/v1/compare", data=json.dumps({"a": sent[0], "b": sent[1]}).encode(),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            pair = json.load(response)

        relation = page.evaluate("document.getElementById('relation').dataset.relation")
        check(relation == args.relation, f"the page shows the relation {relation} (expected {args.relation})")
        passages = pair["passages"]
        check(len(passages) > 0, f"the API found {len(passages)} passages")
        # Each passage is cut into pieces at the boundaries of the passages it overlaps: its text is
        # the pieces listing it in data-passages, and it starts at the anchor SIDE-passage-N.
        pieces = page.evaluate("""(() => {
            const read = (side) => Array.from(document.querySelectorAll('#doc-' + side + ' mark.passage'))
                .map((m) => ({ passages: m.dataset.passages.split(' ').map(Number), text: m.textContent,
                               kind: m.classList.contains('verbatim') ? 'verbatim' : 'paraphrase' }));
            return { a: read('a'), b: read('b') };
        })()""")
        for side in ("a", "b"):
            text = sent[0] if side == "a" else sent[1]
            anchors = page.evaluate(f"document.querySelectorAll('#doc-{side} .anchor').length")
            check(anchors == len(passages), f"side {side} marks where each of the {anchors} passages starts")
            for index, passage in enumerate(passages):
                start, end = passage[side]
                shown = "".join(p["text"] for p in pieces[side] if index in p["passages"])
                # Python indexes strings by code point, as the API's offsets count Unicode scalars.
                if shown != text[start:end]:
                    raise SystemExit(f"browser check failed: side {side} passage {index} highlights "
                                     f"{shown[:60]!r}, expected {text[start:end][:60]!r}")
            print(f"ok: every passage highlighted on side {side} is the text at the API's offsets ({len(pieces[side])} pieces)")
        kinds = sorted({p["kind"] for p in pieces["a"]})
        check(kinds == ["paraphrase", "verbatim"], f"both kinds of passage are shown: {', '.join(kinds)}")

        # Clicking the last piece on side a scrolls side b to its counterpart and flashes it.
        last = page.evaluate("""(() => {
            const marks = document.querySelectorAll('#doc-a mark.passage'), mark = marks[marks.length - 1];
            mark.click();
            return Number(mark.dataset.passage);
        })()""")
        page.wait_for(f"document.querySelector('#doc-b mark[data-passages~=\"{last}\"]').classList.contains('flash')",
                      "the counterpart to flash")
        time.sleep(1.0)
        visible = page.evaluate(f"""(() => {{
            const pane = document.getElementById('doc-b'), mark = document.querySelector('#doc-b mark[data-passages~="{last}"]');
            const p = pane.getBoundingClientRect(), m = mark.getBoundingClientRect();
            return m.bottom > p.top && m.top < p.bottom;
        }})()""")
        check(visible, f"clicking passage {last} on side a scrolled side b to its counterpart")

        # Show the first passages for the screenshot, with the flash of the link still visible.
        page.evaluate("window.scrollTo(0, document.getElementById('result').offsetTop - 10);"
                      "document.getElementById('doc-a').scrollTop = 0; document.getElementById('doc-b').scrollTop = 0; true")
        page.evaluate("document.querySelector('#doc-a mark.passage').click(); true")
        time.sleep(0.3)
        shot = page.call("Page.captureScreenshot", format="png")
        os.makedirs(os.path.dirname(args.screenshot) or ".", exist_ok=True)
        with open(args.screenshot, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
        print(f"screenshot: {args.screenshot}")
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
