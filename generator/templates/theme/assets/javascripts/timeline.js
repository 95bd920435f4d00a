/*
 * Timeline filters: each <select data-timeline-filter="NAME"> keeps the entries
 * whose data-NAME holds the chosen value (a space-separated list may hold
 * several); a year with no entry left is hidden, and the count says how many
 * entries show. The chosen values live in the address (?owner=…&document=…),
 * so that a filtered view can be shared and survives a reload.
 */
(() => {
  "use strict";

  // With instant navigation, Material announces each page it shows on document$; without, the page is shown once.
  const start = (init) => (window.document$ ? window.document$.subscribe(init) : init());
  start(setUp);

  function setUp() {
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

    const params = new URLSearchParams(location.search);
    for (const select of filters) {
      const wanted = params.get(select.dataset.timelineFilter);
      if (wanted && [...select.options].some((option) => option.value === wanted)) select.value = wanted;
    }

    function remember() {
      const chosen = new URLSearchParams();
      for (const select of filters) if (select.value) chosen.set(select.dataset.timelineFilter, select.value);
      const query = chosen.toString();
      history.replaceState(null, "", location.pathname + (query ? `?${query}` : "") + location.hash);
    }

    filters.forEach((select) => select.addEventListener("change", () => { apply(); remember(); }));
    apply();
  }
})();
