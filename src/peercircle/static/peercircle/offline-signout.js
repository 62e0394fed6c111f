/*
 * Signing out of a phone that still keeps unsent consultations (offline-form.js).
 *
 * A sign-out form marked data-offline-signout carries the person's token. If the device keeps
 * items under that token, the first click opens the sign-out page with their count
 * (?pending=N), which says that signing out deletes them; signing out there (a form marked
 * data-offline-confirm) deletes them from the device, then signs out. Nothing here can read the
 * items: they are encrypted with a key that only the consultation page carries.
 */
(function () {
  "use strict";
  var PREFIX = "peercircle-offline:";

  function keysOf(person) {
    var keys = [];
    for (var index = 0; index < localStorage.length; index += 1) {
      var name = localStorage.key(index);
      if (name && name.indexOf(PREFIX + person + ":") === 0) { keys.push(name); }
    }
    return keys;
  }

  function pending(person) {
    return keysOf(person).reduce(function (count, name) {
      try { return count + JSON.parse(localStorage.getItem(name) || "[]").length; }
      catch (e) { return count + 1; }
    }, 0);
  }

  function warningUrl(form, count) {
    var url = new URL(form.getAttribute("action") || window.location.href, window.location.href);
    url.searchParams.set("pending", String(count));
    return url.toString();
  }

  document.querySelectorAll("form[data-offline-signout]").forEach(function (form) {
    var person = form.dataset.offlinePerson;
    if (!person) { return; }
    var count = pending(person);
    var shown = Number(new URLSearchParams(window.location.search).get("pending") || "0");
    if ("offlineConfirm" in form.dataset && count !== shown) {
      // The sign-out page opened directly, or the count changed meanwhile: show the right one.
      window.location.replace(warningUrl(form, count));
      return;
    }
    form.addEventListener("submit", function (event) {
      var now = pending(person);
      if (!("offlineConfirm" in form.dataset) && now > 0) {
        event.preventDefault();
        window.location.assign(warningUrl(form, now));
        return;
      }
      keysOf(person).forEach(function (name) { localStorage.removeItem(name); });
    });
  });
})();
