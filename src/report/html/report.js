// whosaid HTML report: point at a source (hover, focus or click) to light all its mentions and
// its card. Nothing is fetched; the page is the same without this script, only less lively.
(function () {
  "use strict";
  var lit = [];
  function clear() {
    lit.forEach(function (el) { el.classList.remove("lit"); });
    lit = [];
  }
  function light(key) {
    clear();
    document.querySelectorAll("[data-s]").forEach(function (el) {
      if (el.getAttribute("data-s") === key) { el.classList.add("lit"); lit.push(el); }
    });
  }
  function keyOf(ev) {
    var el = ev.target && ev.target.closest ? ev.target.closest("[data-s]") : null;
    return el ? el.getAttribute("data-s") : null;
  }
  document.addEventListener("mouseover", function (ev) { var k = keyOf(ev); if (k) { light(k); } });
  document.addEventListener("focusin", function (ev) { var k = keyOf(ev); if (k) { light(k); } });
  document.addEventListener("click", function (ev) { var k = keyOf(ev); if (k) { light(k); } });
  document.documentElement.setAttribute("data-script", "ready");
})();
