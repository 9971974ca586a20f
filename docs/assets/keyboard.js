// Keyboard use that Material for MkDocs 9 lacks (WCAG 2.1 AA; squidfunk/mkdocs-material#4101):
// - On narrow screens the menu button is a <label> for a hidden checkbox, which the keyboard
//   cannot reach: it becomes a button that Enter and Space open and close, and Escape closes
//   the menu and returns focus to it (site.css hides the closed drawer's links).
// - The language list opens on hover and focus; Escape closes it (1.4.13).
// - "Back to top" from the keyboard left focus on a button that then hides, and the next Tab
//   went to the page's end: focus goes to the first element of the page, as on a new page.
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var menuButton = document.querySelector('.md-header label[for="__drawer"]');
  var languageSelect = document.querySelector(".md-header .md-select");
  var DISMISSED = "gpp-select--dismissed";

  function setDrawer(open) {
    drawer.checked = open;
    drawer.dispatchEvent(new Event("change", { bubbles: true })); // Material follows the checkbox
  }

  if (drawer && menuButton) {
    menuButton.setAttribute("role", "button");
    menuButton.setAttribute("tabindex", "0");
    menuButton.setAttribute("aria-expanded", String(drawer.checked));
    drawer.addEventListener("change", function () {
      menuButton.setAttribute("aria-expanded", String(drawer.checked));
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (drawer.checked && first && document.activeElement === menuButton) {
        window.setTimeout(function () { first.focus(); }, 0); // once site.css shows the drawer
      }
    });
    menuButton.addEventListener("keydown", function (event) {
      if (event.key !== " ") return; // Enter: Material clicks a focused label itself
      event.preventDefault();
      menuButton.click();
    });
  }

  function dismissLanguageList() {
    languageSelect.classList.add(DISMISSED);
    if (languageSelect.contains(document.activeElement)) languageSelect.querySelector("button").focus();
  }

  if (languageSelect) {
    languageSelect.addEventListener("focusin", function (event) {
      if (event.target.classList.contains("md-select__link")) languageSelect.classList.remove(DISMISSED);
    });
    languageSelect.addEventListener("focusout", function (event) {
      if (!languageSelect.contains(event.relatedTarget)) languageSelect.classList.remove(DISMISSED);
    });
    languageSelect.addEventListener("mouseleave", function () {
      if (!languageSelect.contains(document.activeElement)) languageSelect.classList.remove(DISMISSED);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (drawer && menuButton && drawer.checked) {
      setDrawer(false);
      menuButton.focus();
    } else if (languageSelect && (languageSelect.matches(":hover") || languageSelect.contains(document.activeElement))) {
      dismissLanguageList();
    }
  });

  var backToTop = document.querySelector(".md-top");
  var pageStart = document.querySelector(".md-skip") || document.querySelector(".md-header a[href]");
  if (backToTop && pageStart) {
    backToTop.addEventListener("click", function (event) {
      if (event.detail === 0) pageStart.focus({ preventScroll: true }); // Enter or Space, not a pointer
    });
  }
})();
