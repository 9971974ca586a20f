/* Offers a page's translation in the visitor's preferred language (hooks/language_offer.py).
   Shown only to a visitor who arrives from elsewhere (a search engine, a shared link): one who
   moved here inside the site, with the language switcher or a link, has already chosen. The first
   of the browser's languages that the site has decides; when that is the page's own language,
   nothing is offered. Nothing is stored, no request is made, and focus is never moved to it. */
(function () {
  "use strict";
  var data = document.getElementById("gpp-language-offers");
  var header = document.querySelector(".md-header");
  if (!data || !header || arrivedFromThisSite()) return;

  function arrivedFromThisSite() {
    try {
      return Boolean(document.referrer) && new URL(document.referrer).origin === window.location.origin;
    } catch (error) {
      return false;
    }
  }

  function preferredOffer(offers, pageLanguage) {
    var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < preferred.length; i += 1) {
      var language = preferred[i].toLowerCase().split("-")[0];
      if (language === pageLanguage) return null;
      for (var j = 0; j < offers.length; j += 1) {
        if (offers[j].lang === language) return offers[j];
      }
    }
    return null;
  }

  function show(offer) {
    var box = document.createElement("aside");
    box.className = "gpp-language-offer";
    box.lang = offer.lang;
    var link = document.createElement("a");
    link.id = "gpp-language-offer-link";
    link.href = offer.href;
    link.hreflang = offer.lang;
    link.textContent = offer.text;
    box.setAttribute("aria-labelledby", link.id);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "gpp-language-offer__close";
    close.setAttribute("aria-label", offer.close);
    close.textContent = "\u00d7";
    close.addEventListener("click", function () {
      box.remove();
      var top = document.querySelector(".md-skip"); // where focus would be at the page's start
      if (top) top.focus();
    });
    box.appendChild(link);
    box.appendChild(close);
    header.parentNode.insertBefore(box, header);
  }

  var offer = preferredOffer(JSON.parse(data.textContent), document.documentElement.lang);
  if (offer) show(offer);
})();
