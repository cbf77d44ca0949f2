// The question preview saves nothing: its form never submits (without JavaScript it only reloads).
(function () {
  "use strict";
  document.querySelectorAll("form[data-preview]").forEach(function (form) {
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  });
})();
