/*
 * Hover previews where Material's own cannot run. Material previews a link
 * marked data-preview only when it finds the target page in sitemap.xml, whose
 * addresses are absolute only when the site has a site_url (the Pages workflow
 * and `reportsite serve` give it one). A site built without one, opened from
 * any static server, says so (<meta name="reportsite-previews">), and gets the
 * same preview from here, in Material's tooltip: the target page fetched once,
 * then the sentence an anchor names, or the page's heading and what follows it.
 * The fetched page's nodes are cloned as they are; its scripts are dropped.
 */
(() => {
  "use strict";

  if (!document.querySelector('meta[name="reportsite-previews"]')) return;

  const DELAY = 250; // ms a pointer rests on a link (or leaves it) before the preview shows (or goes)
  const MAX_BLOCKS = 6; // what follows a heading, at most
  const pages = new Map(); // address without its fragment -> the parsed page
  let hovered = null;
  let tooltip = null;
  let timer = null;

  function load(address) {
    if (!pages.has(address)) {
      pages.set(address, fetch(address)
        .then((response) => (response.ok ? response.text() : Promise.reject(new Error(response.status))))
        .then((html) => new DOMParser().parseFromString(html, "text/html")));
    }
    return pages.get(address);
  }

  function cleaned(node) {
    const copy = document.importNode(node, true);
    copy.querySelectorAll("script, .headerlink").forEach((element) => element.remove());
    copy.querySelectorAll("[id]").forEach((element) => element.removeAttribute("id"));
    copy.removeAttribute("id");
    return copy;
  }

  // What Material's preview shows: the target as a heading, then, for a heading, what follows it.
  function extract(page, fragment) {
    const target = fragment ? page.querySelector(`article [id="${CSS.escape(fragment)}"]`)
      : page.querySelector("article h1");
    if (!target) return null;
    const heading = document.createElement("h3");
    heading.append(...cleaned(target).childNodes);
    const blocks = [heading];
    if (/^H[1-6]$/.test(target.tagName)) {
      for (let next = target.nextElementSibling; next && !/^H[1-6]$/.test(next.tagName)
        && blocks.length <= MAX_BLOCKS; next = next.nextElementSibling) {
        blocks.push(cleaned(next));
      }
    }
    return blocks;
  }

  function hide() {
    tooltip?.remove();
    tooltip = null;
  }

  function show(link) {
    const address = new URL(link.href);
    const fragment = decodeURIComponent(address.hash.slice(1));
    address.hash = "";
    load(address.href).then((page) => {
      const blocks = hovered === link ? extract(page, fragment) : null;
      if (!blocks) return;
      hide();
      const inner = document.createElement("div");
      inner.className = "md-tooltip2__inner md-typeset";
      inner.append(...blocks);
      tooltip = document.createElement("div");
      tooltip.className = "md-tooltip2";
      tooltip.setAttribute("role", "dialog");
      tooltip.append(inner);
      document.body.append(tooltip);
      // Placed as Material places its own: below the link, or above it in the lower half of the window.
      const box = link.getBoundingClientRect();
      const below = box.top < innerHeight / 2;
      const y = below ? 16 + box.height : -16 - tooltip.getBoundingClientRect().height;
      tooltip.style.setProperty("--md-tooltip-host-x", `${box.left + scrollX}px`);
      tooltip.style.setProperty("--md-tooltip-host-y", `${box.top + scrollY}px`);
      tooltip.style.setProperty("--md-tooltip-x", `${box.width / 2}px`);
      tooltip.style.setProperty("--md-tooltip-y", `${y}px`);
      tooltip.classList.add(below ? "md-tooltip2--bottom" : "md-tooltip2--top");
      tooltip.addEventListener("mouseenter", () => clearTimeout(timer));
      tooltip.addEventListener("mouseleave", leave);
      requestAnimationFrame(() => tooltip?.classList.add("md-tooltip2--active"));
    }, () => {});
  }

  function enter(event) {
    const link = event.target.closest?.("article a[data-preview]");
    if (!link || link === hovered) return;
    hovered = link;
    clearTimeout(timer);
    timer = setTimeout(() => show(link), DELAY);
  }

  function leave(event) {
    if (tooltip && event.relatedTarget && tooltip.contains(event.relatedTarget)) return;
    if (hovered && event.relatedTarget && hovered.contains(event.relatedTarget)) return;
    hovered = null;
    clearTimeout(timer);
    timer = setTimeout(hide, DELAY);
  }

  // Listened for on the document, so links of pages shown by instant navigation preview too.
  document.addEventListener("mouseover", enter);
  document.addEventListener("focusin", enter);
  document.addEventListener("mouseout", (event) => {
    if (event.target.closest?.("article a[data-preview]")) leave(event);
  });
  document.addEventListener("focusout", (event) => {
    if (event.target.closest?.("article a[data-preview]")) leave(event);
  });
})();
