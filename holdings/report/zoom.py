"""The page's one script: zooming every chart to a date range, offline.

Inline and small, allowed by the page's Content-Security-Policy through its hash alone (no
``unsafe-inline``), and fetching nothing. The range comes from the date fields above the
charts, the preset buttons, a drag across any chart, or the address (``#from=2024-01-01&
to=2024-12-31``, which the page keeps current so a zoomed view can be linked). The charts are
drawn by Python on the page's full range; the script redraws only x positions and the dated
ticks (the same steps and labels as ``timeaxis.py``) and hides table rows outside the range.
Without scripts the page shows the full range and the controls stay hidden.
"""

from __future__ import annotations

import base64
import hashlib

SCRIPT = r"""
(function () {
  "use strict";
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
    "Dec"];
  var STEPS = [["day", 1], ["day", 2], ["week", 1], ["week", 2], ["month", 1], ["month", 2],
    ["month", 3], ["month", 6], ["year", 1], ["year", 2], ["year", 5], ["year", 10],
    ["year", 20], ["year", 50], ["year", 100]];
  var SPACING = 84;

  function toDay(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY : null;
  }
  function parts(t) {
    var d = new Date(t * DAY);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
  function iso(t) { return new Date(t * DAY).toISOString().slice(0, 10); }
  function utc(y, m, d) { return Date.UTC(y, m - 1, d) / DAY; }

  function ticks(t0, t1, unit, n) {
    var out = [], t, p, y, m;
    if (unit === "day" || unit === "week") {
      var size = unit === "day" ? n : 7 * n, origin = 4;  /* 1970-01-05, a Monday */
      var offset = (((t0 - origin) % size) + size) % size;
      for (t = t0 + (size - offset) % size; t <= t1 && out.length <= 400; t += size) {
        out.push(t);
      }
      return out;
    }
    p = parts(t0); y = p[0]; m = p[1];
    if (unit === "month") {
      if (p[2] !== 1) { m += 1; if (m > 12) { y += 1; m = 1; } }
      while ((m - 1) % n) { m += 1; if (m > 12) { y += 1; m = 1; } }
      for (t = utc(y, m, 1); t <= t1 && out.length <= 400; t = utc(y, m, 1)) {
        out.push(t);
        m += n;
        while (m > 12) { y += 1; m -= 12; }
      }
      return out;
    }
    y = p[0] + ((p[1] === 1 && p[2] === 1) ? 0 : 1);
    y += (((-y) % n) + n) % n;
    for (; utc(y, 1, 1) <= t1 && out.length <= 400; y += n) { out.push(utc(y, 1, 1)); }
    return out;
  }
  function label(t, unit) {
    var p = parts(t);
    if (unit === "day" || unit === "week") { return p[2] + " " + MONTHS[p[1] - 1] + " " + p[0]; }
    if (unit === "month") { return MONTHS[p[1] - 1] + " " + p[0]; }
    return String(p[0]);
  }
  function chooseTicks(t0, t1, width) {
    var room = Math.max(2, Math.floor(width / SPACING));
    for (var i = 0; i < STEPS.length; i++) {
      var found = ticks(t0, t1, STEPS[i][0], STEPS[i][1]);
      if (found.length <= room) {
        return found.map(function (t) { return [t, label(t, STEPS[i][0])]; });
      }
    }
    return [];
  }
  function el(name, attrs, text) {
    var node = document.createElementNS(charts[0].namespaceURI, name);
    for (var k in attrs) { node.setAttribute(k, attrs[k]); }
    if (text) { node.textContent = text; }
    return node;
  }

  function draw(svg, t0, t1, end) {
    /* t0..t1 the days shown, ticks among them; the axis runs to ``end`` (t1 + 1 when zoomed:
       the last day shown whole, its events spread over it). */
    var left = +svg.dataset.left, right = +svg.dataset.right, base = +svg.dataset.bottom;
    var span = (end - t0) || 1;
    function x(t) { return (left + (t - t0) / span * (right - left)).toFixed(2); }
    var step = svg.querySelector("path.step"), area = svg.querySelector("path.area");
    if (step && step.dataset.steps) {
      var pts = step.dataset.steps.split(" ").map(function (pt) { return pt.split(","); });
      var x0 = x(+pts[0][0]);
      var d = ["M " + x0 + " " + (step.dataset.start || pts[0][1])];
      pts.forEach(function (q) { d.push("H " + x(+q[0]) + " V " + q[1]); });
      d.push("H " + right);
      step.setAttribute("d", d.join(" "));
      if (area) {
        area.setAttribute("d", d.join(" ") + " V " + area.dataset.base + " H " + x0 + " Z");
      }
    }
    svg.querySelectorAll("circle.reported, circle.opening").forEach(function (c) {
      c.setAttribute("cx", x(+c.dataset.t));
    });
    svg.querySelectorAll("g.discrepancy").forEach(function (g) {
      g.setAttribute("transform", "translate(" + x(+g.dataset.t) + " 0)");
    });
    var axis = svg.querySelector("g.xaxis");
    if (!axis) { return; }
    while (axis.childNodes.length > 1) { axis.removeChild(axis.lastChild); }
    chooseTicks(t0, t1, right - left).forEach(function (tk) {
      var xx = x(tk[0]);
      axis.appendChild(el("line", {"class": "grid", x1: xx, x2: xx, y1: 14, y2: base,
        stroke: "#e2e8f0", "stroke-dasharray": "3 3"}));
      axis.appendChild(el("line", {x1: xx, x2: xx, y1: base, y2: base + 5, stroke: "#64748b"}));
      axis.appendChild(el("text", {"class": "date", x: xx, y: base + 18,
        "text-anchor": "middle", "font-size": 11, fill: "#64748b", "data-date": iso(tk[0])},
        tk[1]));
    });
  }

  var charts = Array.prototype.slice.call(document.querySelectorAll("svg.chart[data-t0]"));
  var bar = document.querySelector(".zoom");
  if (!charts.length || !bar) { return; }
  var full0 = +charts[0].dataset.t0, full1 = +charts[0].dataset.t1;
  var from = bar.querySelector("input[name=from]"), to = bar.querySelector("input[name=to]");
  var status = bar.querySelector(".zoom-status");

  function zoom(t0, t1, keep) {
    if (t0 === null || t1 === null || isNaN(t0) || isNaN(t1)) { return; }
    if (t1 < t0) { var s = t0; t0 = t1; t1 = s; }
    t0 = Math.max(t0, full0); t1 = Math.min(t1, full1);
    if (t1 - t0 < 1) { t1 = t0 + 1; }
    var whole = t0 === full0 && t1 === full1, hidden = 0;
    charts.forEach(function (svg) { draw(svg, t0, t1, whole ? t1 : t1 + 1); });
    document.querySelectorAll("tr[data-t]").forEach(function (tr) {
      var t = +tr.dataset.t, out = !whole && (t < t0 || t > t1);
      tr.classList.toggle("out", out);
      if (out) { hidden += 1; }
    });
    from.value = iso(t0); to.value = iso(t1);
    status.textContent = whole ? "Showing the whole period." :
      "Showing " + iso(t0) + " to " + iso(t1) + (hidden ? "; " + hidden +
      " table rows outside it are hidden." : ".");
    document.body.dataset.zoom = whole ? "" : iso(t0) + "/" + iso(t1);
    if (!keep && window.history && history.replaceState) {
      history.replaceState(null, "", whole ? location.pathname + location.search :
        "#from=" + iso(t0) + "&to=" + iso(t1));
    }
  }

  bar.hidden = false;
  from.min = to.min = iso(full0); from.max = to.max = iso(full1);
  bar.addEventListener("submit", function (ev) {
    ev.preventDefault();
    zoom(toDay(from.value), toDay(to.value));
  });
  bar.querySelectorAll("button[data-days]").forEach(function (b) {
    b.addEventListener("click", function () {
      var days = +b.dataset.days;
      if (!days) { zoom(full0, full1); } else { zoom(full1 - days, full1); }
    });
  });
  charts.forEach(function (svg) {
    var start = null, band = null;
    function day(ev) {
      var pt = svg.createSVGPoint(); pt.x = ev.clientX; pt.y = ev.clientY;
      var p = pt.matrixTransform(svg.getScreenCTM().inverse());
      var left = +svg.dataset.left, right = +svg.dataset.right;
      var cur0 = toDay(from.value), cur1 = toDay(to.value);
      var px = Math.min(Math.max(p.x, left), right);
      return {x: px, t: Math.round(cur0 + (px - left) / (right - left) * (cur1 - cur0))};
    }
    svg.addEventListener("mousedown", function (ev) {
      start = day(ev);
      band = el("rect", {"class": "band", x: start.x, y: 14, width: 0,
        height: +svg.dataset.bottom - 14, fill: "#1d4ed8", "fill-opacity": 0.12});
      svg.appendChild(band);
      ev.preventDefault();
    });
    svg.addEventListener("mousemove", function (ev) {
      if (!start) { return; }
      var now = day(ev);
      band.setAttribute("x", Math.min(start.x, now.x));
      band.setAttribute("width", Math.abs(now.x - start.x));
    });
    function finish(ev) {
      if (!start) { return; }
      var end = day(ev), a = start;
      start = null;
      band.remove();
      if (Math.abs(end.x - a.x) > 4) { zoom(Math.min(a.t, end.t), Math.max(a.t, end.t)); }
    }
    svg.addEventListener("mouseup", finish);
    svg.addEventListener("mouseleave", finish);
    svg.addEventListener("dblclick", function () { zoom(full0, full1); });
  });

  var m = /from=(\d{4}-\d{2}-\d{2}).*to=(\d{4}-\d{2}-\d{2})/.exec(location.hash);
  if (m) { zoom(toDay(m[1]), toDay(m[2]), true); } else { zoom(full0, full1, true); }
})();
"""


def script_hash() -> str:
    """The CSP source that lets exactly this script run: ``'sha256-...'``."""
    digest = hashlib.sha256(SCRIPT.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def zoom_bar(first: str, last: str) -> str:
    """The controls above the charts: hidden until the script shows them."""
    return (
        '<form class="zoom panel" hidden>'
        '<span class="zoom-label">Time range</span>'
        f'<label>From <input type="date" name="from" value="{first}"></label>'
        f'<label>to <input type="date" name="to" value="{last}"></label>'
        '<button type="submit">Zoom</button>'
        '<span class="presets"><button type="button" data-days="0">All</button>'
        '<button type="button" data-days="1826">Last 5 years</button>'
        '<button type="button" data-days="365">Last year</button>'
        '<button type="button" data-days="90">Last 90 days</button></span>'
        '<span class="zoom-status muted"></span>'
        '<span class="zoom-help muted">Drag across a chart to zoom into it; double-click to '
        "see the whole period again.</span>"
        "</form>"
    )
