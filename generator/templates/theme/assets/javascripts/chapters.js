/* A long document's text stands on its chapters' pages. A link to one of its
   sentences lands on the document's page, which holds an empty anchor for
   each, naming its chapter: this sends the reader on to the sentence there. */
(function () {
  function follow() {
    var id = decodeURIComponent(location.hash.slice(1));
    var anchor = id && document.getElementById(id);
    if (anchor && anchor.dataset.chapter) {
      location.replace(anchor.dataset.chapter + "/#" + encodeURIComponent(id));
    }
  }
  // With instant navigation, Material announces each page it shows on document$; without, the page is shown once.
  const start = (init) => (window.document$ ? window.document$.subscribe(init) : init());
  start(follow);
  window.addEventListener("hashchange", follow);
})();
