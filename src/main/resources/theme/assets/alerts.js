// Filtering and sorting for the alerts table; without JavaScript the full table is shown.
(function () {
  "use strict";
  const table = document.getElementById("alerts");
  const filter = document.getElementById("alert-filter");
  const group = document.getElementById("group-filter");
  const severity = document.getElementById("severity-filter");
  if (!table || !filter) return;
  filter.parentElement.hidden = false;
  const rows = Array.from(table.tBodies[0].rows);
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) filter.value = query;

  function apply() {
    const terms = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const row of rows) {
      const text = row.textContent.toLowerCase();
      row.hidden = !terms.every(function (t) { return text.indexOf(t) >= 0; })
        || (group.value && row.dataset.group !== group.value)
        || (severity.value && row.dataset.severity !== severity.value);
    }
  }
  filter.addEventListener("input", apply);
  filter.addEventListener("search", apply);
  group.addEventListener("change", apply);
  severity.addEventListener("change", apply);
  apply();

  // Each header becomes a button, so sorting works from the keyboard; aria-sort says how it is sorted.
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach(function (th, column) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.replaceChildren(button);
    button.addEventListener("click", function () {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        const x = a.cells[column].textContent.trim();
        const y = b.cells[column].textContent.trim();
        return ascending ? x.localeCompare(y) : y.localeCompare(x);
      }).forEach(function (row) { table.tBodies[0].appendChild(row); });
    });
  });
})();
