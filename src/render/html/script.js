(function () {
  "use strict";
  // The only script the CSP allows (by hash). It counts policy violations and errors into
  // attributes of <html> so that a headless browser test can read them from the DOM, then
  // wires the filter bar, which hides the findings that do not match.
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

  function apply() {
    var event = document.getElementById("f-event").value;
    var kind = document.getElementById("f-kind").value;
    var min = parseFloat(document.getElementById("f-score").value) || 0;
    document.getElementById("f-score-value").textContent = min.toFixed(2);
    var cards = document.querySelectorAll(".finding");
    var shown = 0;
    cards.forEach(function (card) {
      var ok = (event === "" || card.getAttribute("data-event") === event) &&
        (kind === "" || card.getAttribute("data-kind") === kind) &&
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
    ["f-event", "f-kind", "f-score"].forEach(function (id) {
      document.getElementById(id).addEventListener("input", apply);
    });
    document.getElementById("f-reset").addEventListener("click", function () {
      document.getElementById("f-event").value = "";
      document.getElementById("f-kind").value = "";
      document.getElementById("f-score").value = "0";
      apply();
    });
    apply();
  });
})();
