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

  // A field that applies only with another field's value (the number of people in a group
  // session) is hidden until that value is chosen; without script it simply stays visible.
  function shownWhen(root) {
    root.querySelectorAll("[data-shown-when]").forEach(function (wrapper) {
      var form = wrapper.closest("form");
      if (!form) { return; }
      var name = wrapper.getAttribute("data-shown-when");
      var chosen = form.querySelector("[name='" + name + "']:checked") || form.querySelector("select[name='" + name + "']");
      wrapper.hidden = !chosen || chosen.value !== wrapper.getAttribute("data-shown-value");
    });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    var form = target.form || (target.closest && target.closest("form"));
    if (form) { shownWhen(form); }
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

  // A long list (regions, help areas…) gets a box that narrows it as one types: options that
  // do not contain the typed text are hidden; the select itself and what it sends are unchanged.
  function fold(text) {
    return text.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ł/g, "l").replace(/ё/g, "е");
  }

  function searchable(root) {
    root.querySelectorAll("select[data-searchable]:not([data-search-ready])").forEach(function (select) {
      select.setAttribute("data-search-ready", "");
      var box = document.createElement("input");
      box.type = "search";
      box.className = "form-control form-control-sm mb-1";
      box.setAttribute("aria-label", select.getAttribute("data-search-label") || "");
      box.setAttribute("aria-controls", select.id);
      box.placeholder = select.getAttribute("data-search-label") || "";
      box.autocomplete = "off";
      select.parentNode.insertBefore(box, select);
      box.addEventListener("input", function () {
        var query = fold(box.value.trim());
        Array.prototype.forEach.call(select.options, function (option) {
          option.hidden = Boolean(query) && option.value !== "" && fold(option.text).indexOf(query) === -1;
        });
      });
    });
  }

  // A background job the page was watching ended with a file: it downloads by itself, once
  // (the link stays for a second try).
  function downloadNow(root) {
    var links = root.matches && root.matches("[data-download-now]") ? [root] :
      Array.prototype.slice.call(root.querySelectorAll ? root.querySelectorAll("[data-download-now]") : []);
    links.forEach(function (link) {
      link.removeAttribute("data-download-now");
      window.location.assign(link.href);
    });
  }

  // Content swapped in by htmx (job progress) gets its sizes too.
  document.addEventListener("htmx:load", function (event) {
    apply(event.target);
    searchable(event.target);
    shownWhen(event.target);
    downloadNow(event.target);
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { apply(document); searchable(document); shownWhen(document); });
  } else {
    apply(document);
    searchable(document);
    shownWhen(document);
  }
}());
