"""Headless Chromium for the page tests and scripts/look.py, with the network switched off.

The simplest robust route: no DevTools websocket, just two `chromium` runs on a copy of the page with a probe script
injected at the top of <head>. The probe records uncaught errors, console.error calls and every resource the page
loaded, and writes them with the vis network's counts into a hidden <pre>; `--dump-dom` prints the DOM after
`--virtual-time-budget` has let timers (vis-network's stabilisation) run. `--screenshot` takes the picture.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
    # Any request that would leave the machine goes to a closed local port.
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
)
PROBE_ID = "unkg-probe"
PROBE = """<script>
(function () {
  var errors = [];
  window.addEventListener("error", function (e) {
    var where = e.target && e.target !== window ? " (" + (e.target.src || e.target.href || e.target.tagName) + ")" : "";
    errors.push("error: " + (e.message || "resource failed") + where);
  }, true);
  window.addEventListener("unhandledrejection", function (e) { errors.push("rejection: " + e.reason); });
  var original = console.error;
  console.error = function () {
    errors.push("console.error: " + Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
  function report() {
    var out = {errors: errors, network: false, exercised: !!window.unkgExercised};
    try {
      out.network = typeof vis !== "undefined" && typeof network !== "undefined" && network instanceof vis.Network;
      if (out.network) {
        out.nodes = network.body.data.nodes.length;
        out.edges = network.body.data.edges.length;
        out.drawn_nodes = network.body.nodeIndices.length;
        out.drawn_edges = network.body.edgeIndices.length;
      }
      var data = document.getElementById("unkg-data");
      if (data) {
        var parsed = JSON.parse(data.textContent);
        out.data_nodes = parsed.nodes.length;
        out.data_edges = parsed.edges.length;
      }
      out.resources = performance.getEntriesByType("resource").map(function (r) { return r.name; });
      out.counts_text = (document.getElementById("unkg-counts") || {}).textContent || null;
      if (out.network) {
        var titles = network.body.data.nodes.get().concat(network.body.data.edges.get());
        out.titles = titles.filter(function (t) {
          return t.title instanceof HTMLElement && t.title.textContent;
        }).length;
        out.selected = network.getSelectedNodes();
      }
    } catch (exc) {
      errors.push("probe: " + exc);
    }
    var pre = document.getElementById("%(id)s");
    if (!pre) {
      pre = document.createElement("pre");
      pre.id = "%(id)s";
      pre.hidden = true;
      document.body.appendChild(pre);
    }
    pre.textContent = JSON.stringify(out);
  }
  function exercise() {
    // What a reader does first: toggle each legend entry, click a node, click empty space, use the find box.
    try {
      document.querySelectorAll("#unkg-legend li").forEach(function (li) { li.click(); li.click(); });
      var first = network.body.data.nodes.getIds()[0];
      if (first !== undefined) { network.body.emitter.emit("click", {nodes: [first], edges: []}); }
      network.body.emitter.emit("click", {nodes: [], edges: []});
      var find = document.getElementById("unkg-find");
      if (find && first !== undefined) {
        find.value = network.body.data.nodes.get(first).code;
        find.dispatchEvent(new Event("change"));
      }
      window.unkgExercised = true;
    } catch (exc) {
      errors.push("exercise: " + exc);
    }
  }
  window.addEventListener("load", function () {
    report();
    setTimeout(function () { exercise(); report(); }, 200);
    setInterval(report, 500);
  });
})();
</script>""" % {"id": PROBE_ID}


class BrowserError(RuntimeError):
    """Chromium is missing, failed or produced no probe output."""


def find_chromium() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def remote_references(page_html: str) -> list[str]:
    """Scripts, stylesheets, fonts, images or frames that a page would fetch over http(s)."""
    patterns = (
        r"<(?:script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]+)",
        r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]+)",
        r"@import\s+(?:url\()?\s*[\"']?((?:https?:)?//[^\"')\s;]+)",
        r"url\(\s*[\"']?((?:https?:)?//[^\"')\s]+)",
    )
    return sorted({m.group(1) for p in patterns for m in re.finditer(p, page_html, re.I)})


def _run(binary: str, args: list[str], profile: str, timeout: int) -> subprocess.CompletedProcess:
    cmd = [binary, *FLAGS, f"--user-data-dir={profile}", *args]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise BrowserError(f"chromium timed out after {timeout}s: {' '.join(cmd[-2:])}") from exc


def inspect(page: Path, *, screenshot: Path | None = None, size: tuple[int, int] = (1500, 950),
            budget_ms: int = 20000, timeout: int = 120) -> dict:
    """Loads `page` offline; returns the probe's record (errors, counts, resources); optionally screenshots it."""
    binary = find_chromium()
    if binary is None:
        raise BrowserError("no chromium found (Debian: apt-get install chromium)")
    text = Path(page).read_text(encoding="utf-8")
    probed = re.sub(r"<head>", lambda m: m.group(0) + "\n" + PROBE, text, count=1, flags=re.I)
    if probed == text:
        raise BrowserError(f"{page}: no <head> to put the probe in")
    with tempfile.TemporaryDirectory(prefix="unkg-chromium-") as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_text(probed, encoding="utf-8")
        url = copy.as_uri()
        common = [f"--virtual-time-budget={budget_ms}", f"--window-size={size[0]},{size[1]}"]
        done = _run(binary, [*common, "--dump-dom", url], str(Path(tmp) / "profile-dom"), timeout)
        found = re.search(rf'<pre id="{PROBE_ID}"[^>]*>(.*?)</pre>', done.stdout, re.S)
        if not found:
            raise BrowserError(f"{page}: no probe output (exit {done.returncode}): {done.stderr[-800:]}")
        record = json.loads(html.unescape(found.group(1)))
        if screenshot is not None:  # of the page as a reader first sees it, without the probe's clicks
            screenshot = Path(screenshot).resolve()
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            plain = Path(tmp) / "plain.html"
            plain.write_text(text, encoding="utf-8")
            args = [*common, f"--screenshot={screenshot}", plain.as_uri()]
            shot = _run(binary, args, str(Path(tmp) / "profile-shot"), timeout)
            if not screenshot.is_file():
                raise BrowserError(f"{page}: no screenshot (exit {shot.returncode}): {shot.stderr[-800:]}")
            record["screenshot"] = str(screenshot)
    return record
