/*
 * Sortable tables: a click on a header of a table inside .sortable-table sorts
 * its rows; a second click reverses. A cell's data-sort (on the cell or an
 * element in it) sorts numerically; otherwise numbers, then Chinese text.
 */
(() => {
  "use strict";

  const collator = new Intl.Collator("zh-CN", { numeric: true });

  function key(cell) {
    const marked = cell.matches("[data-sort]") ? cell : cell.querySelector("[data-sort]");
    const raw = marked ? marked.dataset.sort : cell.textContent.trim();
    const number = Number(raw.replace(/,/g, ""));
    return raw !== "" && Number.isFinite(number) ? number : raw;
  }

  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") return a - b;
    return collator.compare(String(a), String(b));
  }

  // With instant navigation, Material announces each page it shows on document$; without, the page is shown once.
  const start = (init) => (window.document$ ? window.document$.subscribe(init) : init());
  start(() => document.querySelectorAll(".sortable-table table").forEach((table) => {
    const body = table.tBodies[0];
    table.querySelectorAll("thead th").forEach((header, column) => {
      header.classList.add("sortable-table__header");
      header.setAttribute("role", "button");
      header.tabIndex = 0;
      const sort = () => {
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach((th) => th.removeAttribute("aria-sort"));
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const rows = [...body.rows].sort((r1, r2) => compare(key(r1.cells[column]), key(r2.cells[column])));
        if (!ascending) rows.reverse();
        body.append(...rows);
      };
      header.addEventListener("click", sort);
      header.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sort();
        }
      });
    });
  }));
})();
