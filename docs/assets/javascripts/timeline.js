/*
 * Timeline filters: each <select data-timeline-filter="NAME"> keeps the entries
 * whose data-NAME holds the chosen value (a space-separated list may hold
 * several); a year with no entry left is hidden, and the count says how many
 * entries show.
 */
(() => {
  "use strict";

  const filters = [...document.querySelectorAll("[data-timeline-filter]")];
  if (!filters.length) return;
  const entries = [...document.querySelectorAll(".timeline-entry")];
  const count = document.querySelector("[data-timeline-count]");

  function apply() {
    let shown = 0;
    for (const entry of entries) {
      const keep = filters.every((select) => {
        const wanted = select.value;
        const values = (entry.dataset[select.dataset.timelineFilter] || "").split(" ");
        return !wanted || values.includes(wanted);
      });
      entry.hidden = !keep;
      if (keep && !entry.classList.contains("timeline-spans__bar")) shown += 1;
    }
    for (const year of document.querySelectorAll(".timeline-year")) {
      year.hidden = !year.querySelector(".timeline-entry:not([hidden])");
    }
    if (count) count.textContent = `显示 ${shown} / ${entries.filter((e) => !e.classList.contains("timeline-spans__bar")).length} 个事件`;
  }

  filters.forEach((select) => select.addEventListener("change", apply));
  apply();
})();
