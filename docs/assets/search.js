// Starts Pagefind's UI on the search page, in the page's language, with the query from ?q=.
(function () {
  "use strict";
  var element = document.getElementById("gpp-search");
  if (!element || typeof PagefindUI === "undefined") return;
  // Pagefind stems English, Finnish and Polish words but has no stemmer for Bulgarian or Latvian:
  // "поръчка" found 4 pages and "поръчки" 15, "iepirkums" 6 and "iepirkumu" 11. It matches a
  // term's beginning, so a word loses its common ending first ("поръчк", "iepirkum") and finds
  // every form that keeps the stem. A fork adds its own languages without a stemmer here.
  var ENDINGS = {
    bg: ["ията", "ите", "ата", "ята", "ото", "ето", "ият", "ия", "ът", "ят", "та", "те", "то", "и", "а", "я", "о", "е"],
    lv: ["iem", "ām", "ēm", "īm", "ās", "ēs", "os", "is", "us", "as", "es", "ai", "ei", "ie", "am", "em", "um", "im",
         "ā", "ē", "ī", "ū", "a", "e", "i", "u", "s", "š", "o"],
  };
  var MIN_STEM = 4;
  var endings = ENDINGS[document.documentElement.lang] || [];
  function stem(word) {
    var lower = word.toLocaleLowerCase(document.documentElement.lang);
    for (var i = 0; i < endings.length; i++) {
      var ending = endings[i];
      if (lower.length - ending.length >= MIN_STEM && lower.slice(-ending.length) === ending) {
        return lower.slice(0, -ending.length);
      }
    }
    return lower;
  }
  function processTerm(term) {
    return term.split(/(\s+)/).map(function (part) { return /\s/.test(part) ? part : stem(part); }).join("");
  }

  var ui = new PagefindUI({
    element: "#gpp-search",
    processTerm: endings.length ? processTerm : undefined,
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
