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

  // Every HTMX swap tells a screen reader what changed (issue 23), in one place rather than page
  // by page: a region that held the focus hands it to the new content (its marked element, its
  // heading, or its first control), and a swap that brings a count or a message ("2 results")
  // says it through the page's polite live region (#announcer in base.html).
  var focusWasIn = null;

  function focusable(root) {
    return root.querySelector("[data-focus-after-swap]") ||
      root.querySelector("h1, h2, h3, h4, [role=alert], [role=status]") ||
      root.querySelector("a[href], button:not([disabled]), input:not([type=hidden]), select, textarea");
  }

  var swappedAfter = null, swappedIn = null, lastSaid = null;

  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    var active = document.activeElement;
    focusWasIn = target && active && active !== document.body && target.contains(active) ?
      (target.id || null) : null;
    if (target && active && target.contains(active) && !focusWasIn) { focusWasIn = "#"; }
    // where the target stands, for an outerHTML swap of an element without an id
    swappedIn = target ? target.parentElement : null;
    swappedAfter = target ? target.previousElementSibling : null;
  });

  function replacement(target) {
    if (target && target.isConnected) { return target; }
    if (target && target.id) { return document.getElementById(target.id); }
    if (swappedIn && swappedIn.isConnected) {  // the element now standing in its place
      return swappedAfter && swappedAfter.isConnected ? swappedAfter.nextElementSibling :
        swappedIn.firstElementChild;
    }
    return null;
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    // an outerHTML swap replaced the target: the new element has its id, or its place
    var region = replacement(event.detail.target);
    swappedIn = swappedAfter = null;
    if (focusWasIn && region && (document.activeElement === document.body || !document.activeElement ||
                                 !document.activeElement.isConnected)) {
      var next = focusable(region) || region;
      if (!next.matches("a[href], button, input, select, textarea")) { next.setAttribute("tabindex", "-1"); }
      next.focus();
    }
    focusWasIn = null;
    var announcer = document.getElementById("announcer");
    var said = region && region.querySelector ? region.querySelector("[data-announce]") : null;
    var text = said ? said.textContent.replace(/\s+/g, " ").trim() : "";
    // data-announce="changes": a region that refreshes itself (a job's progress, every second)
    // is said only when its words change ("Running" once, then "Done"), not at every refresh
    if (announcer && said && !(said.dataset.announce === "changes" && text === lastSaid)) {
      lastSaid = text;
      announcer.textContent = "";
      window.setTimeout(function () { announcer.textContent = text; }, 50);
    }
  });

  // A refused form: focus goes to the list of its errors at the top (partials/form_fields.html).
  function errorSummary(root) {
    var summary = root.querySelector && root.querySelector("#error-summary");
    if (summary) { summary.focus(); }
  }

  // Content swapped in by htmx (job progress) gets its sizes too.
  document.addEventListener("htmx:load", function (event) {
    apply(event.target);
    searchable(event.target);
    shownWhen(event.target);
    downloadNow(event.target);
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { apply(document); searchable(document); shownWhen(document); errorSummary(document); });
  } else {
    apply(document);
    searchable(document);
    shownWhen(document);
    errorSummary(document);
  }
}());
