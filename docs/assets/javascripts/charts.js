/*
 * Metric charts, drawn in the browser as SVG from the points the page carries
 * (<div class="metric-chart" data-points='[{"period", "value", "label"}]'>).
 * No library and no CDN: the site works offline and on any host.
 */
(() => {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 640;
  const HEIGHT = 240;
  const MARGIN = { top: 28, right: 24, bottom: 40, left: 24 };

  function node(tag, attributes, text) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function draw(container) {
    const points = JSON.parse(container.dataset.points);
    if (points.length < 2) return;
    const values = points.map((p) => p.value);
    // Levels start at zero so that bars of growth are not exaggerated; values
    // that are all far from zero (99.9% availability) zoom to their range.
    const high = Math.max(...values);
    const low = Math.min(...values);
    const floor = low > 0 && (high - low) / high < 0.05 ? low - (high - low || high * 0.01) : Math.min(0, low);
    // Decreases are negative: zero stays in view, so they plot below it.
    const top = Math.max(high, low < 0 ? 0 : high);
    const x = (i) => MARGIN.left + (i * (WIDTH - MARGIN.left - MARGIN.right)) / (points.length - 1);
    const y = (v) => HEIGHT - MARGIN.bottom - ((v - floor) / (top - floor || 1)) * (HEIGHT - MARGIN.top - MARGIN.bottom);

    const svg = node("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", class: "metric-chart__svg" });
    svg.append(node("title", {}, points.map((p) => `${p.period}: ${p.label}`).join("; ")));
    svg.append(node("line", {
      x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: HEIGHT - MARGIN.bottom, y2: HEIGHT - MARGIN.bottom,
      class: "metric-chart__axis",
    }));
    if (floor < 0) {
      svg.append(node("line", {
        x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0), class: "metric-chart__zero",
      }));
    }
    svg.append(node("polyline", {
      points: points.map((p, i) => `${x(i)},${y(p.value)}`).join(" "), class: "metric-chart__line",
    }));
    points.forEach((p, i) => {
      svg.append(node("circle", { cx: x(i), cy: y(p.value), r: 4, class: "metric-chart__point" }));
      const anchor = i === 0 ? "start" : i === points.length - 1 ? "end" : "middle";
      svg.append(node("text", { x: x(i), y: y(p.value) - 10, "text-anchor": anchor, class: "metric-chart__value" }, p.label));
      svg.append(node("text", { x: x(i), y: HEIGHT - 14, "text-anchor": anchor, class: "metric-chart__period" }, p.period));
    });
    container.replaceChildren(svg);
  }

  document.querySelectorAll(".metric-chart").forEach(draw);
})();
