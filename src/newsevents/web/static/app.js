// newsevents dashboard: draws each [data-chart] from its JSON twin (data-src) with plotly.js.
"use strict";

const QUAD = {
  1: { name: "verbal cooperation", color: "#7fb3d5" },
  2: { name: "material cooperation", color: "#1f618d" },
  3: { name: "verbal conflict", color: "#f0a35e" },
  4: { name: "material conflict", color: "#c0392b" },
};
const LAYOUT = {
  margin: { l: 50, r: 50, t: 10, b: 40 }, barmode: "stack", hovermode: "x unified",
  legend: { orientation: "h", y: -0.18 }, font: { size: 12 },
  paper_bgcolor: "#fff", plot_bgcolor: "#fff",
};
const GOLDSTEIN_AXIS = { title: "mean Goldstein", overlaying: "y", side: "right", range: [-10.5, 10.5],
                         dtick: 5, showgrid: false, zeroline: false };
const CONFIG = { displaylogo: false, responsive: true };

async function fetchJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function empty(element, message) {
  // textContent, never innerHTML: an error message may quote what the user typed.
  element.classList.add("empty");
  const paragraph = document.createElement("p");
  paragraph.className = "muted";
  paragraph.textContent = message;
  element.replaceChildren(paragraph);
}

// Mean Goldstein per period over all keys, weighted by counts.
function meanByPeriod(buckets) {
  const sums = new Map();
  for (const b of buckets) {
    const s = sums.get(b.period) || { n: 0, g: 0 };
    s.n += b.events; s.g += b.events * (b.goldstein || 0);
    sums.set(b.period, s);
  }
  const periods = [...sums.keys()].sort();
  return { x: periods, y: periods.map((p) => +(sums.get(p).g / sums.get(p).n).toFixed(2)) };
}

async function timelineChart(element) {
  const data = await fetchJSON(element.dataset.src);
  if (!data.buckets.length) return empty(element, "no dated events to draw");
  const traces = [1, 2, 3, 4].map((q) => {
    const rows = data.buckets.filter((b) => b.key === q);
    return { type: "bar", name: QUAD[q].name, marker: { color: QUAD[q].color },
             x: rows.map((b) => b.period), y: rows.map((b) => b.events) };
  });
  const mean = meanByPeriod(data.buckets);
  traces.push({ type: "scatter", mode: "lines+markers", name: "mean Goldstein", yaxis: "y2",
                x: mean.x, y: mean.y, line: { color: "#333", width: 1.5 }, marker: { size: 4 } });
  const layout = { ...LAYOUT, yaxis: { title: "events" },
    yaxis2: GOLDSTEIN_AXIS };
  await Plotly.newPlot(element, traces, layout, CONFIG);
}

function dyadTraces(data, label, sign) {
  const coop = new Map(), conflict = new Map();
  for (const b of data.buckets) {
    const target = b.key <= 2 ? coop : conflict;
    target.set(b.period, (target.get(b.period) || 0) + b.events);
  }
  const dash = sign > 0 ? "solid" : "dot";
  const mean = meanByPeriod(data.buckets);
  return [
    { type: "bar", name: `${label} cooperation`, x: [...coop.keys()], y: [...coop.values()],
      marker: { color: sign > 0 ? "#1f618d" : "#7fb3d5" } },
    { type: "bar", name: `${label} conflict`, x: [...conflict.keys()], y: [...conflict.values()].map((v) => -v),
      marker: { color: sign > 0 ? "#c0392b" : "#f0a35e" } },
    { type: "scatter", mode: "lines+markers", name: `${label} mean Goldstein`, yaxis: "y2",
      x: mean.x, y: mean.y, line: { color: sign > 0 ? "#1d2430" : "#8e44ad", dash } },
  ];
}

async function dyadChart(element) {
  const [one, two] = await Promise.all([fetchJSON(element.dataset.src), fetchJSON(element.dataset.src2)]);
  if (!one.buckets.length && !two.buckets.length) return empty(element, "no dated events between these actors");
  const traces = [...dyadTraces(one, element.dataset.label, 1), ...dyadTraces(two, element.dataset.label2, -1)];
  const layout = { ...LAYOUT, barmode: "relative", yaxis: { title: "events (conflict below 0)" },
    yaxis2: GOLDSTEIN_AXIS };
  await Plotly.newPlot(element, traces, layout, CONFIG);
}

// Red (conflict, -10) through grey to blue (cooperation, +10).
function goldsteinColor(value) {
  const t = Math.max(-1, Math.min(1, (value || 0) / 10));
  const from = t < 0 ? [192, 57, 43] : [31, 97, 141];
  const grey = [170, 170, 170];
  const a = Math.abs(t);
  const rgb = grey.map((g, i) => Math.round(g + (from[i] - g) * a));
  return `rgb(${rgb.join(",")})`;
}

