/*
 * Chinese full-text search in Material's header search box, backed by Pagefind.
 *
 * Why Pagefind: its extended build segments Chinese at index time and loads
 * only the index chunks a query needs, so a word inside a longer word (人才 in
 * 科技人才) is found and a large site stays fast. The box keeps Material's
 * look; templates/theme/partials/search.html explains why Material's own
 * search leaves it alone.
 */
(() => {
  "use strict";

  const root = document.querySelector("[data-reportsite-search]");
  if (!root) return;
  const form = root.querySelector("form");
  const input = form.querySelector("input[name=query]");
  const meta = root.querySelector("[data-reportsite-search-meta]");
  const list = root.querySelector("[data-reportsite-search-results]");
  const toggle = document.getElementById("__search");
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base.replace(/\/?$/, "/"), location.href);
  const translations = config.translations;

  // How many pages a query shows at once, and sentences under each.
  const PAGE_SIZE = 20;
  const SUB_RESULTS = 3;

  // A rebuild indexes only the pages changed since the whole site was indexed: pagefind/delta.json
  // names that small index, merged into the whole one, its new pages, and the whole index's pages it
  // replaces, which results leave out (generator/search.py).
  let pagefind = null;
  let replaced = new Set();
  let changed = new Set();
  function loadPagefind() {
    if (!pagefind) {
      // Asked of the server each time, as Pagefind asks for its own entry file: a rebuild changes it.
      const changes = fetch(new URL("pagefind/delta.json", base), { cache: "no-cache" })
        .then((response) => (response.ok ? response.json() : {}))
        .catch(() => ({}));
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(async (module) => {
        // Pagefind stores URLs from the site root; under a sub-path
        // (https://owner.github.io/repo/) they need the site's own base.
        await module.options({ baseUrl: base.pathname });
        module.init();
        const { index, pages = [], replaced: ids = [] } = await changes;
        if (index) await module.mergeIndex(new URL(`pagefind/${index}`, base).pathname, { baseUrl: base.pathname });
        changed = new Set(pages);
        replaced = new Set(ids);
        return module;
      });
    }
    return pagefind;
  }

  // Pagefind's excerpts are page text with <mark> around the hits. They are
  // rebuilt as text nodes and marks, so no text from a document becomes markup.
  // Only marks that are a word of the query stay: Pagefind also marks single characters and digits
  // of unrelated words (the 4 of 4678亿元 for 4.43亿).
  function excerptNodes(excerpt) {
    const body = new DOMParser().parseFromString(excerpt, "text/html").body;
    const query = input.value.trim().toLowerCase();
    const isWord = (text) => {
      const word = text.trim().toLowerCase();
      return word === query || (word.length >= 2 && (query.includes(word) || word.includes(query)));
    };
    return [...body.childNodes].map((node) =>
      node.nodeName === "MARK" && isWord(node.textContent)
        ? element("mark", "", [node.textContent])
        : document.createTextNode(node.textContent));
  }

  function element(tag, className, children = []) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  }

  function resultItem(page) {
    const title = element("h1");
    title.textContent = page.meta.title || page.url;
    if (page.meta.kind) title.prepend(element("span", "reportsite-search__kind", [page.meta.kind]));
    const excerpt = element("p", "", excerptNodes(page.excerpt));
    const article = element("article", "md-search-result__article md-typeset", [title, excerpt]);
    const link = element("a", "md-search-result__link", [article]);
    link.href = page.url;
    const item = element("li", "md-search-result__item", [link]);
    // The sections that hold hits, but not the one the page excerpt already shows.
    const subResults = (page.sub_results || []).filter((s) => s.url !== page.url && s.excerpt !== page.excerpt);
    for (const sub of subResults.slice(0, SUB_RESULTS)) {
      const heading = element("h2");
      heading.textContent = sub.title;
      const text = element("p", "", excerptNodes(sub.excerpt));
      const subLink = element("a", "md-search-result__link", [
        element("article", "md-search-result__article md-typeset", [heading, text]),
      ]);
      subLink.href = sub.url;
      item.append(subLink);
    }
    return item;
  }

  function count(total) {
    if (total === 0) return translations["search.result.none"];
    if (total === 1) return translations["search.result.one"];
    return translations["search.result.other"].replace("#", total);
  }

  // Results load a page at a time: only the fragments shown are fetched, and
  // each result shows as soon as its own fragment arrives, in rank order.
  async function showMore(results, shown, ticket) {
    list.setAttribute("aria-busy", "true");
    list.querySelector(".reportsite-search__more")?.remove();
    const slots = results.slice(shown, shown + PAGE_SIZE).map(() => element("li", "reportsite-search__pending"));
    list.append(...slots);
    await Promise.all(results.slice(shown, shown + PAGE_SIZE).map(async (result, index) => {
      const page = await result.data();
      if (ticket === latest) slots[index].replaceWith(resultItem(page));
    }));
    if (ticket !== latest) return;
    if (shown + PAGE_SIZE < results.length) {
      const button = element("button", "md-button reportsite-search__more", [translations["search.result.more"] || "显示更多"]);
      button.type = "button";
      button.addEventListener("click", () => showMore(results, shown + PAGE_SIZE, ticket));
      list.append(element("li", "md-search-result__item reportsite-search__more", [button]));
    }
    list.setAttribute("aria-busy", "false");
  }

  // A figure typed as written (4.43亿, 1.54%, 下降1.8%, ９９.９９％): Pagefind splits numbers at the
  // point, so the sentences that state it are looked up in the figure index the build writes
  // (data/figures/KEY.json, KEY the number's first two digits: generator/export.py figure_key) and
  // listed first. A bare whole number (2023) is a word Pagefind finds itself.
  const NUMBER = /\d[\d.,]*/;
  const figureFiles = new Map();
  function asWritten(text) {
    return text.normalize("NFKC").replace(/[\s,]/g, "");
  }
  // Where `figure` stands in `text` as a number of its own: not the 1.8% of 11.8%, nor the 4.4 of 4.43.
  function figureAt(text, figure) {
    for (let at = text.indexOf(figure); at >= 0; at = text.indexOf(figure, at + 1)) {
      const before = text[at - 1] || "";
      const after = /\d$/.test(figure) ? text[at + figure.length] || "" : "";
      if (!/[\d.]/.test(before) && !/[\d.]/.test(after)) return at;
    }
    return -1;
  }
  async function figureHits(query) {
    const figure = asWritten(query);
    const number = figure.match(NUMBER);
    if (!number || /^\d+$/.test(figure)) return [];
    const key = number[0].replace(/\D/g, "").slice(0, 2);
    if (!figureFiles.has(key)) {
      figureFiles.set(key, fetch(new URL(`data/figures/${key}.json`, base))
        .then((response) => (response.ok ? response.json() : []))
        .catch(() => []));
    }
    const seen = new Set();
    return (await figureFiles.get(key)).filter((entry) => {
      if (seen.has(entry.url) || figureAt(asWritten(entry.sentence), figure) < 0) return false;
      seen.add(entry.url);
      return true;
    }).map((entry) => ({ ...entry, marked: entry.figure.includes(figure) ? entry.figure : figure }));
  }

  // A sentence, the figure in it marked; built as text nodes, so no document text becomes markup.
  function figureItem(entry) {
    const title = element("h1");
    title.textContent = entry.title;
    const at = figureAt(entry.sentence, entry.marked);
    const excerpt = at < 0 ? element("p", "", [entry.sentence]) : element("p", "", [
      entry.sentence.slice(0, at), element("mark", "", [entry.marked]), entry.sentence.slice(at + entry.marked.length),
    ]);
    const link = element("a", "md-search-result__link", [
      element("article", "md-search-result__article md-typeset", [title, excerpt]),
    ]);
    link.href = new URL(entry.url, base).href;
    return element("li", "md-search-result__item", [link]);
  }

  // The results of the merged indexes that a whole index would give. Pagefind splits a query by
  // the words its index knows: the small index of changed pages knows few, and matches its pages
  // by parts of a query they do not hold, so those must hold every word of it as typed.
  async function current(results, query) {
    const seen = new Set(); // a page rebuilt with the same text has the same id in both indexes
    const unique = results.filter((result) => {
      if (replaced.has(result.id) || seen.has(result.id)) return false;
      seen.add(result.id);
      return true;
    });
    // Pagefind's page text puts a zero-width space between the words it cut.
    const plain = (text) => text.normalize("NFKC").replace(/\u200b/g, "").toLowerCase();
    const words = plain(query).split(/\s+/).filter(Boolean);
    const holds = await Promise.all(unique.map(async (result) => {
      if (!changed.has(result.id)) return true;
      const text = plain((await result.data()).content);
      return words.every((word) => text.includes(word));
    }));
    return unique.filter((_, index) => holds[index]);
  }

  let latest = 0;
  async function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    // Busy from the keystroke until this query's results are all shown (a newer query takes over):
    // assistive technology, and the browser tests, wait for it.
    list.setAttribute("aria-busy", "true");
    if (!query) {
      meta.textContent = translations["search.result.placeholder"];
      list.replaceChildren();
      list.setAttribute("aria-busy", "false");
      return;
    }
    const module = await loadPagefind();
    module.preload(query); // fetch the query's index chunks while the typing settles
    const [search, figures] = await Promise.all([module.debouncedSearch(query, {}, 60), figureHits(query)]);
    if (search === null || ticket !== latest) return; // a newer query superseded this one
    // The sentences that state a figure first; then the pages the full text finds for its digits.
    const results = await current(search.results, query);
    if (ticket !== latest) return;
    meta.textContent = count(figures.length + results.length);
    list.replaceChildren(...figures.map(figureItem));
    await showMore(results, 0, ticket);
  }

  // Searching is most of what a reader does here: the engine and the index's metadata load once the
  // page is idle (unless the connection asks to save data), so a first query waits only for its own
  // chunks. Material's own search loads its whole index with every page.
  if (!navigator.connection?.saveData) {
    (window.requestIdleCallback || ((callback) => setTimeout(callback, 1000)))(() => loadPagefind(), { timeout: 3000 });
  }

  input.addEventListener("input", run);
  input.addEventListener("focus", () => {
    toggle.checked = true;
    loadPagefind();
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(run));
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
})();
