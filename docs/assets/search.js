// Starts Pagefind's UI on the search page, in the page's language, with the query from ?q=.
(function () {
  "use strict";
  var element = document.getElementById("gpp-search");
  if (!element || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#gpp-search",
    bundlePath: element.dataset.bundle,
    baseUrl: element.dataset.baseUrl,
    translations: JSON.parse(element.dataset.translations),
    showImages: false,
    resetStyles: false,
    autofocus: true,
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
