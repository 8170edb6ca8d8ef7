(function () {
  "use strict";
  // The only script the CSP allows (by hash). It counts policy violations and errors into
  // attributes of <html> so that a headless browser test can read them from the DOM, then
  // wires the filter bar (search, event, kind, state, speaker, outlet, score), which hides the
  // findings that do not match.
  var root = document.documentElement;
  var violations = 0;
  var errors = 0;
  root.setAttribute("data-csp-violations", "0");
  root.setAttribute("data-errors", "0");
  document.addEventListener("securitypolicyviolation", function () {
    violations += 1;
    root.setAttribute("data-csp-violations", String(violations));
  });
  window.addEventListener("error", function () {
    errors += 1;
    root.setAttribute("data-errors", String(errors));
  });

  var FILTERS = ["f-search", "f-event", "f-kind", "f-state", "f-speaker", "f-outlet", "f-score"];

  function value(id) { return document.getElementById(id).value; }

  // whether any element matching `css` inside `card` has exactly the text `want`
  function has(card, css, want) {
    var found = false;
    card.querySelectorAll(css).forEach(function (e) {
      if (e.textContent === want) { found = true; }
    });
    return found;
  }

  function apply() {
    var words = value("f-search").toLowerCase().split(/\s+/).filter(function (w) { return w !== ""; });
    var event = value("f-event");
    var kind = value("f-kind");
    var state = value("f-state");
    var speaker = value("f-speaker");
    var outlet = value("f-outlet");
    var min = parseFloat(value("f-score")) || 0;
    document.getElementById("f-score-value").textContent = min.toFixed(2);
    var cards = document.querySelectorAll(".finding");
    var shown = 0;
    cards.forEach(function (card) {
      var text = words.length ? card.textContent.toLowerCase() : "";
      var ok = (event === "" || card.getAttribute("data-event") === event) &&
        (kind === "" || card.getAttribute("data-kind") === kind) &&
        (state === "" || (card.getAttribute("data-states") || "").split(" ").indexOf(state) >= 0) &&
        (speaker === "" || has(card, ".speaker-name", speaker)) &&
        (outlet === "" || has(card, ".src-outlet", outlet)) &&
        words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        parseFloat(card.getAttribute("data-score")) >= min - 1e-9;
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.querySelectorAll(".event-findings").forEach(function (section) {
      section.hidden = section.querySelector(".finding:not([hidden])") === null;
    });
    var out = document.getElementById("shown");
    out.setAttribute("data-shown", String(shown));
    out.textContent = shown + " of " + cards.length + " findings shown";
  }

  document.addEventListener("DOMContentLoaded", function () {
    FILTERS.forEach(function (id) {
      document.getElementById(id).addEventListener("input", apply);
    });
    document.getElementById("f-reset").addEventListener("click", function () {
      FILTERS.forEach(function (id) { document.getElementById(id).value = id === "f-score" ? "0" : ""; });
      apply();
    });
    // a filter given in the address (report.html#state=SY or #q=normalization) applies on load,
    // so that a filtered view can be linked to and tested
    var hash = decodeURIComponent(location.hash.replace(/^#/, ""));
    var given = { q: "f-search", state: "f-state", kind: "f-kind", event: "f-event", speaker: "f-speaker", outlet: "f-outlet" };
    hash.split("&").forEach(function (pair) {
      var kv = pair.split("=");
      if (kv.length !== 2 || !given[kv[0]]) { return; }
      var el = document.getElementById(given[kv[0]]);
      // a value the list lacks (a state on no finding) still filters: it shows nothing
      var listed = el.tagName !== "SELECT" || Array.prototype.some.call(el.options, function (o) { return o.value === kv[1]; });
      if (!listed) {
        var o = document.createElement("option");
        o.value = kv[1];
        o.textContent = kv[1];
        el.appendChild(o);
      }
      el.value = kv[1];
    });
    apply();
  });
})();
