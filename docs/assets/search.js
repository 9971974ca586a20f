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

  // Pagefind's UI shows "3 results for …" in an element it re-renders, without telling screen
  // readers (WCAG 2.1, 4.1.3 Status messages): its text is copied into a status region, once the
  // visitor has stopped typing.
  var status = document.createElement("p");
  status.className = "gpp-visually-hidden";
  status.setAttribute("role", "status");
  element.after(status);
  var pending;
  new MutationObserver(function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () {
      var message = element.querySelector(".pagefind-ui__message");
      var text = message ? message.textContent.trim() : "";
      if (text !== status.textContent) status.textContent = text;
    }, 400);
  }).observe(element, { childList: true, subtree: true, characterData: true });
})();
