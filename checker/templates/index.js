/* fzcheck dashboard: sort the table by any column, filter rows by text, condition and rule;
   the totals row sums the rows shown. */
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
  var rule = document.getElementById("rule");
  var foot = table.tFoot ? Array.prototype.slice.call(table.tFoot.rows[0].cells) : [];
  var totalLabel = document.getElementById("total-label");
  var original = foot.map(function (cell) { return cell.textContent; });

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
    if (rule && rule.value && (row.getAttribute("data-rules") || "").indexOf(" " + rule.value + " ") < 0) { return false; }
    switch (show.value) {
      case "error": return row.getAttribute("data-error") !== "0";
      case "missing": return row.getAttribute("data-missing") !== "0";
      case "late": return row.getAttribute("data-deadline") !== "ontime";
      case "clean": return row.getAttribute("data-total") === "0";
      default: return true;
    }
  }

  function totals(visible) {
    foot.forEach(function (cell) {
      var kind = cell.getAttribute("data-total");
      if (!kind) { return; }
      var col = parseInt(cell.getAttribute("data-col"), 10);
      var sum = 0;
      visible.forEach(function (row) {
        if (kind === "missing") { sum += value(row, col, "num") === 0 ? 1 : 0; }
        else if (kind === "late") { sum += ["late", "edge", "invalid"].indexOf(row.getAttribute("data-deadline")) >= 0 ? 1 : 0; }
        else { sum += value(row, col, "num"); }
      });
      if (kind === "missing") { cell.textContent = sum ? "缺 " + sum : "—"; }
      else if (kind === "late") { cell.textContent = "逾期 " + sum; }
      else if (kind === "average") { cell.textContent = visible.length ? "均 " + (sum / visible.length).toFixed(1) : ""; }
      else { cell.textContent = String(sum); }
    });
    if (totalLabel) {
      totalLabel.textContent = visible.length === rows.length ? "合计" : "合计（显示的 " + visible.length + " 份）";
    }
  }

  function apply() {
    var visible = [];
    rows.forEach(function (row) { var ok = matches(row); row.hidden = !ok; if (ok) { visible.push(row); } });
    shown.textContent = "显示 " + visible.length + " / " + rows.length + " 份";
    if (visible.length !== rows.length) { totals(visible); }
    else { foot.forEach(function (cell, i) { cell.textContent = original[i]; }); }
  }
  query.addEventListener("input", apply);
  show.addEventListener("change", apply);
  if (rule) { rule.addEventListener("change", apply); }
  document.getElementById("filters").addEventListener("submit", function (ev) { ev.preventDefault(); });
  apply();
})();