// A force-directed layout (Fruchterman-Reingold) started from a circle, busiest actors first, so
// the picture is the same on every load: linked actors pull together, all others push apart.
function forceLayout(actors, dyads) {
  const n = actors.length;
  const index = new Map(actors.map((a, i) => [a, i]));
  const pos = actors.map((_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]);
  const k = 1.6 / Math.sqrt(n);
  const edges = dyads.map((d) => [index.get(d.source), index.get(d.target)]);
  for (let step = 0, heat = 0.12; step < 250; step++, heat *= 0.985) {
    const move = pos.map(() => [0, 0]);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
        const d2 = Math.max(dx * dx + dy * dy, 1e-4), f = (k * k) / d2;
        move[i][0] += dx * f; move[i][1] += dy * f; move[j][0] -= dx * f; move[j][1] -= dy * f;
      }
    }
    for (const [a, b] of edges) {
      const dx = pos[a][0] - pos[b][0], dy = pos[a][1] - pos[b][1];
      const d = Math.max(Math.hypot(dx, dy), 1e-3), f = d / k;
      move[a][0] -= dx * f; move[a][1] -= dy * f; move[b][0] += dx * f; move[b][1] += dy * f;
    }
    for (let i = 0; i < n; i++) {
      const length = Math.max(Math.hypot(move[i][0], move[i][1]), 1e-9), step_ = Math.min(length, heat);
      pos[i][0] += (move[i][0] / length) * step_; pos[i][1] += (move[i][1] / length) * step_;
      // Gravity keeps unconnected components on screen.
      pos[i][0] *= 0.97; pos[i][1] *= 0.97;
    }
  }
  const extent = Math.max(...pos.flat().map(Math.abs), 1e-6);
  return new Map(actors.map((a, i) => [a, [pos[i][0] / extent, pos[i][1] / extent]]));
}

// Labels that would overlap a busier actor's label are hidden (the node keeps its hover text), so
// the drawing stays readable at any store size (issue 14).
function hideOverlappingLabels(element) {
  const kept = [];
  const labels = [...element.querySelectorAll(".scatterlayer .trace:last-child .textpoint text")];
  for (const label of labels) label.style.display = "", label.removeAttribute("data-hidden");
  for (const label of labels) {
    const box = label.getBoundingClientRect();
    const clash = kept.some((other) => box.left < other.right && other.left < box.right
                                       && box.top < other.bottom && other.top < box.bottom);
    if (clash) label.setAttribute("data-hidden", "overlap"), label.style.display = "none";
    else kept.push(box), label.setAttribute("data-shown", "true");
  }
}

async function networkChart(element) {
  const data = await fetchJSON(element.dataset.src);
  const note = document.getElementById("network-left-out");
  if (note) {
    const out = data.left_out;
    note.textContent = `${data.nodes.length} busiest actors and ${data.edges.length} dyads among them drawn; ` +
      `left out: ${out.actors} actors, ${out.dyads} dyads, ${out.events} events.`;
  }
  if (!data.edges.length) return empty(element, "no events with both a source and a target");
  const degree = new Map(data.nodes.map((n) => [n.actor, n.events]));
  const actors = data.nodes.map((n) => n.actor).filter((a) => data.edges.some((d) => d.source === a || d.target === a));
  const at = forceLayout(actors, data.edges);
  const most = Math.max(...data.edges.map((d) => d.events));
  const traces = data.edges.map((d) => {
    const [x0, y0] = at.get(d.source), [x1, y1] = at.get(d.target);
    return { type: "scatter", mode: "lines", x: [x0, x1], y: [y0, y1], hoverinfo: "skip", showlegend: false,
             line: { color: goldsteinColor(d.goldstein), width: 1 + 7 * (d.events / most) } };
  });
  // Edge midpoints carry the hover text and the click-through to the dyad page.
  const mode = new URL(element.dataset.src, window.location.href).searchParams.get("mode") || "asserted";
  traces.push({ type: "scatter", mode: "markers", showlegend: false, name: "dyads",
    x: data.edges.map((d) => (at.get(d.source)[0] * 0.6 + at.get(d.target)[0] * 0.4)),
    y: data.edges.map((d) => (at.get(d.source)[1] * 0.6 + at.get(d.target)[1] * 0.4)),
    marker: { size: 9, color: data.edges.map((d) => goldsteinColor(d.goldstein)), symbol: "triangle-right" },
    text: data.edges.map((d) => `${d.source} → ${d.target}: ${d.events} events, mean Goldstein ${d.goldstein}`),
    customdata: data.edges.map((d) => `/dyad?source=${encodeURIComponent(d.source)}&target=${encodeURIComponent(d.target)}&mode=${encodeURIComponent(mode)}`),
    hoverinfo: "text" });
  const maxDegree = Math.max(...degree.values());
  traces.push({ type: "scatter", mode: "markers+text", showlegend: false, name: "actors",
    x: actors.map((a) => at.get(a)[0]), y: actors.map((a) => at.get(a)[1]), text: actors,
    textposition: "top center", hovertext: actors.map((a) => `${a}: ${degree.get(a)} events`), hoverinfo: "text",
    customdata: actors.map((a) => `/events?actor=${encodeURIComponent(a)}&mode=${encodeURIComponent(mode)}`),
    marker: { size: actors.map((a) => 10 + 22 * Math.sqrt(degree.get(a) / maxDegree)), color: "#1d2430",
              line: { color: "#fff", width: 1.5 } } });
  const axis = { visible: false, range: [-1.25, 1.25] };
  const layout = { ...LAYOUT, hovermode: "closest", xaxis: axis, yaxis: { ...axis, scaleanchor: "x" },
                   margin: { l: 10, r: 10, t: 10, b: 10 } };
  await Plotly.newPlot(element, traces, layout, CONFIG);
  hideOverlappingLabels(element);
  element.on("plotly_afterplot", () => hideOverlappingLabels(element));
  element.on("plotly_click", (event) => {
    const url = event.points[0] && event.points[0].customdata;
    if (url) window.location.href = url;
  });
}

