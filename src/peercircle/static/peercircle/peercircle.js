/* Small behaviours that templates must not carry inline (Content-Security-Policy: no inline
   script or style). Sizes come from data attributes: data-width and data-left in percent. */
(function () {
  "use strict";

  function percent(value) {
    var number = parseFloat(value);
    return isNaN(number) ? null : Math.max(0, Math.min(100, number)) + "%";
  }

  function apply(root) {
    root.querySelectorAll("[data-width]").forEach(function (element) {
      var width = percent(element.getAttribute("data-width"));
      if (width !== null) { element.style.width = width; }
    });
    root.querySelectorAll("[data-left]").forEach(function (element) {
      var left = percent(element.getAttribute("data-left"));
      if (left !== null) { element.style.left = left; }
    });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select[data-autosubmit]") && target.form) {
      target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-history-back]");
    if (link && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });

  // Content swapped in by htmx (job progress) gets its sizes too.
  document.addEventListener("htmx:load", function (event) { apply(event.target); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { apply(document); });
  } else {
    apply(document);
  }
}());
