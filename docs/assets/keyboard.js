// Keyboard use that Material for MkDocs 9 lacks (WCAG 2.1 AA; squidfunk/mkdocs-material#4101):
// - On narrow screens the menu button is a <label> for a hidden checkbox, which the keyboard
//   cannot reach: it becomes a button that Enter and Space open and close, and Escape closes
//   the menu and returns focus to it (site.css hides the closed drawer's links).
// - Inside the open menu the panels (a section, the page's table of contents) slide in and back
//   with <label>s too: they become buttons, focus follows the panel that comes to the front
//   (site.css hides the others), and the page behind the menu is inert until it closes.
// - The language list opens on hover and focus; Escape closes it (1.4.13).
// - "Back to top" from the keyboard left focus on a button that then hides, and the next Tab
//   went to the page's end: focus goes to the first element of the page, as on a new page.
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var menuButton = document.querySelector('.md-header label[for="__drawer"]');
  var languageSelect = document.querySelector(".md-header .md-select");
  var DISMISSED = "gpp-select--dismissed";

  var sidebar = document.querySelector(".md-sidebar--primary");
  var drawerMode = window.matchMedia("(max-width: 76.2344em)"); // Material's breakpoint for the drawer

  function setDrawer(open) {
    drawer.checked = open;
    drawer.dispatchEvent(new Event("change", { bubbles: true })); // Material follows the checkbox
  }

  // A <label> for a checkbox, operated as a button; aria-expanded follows the checkbox.
  function labelAsButton(label, checkbox) {
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-expanded", String(checkbox.checked));
    label.addEventListener("keydown", function (event) {
      if (event.key !== " ") return; // Enter: Material clicks a focused label itself
      event.preventDefault();
      label.click();
    });
  }

  // Everything but the drawer, from the drawer up to <body>; the overlay stays clickable.
  function pageBehindDrawer() {
    var behind = [];
    for (var node = sidebar; node.parentElement && node !== document.body; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling !== node && !sibling.matches("input, script, .md-overlay")) behind.push(sibling);
      });
    }
    return behind;
  }

  // The first link or button of the panel in front (site.css hides the others).
  function firstShownInDrawer() {
    return Array.prototype.find.call(sidebar.querySelectorAll('a[href], [tabindex="0"]'), function (element) {
      return element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
    });
  }

  if (drawer && menuButton && sidebar) {
    labelAsButton(menuButton, drawer);
    var setInert = function () {
      var inert = drawer.checked && drawerMode.matches;
      // Found each time: language-offer.js may have added a line above the header since.
      pageBehindDrawer().forEach(function (element) { element.inert = inert; });
    };
    drawer.addEventListener("change", function () {
      menuButton.setAttribute("aria-expanded", String(drawer.checked));
      var focusFirst = drawer.checked && document.activeElement === menuButton;
      setInert();
      if (focusFirst) {
        window.setTimeout(function () { // once site.css shows the drawer
          var first = firstShownInDrawer();
          if (first) first.focus();
        }, 0);
      }
    });
    drawerMode.addEventListener("change", setInert);
    setInert();
  }

  // The labels that open a panel (a section's arrow, the current page's entry) and lead back from
  // it (the panel's title): buttons only while the navigation is a drawer.
  function panelLabels(toggle) {
    return sidebar.querySelectorAll('label[for="' + toggle.id + '"]');
  }
  var panelToggles = sidebar ? sidebar.querySelectorAll(".md-nav__toggle") : [];
  Array.prototype.forEach.call(panelToggles, function (toggle) {
    Array.prototype.forEach.call(panelLabels(toggle), function (label) {
      labelAsButton(label, toggle);
      // A section's arrow has no text: it takes the section's name from the link beside it.
      var section = label.parentElement.querySelector(":scope > a");
      if (!label.textContent.trim() && section) label.setAttribute("aria-label", section.textContent.trim());
    });
  });
  function setPanelButtons() {
    Array.prototype.forEach.call(panelToggles, function (toggle) {
      Array.prototype.forEach.call(panelLabels(toggle), function (label) {
        if (drawerMode.matches) label.setAttribute("tabindex", "0");
        else label.removeAttribute("tabindex");
      });
    });
  }
  drawerMode.addEventListener("change", setPanelButtons);
  setPanelButtons();
  if (sidebar) {
    sidebar.addEventListener("change", function (event) {
      var toggle = event.target;
      if (!toggle.matches(".md-nav__toggle")) return;
      var labels = panelLabels(toggle);
      Array.prototype.forEach.call(labels, function (label) { label.setAttribute("aria-expanded", String(toggle.checked)); });
      var panel = toggle.parentElement.querySelector(":scope > .md-nav");
      if (!drawerMode.matches || !panel) return;
      var opener = Array.prototype.find.call(labels, function (label) { return !panel.contains(label); });
      if (toggle.checked && document.activeElement === opener) {
        // Without scrolling: the panel is still sliding in from the right.
        (panel.querySelector(":scope > label") || panel.querySelector("a[href]")).focus({ preventScroll: true });
      } else if (!toggle.checked && panel.contains(document.activeElement) && opener) {
        opener.focus();
      }
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