// Located events on a world map drawn from a packaged outline (no tiles, no topojson download):
// longitude and latitude as plain axes, so it works offline (issue 14).
async function mapChart(element) {
  const [world, data] = await Promise.all([fetchJSON(element.dataset.world), fetchJSON(element.dataset.src)]);
  const note = document.getElementById("map-count");
  if (note) note.textContent = `${data.count} of ${data.total} located events shown.`;
  const x = [], y = [];
  for (const ring of world.rings) {
    for (let i = 0; i < ring.length; i += 2) { x.push(ring[i]); y.push(ring[i + 1]); }
    x.push(null); y.push(null);
  }
  const traces = [{ type: "scatter", mode: "lines", x, y, fill: "toself", fillcolor: "#eef1f4", hoverinfo: "skip",
                    line: { color: "#b8c2cc", width: 0.6 }, showlegend: false, name: "countries" }];
  for (const [quad, style] of Object.entries(QUAD)) {
    const points = data.places.filter((p) => String(p.quad_class) === quad);
    if (!points.length) continue;
    traces.push({ type: "scatter", mode: "markers", name: style.name,
      x: points.map((p) => p.lon), y: points.map((p) => p.lat),
      marker: { size: 9, color: style.color, line: { color: "#fff", width: 1 }, opacity: 0.85 },
      text: points.map((p) => `${p.date || "undated"} ${p.source || "?"} ${p.code} ${p.target || "?"} in ${p.location_name || p.location_country}`),
      customdata: points.map((p) => `/events/${encodeURIComponent(p.id)}`), hoverinfo: "text" });
  }
  const layout = { ...LAYOUT, hovermode: "closest",
    xaxis: { range: [-180, 180], visible: false, fixedrange: false },
    yaxis: { range: [-60, 85], visible: false, scaleanchor: "x" }, margin: { l: 0, r: 0, t: 0, b: 30 } };
  await Plotly.newPlot(element, traces, layout, CONFIG);
  element.on("plotly_click", (event) => {
    const url = event.points[0] && event.points[0].customdata;
    if (url) window.location.href = url;
  });
}

const CHARTS = { timeline: timelineChart, dyad: dyadChart, network: networkChart, map: mapChart };

function drawCharts() {
  for (const element of document.querySelectorAll("[data-chart]")) {
    const draw = CHARTS[element.dataset.chart];
    draw(element)
      .then(() => element.setAttribute("data-drawn", "true"))
      .catch((error) => { empty(element, `could not draw: ${error.message}`); element.setAttribute("data-drawn", "error"); });
  }
}

// Article view: legend toggles hide a kind of highlight; clicking an event shows its explanation.
function articleView() {
  const text = document.getElementById("article-text");
  if (!text) return;
  for (const box of document.querySelectorAll("#legend input[data-kind]")) {
    box.addEventListener("change", () => text.classList.toggle(`hide-${box.dataset.kind}`, !box.checked));
  }
  text.addEventListener("click", (event) => {
    const span = event.target.closest("[data-spans]");
    if (!span) return;
    const id = span.dataset.spans.split(" ").find((s) => s.startsWith("event-"));
    const panel = id && document.getElementById(id);
    if (!panel) return;
    document.querySelectorAll(".explain.lit").forEach((e) => e.classList.remove("lit"));
    panel.classList.add("lit");
    panel.scrollIntoView({ block: "nearest" });
  });
}

document.addEventListener("DOMContentLoaded", () => { drawCharts(); articleView(); });
