// Bar charts in inline SVG, drawn from the report's numbers (the charts of the demo's HTML report).
"use strict";

var SVG = "http://www.w3.org/2000/svg";

function svgEl(tag, attributes, text) {
  var node = document.createElementNS(SVG, tag);
  Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
  if (text !== undefined) node.textContent = text;
  return node;
}

// Horizontal bars: rows of {label, value, text}; value from 0 to max.
function barChart(title, rows, max) {
  var width = 360, row = 22, left = 120;
  var svg = svgEl("svg", { width: width, height: row * rows.length + 8, role: "img", "aria-label": title });
  rows.forEach(function (r, i) {
    var y = 4 + i * row;
    var w = max > 0 ? Math.max(1, (width - left - 50) * r.value / max) : 1;
    svg.appendChild(svgEl("text", { x: 0, y: y + 14 }, r.label.length > 18 ? r.label.slice(0, 17) + "…" : r.label));
    svg.appendChild(svgEl("rect", { x: left, y: y + 3, width: w, height: row - 8, fill: "#2358a6", rx: 2 }));
    svg.appendChild(svgEl("text", { x: left + w + 4, y: y + 14 }, r.text));
  });
  return el("figure", { class: "chart" }, el("figcaption", { class: "muted" }, title), svg);
}

// Messages per hour: sent and received side by side.
function hourChart(timeline) {
  var max = 0;
  timeline.forEach(function (h) { max = Math.max(max, h.sent, h.received); });
  var rows = [];
  timeline.forEach(function (h) {
    var hour = new Date(h.hour).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    rows.push({ label: hour + " sent", value: h.sent, text: String(h.sent) });
    rows.push({ label: hour + " received", value: h.received, text: String(h.received) });
  });
  return barChart("Messages per hour", rows, max);
}
