/* fzcheck dashboard: sort the table by any column, filter rows by text and by condition. */
(function () {
  "use strict";
  var table = document.getElementById("reports");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var query = document.getElementById("q");
  var show = document.getElementById("show");
  var shown = document.getElementById("shown");

  function value(row, col, type) {
    var v = row.cells[col].getAttribute("data-v") || "";
    return type === "num" ? parseFloat(v) || 0 : v;
  }

  heads.forEach(function (th, col) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var type = th.getAttribute("data-type");
      var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir);
      var sign = dir === "ascending" ? 1 : -1;
      var sorted = rows.slice().sort(function (a, b) {
        var x = value(a, col, type), y = value(b, col, type);
        var c = type === "num" ? x - y : String(x).localeCompare(String(y), "zh-Hans-CN");
        return c === 0 ? value(a, 0, "num") - value(b, 0, "num") : c * sign;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
    });
  });

  function matches(row) {
    var q = (query.value || "").trim().toLowerCase();
    if (q && row.cells[1].textContent.toLowerCase().indexOf(q) < 0) { return false; }
    switch (show.value) {
      case "error": return row.getAttribute("data-error") !== "0";
      case "missing": return row.getAttribute("data-missing") !== "0";
      case "late": return row.getAttribute("data-deadline") !== "ontime";
      case "clean": return row.getAttribute("data-total") === "0";
      default: return true;
    }
  }

  function apply() {
    var n = 0;
    rows.forEach(function (row) { var ok = matches(row); row.hidden = !ok; if (ok) { n += 1; } });
    shown.textContent = "显示 " + n + " / " + rows.length + " 份";
  }
  query.addEventListener("input", apply);
  show.addEventListener("change", apply);
  document.getElementById("filters").addEventListener("submit", function (ev) { ev.preventDefault(); });
  apply();
})();
