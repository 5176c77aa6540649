// zanlex: the few things the static pages do in the reader's browser. No outside requests.
// Words come from window.zanlexI18n (assets/i18n-<lang>.js, made from the page language's
// message catalogue); plurals are chosen with Intl.PluralRules (CLDR), as the catalogue's are.
(function () {
  "use strict";

  var I18N = window.zanlexI18n || { lang: document.documentElement.lang || "en", words: {} };

  function word(key, args) {
    var value = I18N.words[key];
    if (value && typeof value === "object") {
      var form = new Intl.PluralRules(I18N.lang).select(args && args.count !== undefined ? args.count : 0);
      value = value[form] || value.other;
    }
    return String(value === undefined ? "" : value).replace(/\{(\w+)\}/g, function (_, name) {
      return args && args[name] !== undefined ? String(args[name]) : "";
    });
  }

  // ── Pagefind search in the page's language, landing on the article ──────────────────────────
  var COUNT_MARK = "\u2063";

  function bestSubResult(result) {
    var subs = (result.sub_results || []).filter(function (s) { return s.url && s.url.indexOf("#") > 0; });
    if (!subs.length) return null;
    subs.sort(function (a, b) { return (b.locations || []).length - (a.locations || []).length; });
    return subs[0];
  }

  function initSearch() {
    var box = document.getElementById("zl-search");
    if (!box || typeof PagefindUI === "undefined") return;
    var t = {};
    Object.keys(I18N.words).forEach(function (k) {
      if (k.indexOf("pagefind.") === 0 && k.indexOf("pagefind.filter.") !== 0) t[k.slice(9)] = I18N.words[k];
    });
    // Pagefind has one form for "many": the count is marked and reworded with the plural rules.
    t.many_results = COUNT_MARK + "[COUNT]" + COUNT_MARK + "[SEARCH_TERM]";
    t.one_result = COUNT_MARK + "[COUNT]" + COUNT_MARK + "[SEARCH_TERM]";
    new PagefindUI({
      element: "#zl-search",
      bundlePath: box.getAttribute("data-bundle"),
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      translations: t,
      processResult: function (result) {
        // The result leads to the article where the words are, not the top of a long act.
        var best = bestSubResult(result);
        if (best) {
          result.url = best.url;
          result.sub_results = [best].concat(result.sub_results.filter(function (s) { return s !== best; }));
        }
        return result;
      },
    });
    var reword = function () {
      // The search field is named (not only by its placeholder), in the page's language.
      box.querySelectorAll("input.pagefind-ui__search-input:not([aria-label])").forEach(function (el) {
        el.setAttribute("aria-label", word("pagefind.search_label"));
      });
      box.querySelectorAll(".pagefind-ui__message").forEach(function (el) {
        var text = el.textContent;
        if (text.indexOf(COUNT_MARK) < 0) return;
        var parts = text.split(COUNT_MARK);
        el.textContent = word("search.results", { count: parseInt(parts[1], 10), term: parts[2] || "" });
      });
    };
    new MutationObserver(reword).observe(box, { childList: true, subtree: true, characterData: true });
    reword();
  }

  // ── Version switch: a form around a <select>. It changes page on Enter, on the button, or on a
  // choice made with the pointer; arrow keys only move the selection. The provision is kept. ──
  function go(sel) {
    if (!sel.value) return;
    window.location.href = sel.value + (window.location.hash || "");
  }

  function initSwitchers() {
    document.querySelectorAll("form[data-zl-switch]").forEach(function (form) {
      var sel = form.querySelector("select");
      if (!sel) return;
      var pointer = false;
      sel.addEventListener("pointerdown", function () { pointer = true; });
      sel.addEventListener("keydown", function (ev) {
        pointer = false;
        if (ev.key === "Enter") { ev.preventDefault(); go(sel); }
      });
      sel.addEventListener("change", function () { if (pointer) go(sel); });
      form.addEventListener("submit", function (ev) { ev.preventDefault(); go(sel); });
    });
  }

  // ── The language switch keeps the provision: the same anchor on the other language's page ──
  function initAlternates() {
    document.querySelectorAll("a.md-select__link, a[data-keep-hash]").forEach(function (a) {
      a.addEventListener("click", function () {
        var hash = window.location.hash;
        if (hash && a.getAttribute("href").indexOf("#") < 0) a.setAttribute("href", a.getAttribute("href") + hash);
      });
    });
  }

  // A link to a provision this version does not have lands on the closest unit that it has.
  function nearestAnchor() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    var parts = id.split("__");
    while (parts.length > 1) {
      parts.pop();
      var el = document.getElementById(parts.join("__"));
      if (el) { el.scrollIntoView(); return; }
    }
  }

  // ── Diffs: inline or side by side ──
  function initDiffViews() {
    var diff = document.querySelector(".zl-diff");
    if (!diff) return;
    document.querySelectorAll("button.zl-view").forEach(function (b) {
      b.addEventListener("click", function () {
        diff.setAttribute("data-view", b.getAttribute("data-view"));
        document.querySelectorAll("button.zl-view").forEach(function (x) {
          x.setAttribute("aria-pressed", String(x === b));
        });
      });
    });
  }

  // A draft's status, computed now, so that it stays true between builds. It replaces the status
  // the build wrote (which says "as of" the build date) in the same element and the same words:
  // before the posting date, "not yet posted"; until the window closes (24:00 Astana time of the
  // 10th working day), "open" with the working days left (today counts when it is one of them);
  // then "closed", with or without the report.
  var ASTANA_OFFSET_MS = 5 * 3600000;     // Asia/Almaty: UTC+5 since 1 March 2024

  function initDraftStatus() {
    document.querySelectorAll(".zl-status[data-deadline]").forEach(function (el) {
      var deadline = new Date(el.getAttribute("data-deadline")).getTime();
      if (isNaN(deadline)) return;
      var now = Date.now();
      var today = new Date(now + ASTANA_OFFSET_MS).toISOString().slice(0, 10);
      var posted = el.getAttribute("data-posted") || "";
      var report = el.getAttribute("data-report") || "";
      var status;
      if (posted && today < posted) {
        status = word("status.not_yet_posted");
      } else if (now < deadline) {
        var left = (el.getAttribute("data-working-days") || "").split(" ").filter(function (d) {
          return d && d >= today;
        }).length;
        status = word("status.days_left", { count: left });
      } else {
        status = word(report && report <= today ? "status.closed_reported" : "status.closed_report_due");
      }
      el.textContent = el.getAttribute("data-form") === "sentence" ? word("draft.status", { status: status }) : status;
      el.classList.add(now < deadline ? "zl-open" : "zl-closed");
    });
  }

  function init() {
    initSearch();
    initSwitchers();
    initAlternates();
    initDiffViews();
    initDraftStatus();
    nearestAnchor();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
