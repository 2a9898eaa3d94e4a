/* fzcheck report page: filter the findings list, jump between the list and the text.
   Works without this script too (plain links); report text is never read as HTML here. */
(function () {
  "use strict";
  var list = document.getElementById("flist");
  var form = document.getElementById("filters");
  if (!list || !form) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll("li.fi"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl[data-f]"));
  var tagged = Array.prototype.slice.call(document.querySelectorAll(".note[data-f], .gapmark[data-f], .fref[data-f]"));
  var shown = document.getElementById("shown");
  var ruleSelect = document.getElementById("rule-filter");
  var visible = {};
  var current = null;

  function ids(el) { return (el.getAttribute("data-f") || "").split(" ").filter(Boolean); }
  function byId(id) { return document.getElementById(id); }

  function applyFilter() {
    var sev = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=sev]"), function (box) { sev[box.value] = box.checked; });
    var rule = ruleSelect ? ruleSelect.value : "";
    var count = 0;
    visible = {};
    items.forEach(function (li) {
      var ok = sev[li.getAttribute("data-sev")] !== false && (!rule || li.getAttribute("data-rule") === rule);
      li.hidden = !ok;
      if (ok) { visible[li.getAttribute("data-f")] = true; count += 1; }
    });
    tagged.forEach(function (el) { el.hidden = !visible[el.getAttribute("data-f")]; });
    marks.forEach(function (mark) {
      var on = ids(mark).filter(function (id) { return visible[id]; });
      mark.classList.toggle("off", on.length === 0);
      if (on.length) {
        var first = byId("fi-" + on[0]);
        var sevName = first ? first.getAttribute("data-sev") : "info";
        mark.classList.remove("sev-error", "sev-warning", "sev-info");
        mark.classList.add("sev-" + sevName);
      }
    });
    shown.textContent = count === items.length ? "显示全部 " + count + " 条" : "显示 " + count + " / " + items.length + " 条";
  }

  function select(id, scrollText, scrollList) {
    Array.prototype.forEach.call(document.querySelectorAll(".current"), function (el) { el.classList.remove("current"); });
    current = id;
    if (!id) { return; }
    var li = byId("fi-" + id);
    var anchor = byId("f-" + id);
    var note = byId("n-" + id);
    if (li) { li.classList.add("current"); }
    if (note) { note.classList.add("current"); }
    if (anchor) { anchor.classList.add("current"); }
    marks.forEach(function (mark) { if (ids(mark).indexOf(id) >= 0) { mark.classList.add("current"); } });
    if (scrollText && anchor) {
      anchor.scrollIntoView({ block: "center", behavior: "auto" });
      anchor.focus({ preventScroll: true });
    }
    if (scrollList && li) {
      li.scrollIntoView({ block: "nearest", behavior: "auto" });
    }
    if (history.replaceState) { history.replaceState(null, "", "#f-" + id); }
  }

  function step(delta) {
    var open = items.filter(function (li) { return !li.hidden; });
    if (!open.length) { return; }
    var at = -1;
    open.forEach(function (li, i) { if (li.getAttribute("data-f") === current) { at = i; } });
    var next = open[(at + delta + open.length) % open.length];
    var id = next.getAttribute("data-f");
    select(id, true, true);
    var link = next.querySelector("a.go");
    if (link && document.activeElement && document.activeElement.closest && document.activeElement.closest("#flist")) {
      link.focus({ preventScroll: true });
    }
  }

  form.addEventListener("change", applyFilter);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });

  list.addEventListener("click", function (ev) {
    var link = ev.target.closest("a.go");
    if (!link) { return; }
    ev.preventDefault();
    select(link.getAttribute("data-f"), true, false);
  });

  document.addEventListener("click", function (ev) {
    var target = ev.target.closest("mark.hl, a.fref, a.gapmark, .note a.num");
    if (!target || target.closest("#flist")) { return; }
    var found = ids(target.closest("[data-f]")).filter(function (id) { return visible[id]; });
    if (!found.length) { return; }
    ev.preventDefault();
    var at = found.indexOf(current);
    select(found[(at + 1) % found.length], false, true);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") { return; }
    if (ev.key === "j" || ev.key === "n") { ev.preventDefault(); step(1); }
    else if (ev.key === "k" || ev.key === "p") { ev.preventDefault(); step(-1); }
    else if (ev.key === "Escape") { select(null); }
  });

  applyFilter();
  var m = /^#f-(\d+)$/.exec(location.hash);
  if (m) { select(m[1], true, true); }
})();
