/*
 * Metric charts, drawn in the browser as SVG from the lines the page carries
 * (<div class="metric-chart" data-unit="户" data-series='[{"name", "points":
 * [{"period", "end", "value", "label", "target"}]}]'>): a line per owner on a
 * time axis (a period placed at its end), a y-axis in the unit, decreases
 * below zero, targets hollow and joined by a dashed line, each value named on
 * hover, a legend, and buttons that save it as SVG or PNG. No library and no
 * CDN: the site works offline and on any host, and one small script measured
 * enough for a few lines. A chart is drawn at the width it is shown (drawn
 * again when that changes), so that its text stays 12px on a phone too.
 */
(() => {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const MAX_WIDTH = 640;
  const MIN_WIDTH = 280;
  const MARGIN = { top: 20, right: 20, bottom: 36, left: 64 };
  const TICKS = 4;

  function node(tag, attributes, text) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
  }

  // A tick's value as Chinese figures are written: 1.2万亿, 5亿, 3200万, 1.5.
  function compact(value) {
    const size = Math.abs(value);
    if (size >= 1e12) return `${+(value / 1e12).toFixed(2)}万亿`;
    if (size >= 1e8) return `${+(value / 1e8).toFixed(2)}亿`;
    if (size >= 1e4) return `${+(value / 1e4).toFixed(2)}万`;
    return `${+value.toFixed(2)}`;
  }

  function niceStep(span) {
    const raw = span / TICKS;
    const power = 10 ** Math.floor(Math.log10(raw || 1));
    return [1, 2, 2.5, 5, 10].map((m) => m * power).find((step) => step >= raw) || raw;
  }

  // A period label's width, roughly, at 12px: a Chinese character is as wide as the type, a digit about 7px.
  const labelWidth = (text) => [...text].reduce((width, char) => width + (char > "\u2e80" ? 12 : 7), 0);

  function draw(container) {
    const lines = JSON.parse(container.dataset.series);
    const points = lines.flatMap((line) => line.points);
    if (points.length < 2) return;
    const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, container.clientWidth || MAX_WIDTH)));
    const height = width < 480 ? 220 : 260;
    container.dataset.drawnWidth = width;
    const unit = container.dataset.unit || "";
    const times = points.map((p) => Date.parse(p.end));
    const first = Math.min(...times);
    const last = Math.max(...times);
    const values = points.map((p) => p.value);
    // Zero stays in view (a decrease plots below it), unless every value sits far above it (99.9%).
    let high = Math.max(...values);
    let low = Math.min(...values);
    if (!(low > 0 && (high - low) / high < 0.05)) low = Math.min(0, low);
    if (high < 0) high = 0;
    const step = niceStep(high - low || Math.abs(high) || 1);
    const floor = Math.floor(low / step) * step;
    const ceiling = Math.ceil(high / step) * step || step;
    const x = (time) => last === first ? (MARGIN.left + width - MARGIN.right) / 2
      : MARGIN.left + ((time - first) / (last - first)) * (width - MARGIN.left - MARGIN.right);
    const y = (value) => height - MARGIN.bottom - ((value - floor) / (ceiling - floor)) * (height - MARGIN.top - MARGIN.bottom);

    const svg = node("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
                              class: "metric-chart__svg" });
    svg.append(node("title", {}, lines.map((l) => `${l.name}: ${l.points.map((p) => `${p.period} ${p.label}`).join("，")}`).join("；")));
    for (let tick = floor; tick <= ceiling + step / 2; tick += step) {
      svg.append(node("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick),
                                class: tick === 0 && floor < 0 ? "metric-chart__zero" : "metric-chart__grid" }));
      svg.append(node("text", { x: MARGIN.left - 6, y: y(tick) + 4, "text-anchor": "end", class: "metric-chart__tick" },
                      compact(tick) + unit));
    }
    // Periods on the time axis, left to right; one that would overlap the last one shown is left out.
    const periods = [...new Map(points.map((p) => [p.end, p.period]))].sort(([a], [b]) => Date.parse(a) - Date.parse(b));
    let shownUpTo = -Infinity;
    for (const [end, period] of periods) {
      const centre = x(Date.parse(end));
      if (centre - labelWidth(period) / 2 < shownUpTo + 6) continue;
      shownUpTo = centre + labelWidth(period) / 2;
      svg.append(node("text", { x: centre, y: height - 12, "text-anchor": "middle", class: "metric-chart__period" }, period));
    }
    lines.forEach((line, index) => {
      const series = `metric-chart__series metric-chart__series--${index % 6}`;
      const actual = line.points.filter((p) => !p.target);
      const targets = line.points.filter((p) => p.target);
      const at = (p) => `${x(Date.parse(p.end))},${y(p.value)}`;
      if (actual.length > 1) svg.append(node("polyline", { points: actual.map(at).join(" "), class: `metric-chart__line ${series}` }));
      if (targets.length && actual.length) {
        svg.append(node("polyline", { points: [actual[actual.length - 1], ...targets].map(at).join(" "),
                                      class: `metric-chart__line metric-chart__line--target ${series}` }));
      }
      for (const p of line.points) {
        const circle = node("circle", { cx: x(Date.parse(p.end)), cy: y(p.value), r: 4,
                                        class: `metric-chart__point ${series}${p.target ? " metric-chart__point--target" : ""}` });
        circle.append(node("title", {}, `${line.name} ${p.period}：${p.label}${p.target ? "（目标/预测）" : ""}`));
        svg.append(circle);
      }
    });
    const legend = document.createElement("ul");
    legend.className = "metric-chart__legend";
    lines.forEach((line, index) => {
      const item = document.createElement("li");
      item.className = `metric-chart__series--${index % 6}`;
      item.textContent = line.name;
      legend.append(item);
    });
    container.replaceChildren(svg, legend, downloads(svg, lines, width, height));
  }

  // Links that save the chart as drawn: as SVG, and as PNG (the SVG painted on a canvas, twice its size).
  function downloads(svg, lines, width, height) {
    const name = () => lines.map((line) => line.name).join("-").slice(0, 60) || "chart";
    const source = () => {
      const copy = svg.cloneNode(true);
      copy.setAttribute("xmlns", SVG);
      // The colours come from the page's stylesheet: written onto the copy, they travel with it.
      const live = [...svg.querySelectorAll("*")];
      [...copy.querySelectorAll("*")].forEach((element, index) => {
        const style = getComputedStyle(live[index]);
        element.setAttribute("style", `fill:${style.fill};stroke:${style.stroke};stroke-width:${style.strokeWidth};`
          + `stroke-dasharray:${style.strokeDasharray};font-size:${style.fontSize};font-family:${style.fontFamily}`);
      });
      return new XMLSerializer().serializeToString(copy);
    };
    const save = (href, extension) => {
      const link = document.createElement("a");
      link.href = href;
      link.download = `${name()}.${extension}`;
      link.click();
    };
    const box = document.createElement("p");
    box.className = "metric-chart__downloads";
    for (const [label, extension] of [["下载 SVG", "svg"], ["下载 PNG", "png"]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.dataset.format = extension;
      button.addEventListener("click", () => {
        const url = URL.createObjectURL(new Blob([source()], { type: "image/svg+xml" }));
        if (extension === "svg") return save(url, "svg");
        const image = new Image();
        image.onload = () => {
          const canvas = document.createElement("canvas");
          canvas.width = width * 2;
          canvas.height = height * 2;
          const context = canvas.getContext("2d");
          context.fillStyle = getComputedStyle(document.body).backgroundColor || "#fff";
          context.fillRect(0, 0, canvas.width, canvas.height);
          context.drawImage(image, 0, 0, canvas.width, canvas.height);
          save(canvas.toDataURL("image/png"), "png");
        };
        image.src = url;
      });
      box.append(button);
    }
    return box;
  }

  // With instant navigation, Material announces each page it shows on document$; without, the page is shown once.
  const start = (init) => (window.document$ ? window.document$.subscribe(init) : init());
  // Drawn again when its width changes much (a phone turned, a window resized).
  const resized = new ResizeObserver((entries) => entries.forEach(({ target }) => {
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, target.clientWidth));
    if (Math.abs(width - (+target.dataset.drawnWidth || 0)) > 40) draw(target);
  }));
  start(() => document.querySelectorAll(".metric-chart").forEach((chart) => {
    draw(chart);
    resized.observe(chart);
  }));
})();
