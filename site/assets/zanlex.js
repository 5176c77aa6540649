// zanlex: the few things the static pages do in the reader's browser. No outside requests.
(function () {
  "use strict";

  // Pagefind search box: the index of this page's <html lang> (ru, kk, en).
  function initSearch() {
    var box = document.getElementById("zl-search");
    if (!box || typeof PagefindUI === "undefined") return;
    new PagefindUI({
      element: "#zl-search",
      bundlePath: box.getAttribute("data-bundle"),
      showSubResults: true,
      resetStyles: false,
    });
  }

  // Version switcher: a <select> whose option values are links to versions.
  function initSwitchers() {
    document.querySelectorAll("select.zl-switcher").forEach(function (sel) {
      sel.addEventListener("change", function () {
        if (sel.value) window.location.href = sel.value;
      });
    });
  }

  // "Days left" until a discussion deadline, computed now, so it stays true between builds.
  // The deadline is an ISO instant (end of the 10th working day, Asia/Almaty).
  function initDaysLeft() {
    document.querySelectorAll("[data-deadline]").forEach(function (el) {
      var deadline = new Date(el.getAttribute("data-deadline"));
      if (isNaN(deadline)) return;
      var ms = deadline.getTime() - Date.now();
      var text;
      if (ms <= 0) {
        text = el.getAttribute("data-closed") || "closed";
      } else {
        var days = Math.ceil(ms / 86400000);
        text = days + (days === 1 ? " day left" : " days left");
      }
      el.textContent = text;
      el.classList.add(ms <= 0 ? "zl-closed" : "zl-open");
    });
  }

  function init() {
    initSearch();
    initSwitchers();
    initDaysLeft();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
