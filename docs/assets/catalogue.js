/* Supplier catalogue: filters, live count and sortable columns (hooks/catalogue.py writes the HTML).
   No framework and no request to any other host. Without JavaScript the full table stays usable:
   the filters are rendered `hidden` and only shown here, once they work. */
(function () {
  "use strict";

  function rowMatches(row, selects) {
    return selects.every(function (select) {
      if (!select.value) return true;
      var codes = (row.getAttribute("data-" + select.dataset.filter) || "").split(" ");
      return codes.indexOf(select.value) !== -1;
    });
  }

  function applyFilters(catalogue, rows, selects) {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = rowMatches(row, selects);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    var template = catalogue.dataset.countTemplate || "{shown} / {total}";
    var count = template.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
    // An empty table says why, in the same live region as the count.
    if (shown === 0 && catalogue.dataset.noneText) count += ". " + catalogue.dataset.noneText;
    catalogue.querySelector(".gpp-catalogue__count").textContent = count;
  }

  function sortBy(table, header, direction) {
    var column = Array.prototype.indexOf.call(header.parentNode.children, header);
    var body = table.tBodies[0];
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var order = collator.compare(a.cells[column].textContent.trim(), b.cells[column].textContent.trim());
      return direction === "ascending" ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("th[aria-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", direction);
  }

  function makeSortable(table) {
    table.querySelectorAll("th[data-sortable]").forEach(function (header) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "gpp-sort";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () {
        var next = header.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        sortBy(table, header, next);
      });
    });
  }

  function setUp(catalogue) {
    var table = catalogue.querySelector("table");
    var filters = catalogue.querySelector(".gpp-catalogue__filters");
    if (!table || !filters) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(filters.querySelectorAll("select[data-filter]"));
    selects.forEach(function (select) {
      select.addEventListener("change", function () { applyFilters(catalogue, rows, selects); });
    });
    var clear = filters.querySelector(".gpp-catalogue__clear");
    if (clear) {
      clear.addEventListener("click", function () {
        selects.forEach(function (select) { select.value = ""; });
        applyFilters(catalogue, rows, selects);
      });
    }
    makeSortable(table);
    filters.hidden = false;
    applyFilters(catalogue, rows, selects);
  }

  document.querySelectorAll(".gpp-catalogue").forEach(setUp);
})();
