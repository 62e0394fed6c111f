/*
 * Keep a filled form on the device when the connection drops, and send it when it is back.
 * Each form carries a client_key made by the server; the server keeps one record per key,
 * so a form sent twice (a retry after a lost answer) is still recorded once.
 */
(function () {
  "use strict";
  var QUEUE = "peercircle-offline-queue";

  function load() {
    try { return JSON.parse(localStorage.getItem(QUEUE) || "[]"); } catch (e) { return []; }
  }
  function store(items) { localStorage.setItem(QUEUE, JSON.stringify(items)); }

  function say(form, text) {
    var box = document.getElementById("offline-status");
    if (!box) { return; }
    box.textContent = text;
    box.classList.remove("d-none");
  }

  function freshKey(form) {
    var input = form.querySelector("input[name=client_key]");
    if (input && window.crypto && crypto.randomUUID) { input.value = crypto.randomUUID(); }
  }

  function currentToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function send(url, pairs) {
    var body = new URLSearchParams();
    pairs.forEach(function (pair) {
      body.append(pair[0], pair[0] === "csrfmiddlewaretoken" ? currentToken() : pair[1]);
    });
    return fetch(url, { method: "POST", body: body, credentials: "same-origin",
                        headers: { "X-Requested-With": "offline-form" } });
  }

  var flushing = false;

  function flush(form) {
    var items = load();
    if (flushing || !items.length || !navigator.onLine) { return Promise.resolve(); }
    flushing = true;
    var item = items[0];
    return send(item.url, item.pairs).then(function (response) {
      flushing = false;
      store(load().filter(function (other) { return other.key !== item.key; }));
      if (response.ok || response.redirected || response.status === 400) {
        if (!load().length && form) { say(form, form.dataset.sentLater); }
        return flush(form);
      }
    }).catch(function () { flushing = false; /* still offline: keep it for later */ });
  }

  function pairsOf(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value || "1"); }
    var pairs = [];
    data.forEach(function (value, name) { pairs.push([name, value]); });
    return pairs;
  }

  function keep(form, pairs) {
    var key = (form.querySelector("input[name=client_key]") || {}).value || String(Date.now());
    var items = load().filter(function (item) { return item.key !== key; });
    items.push({ url: form.action || window.location.href, pairs: pairs, key: key });
    store(items);
    say(form, form.dataset.savedOffline);
    form.reset();
    freshKey(form);
  }

  function onSubmit(event) {
    var form = event.target;
    var pairs = pairsOf(form, event.submitter);
    event.preventDefault();
    if (!navigator.onLine) { keep(form, pairs); return; }
    send(form.action || window.location.href, pairs).then(function (response) {
      var next = response.headers.get("X-Location");
      if (response.status === 204 && next) { window.location.assign(next); return; }
      if (response.redirected) { window.location.assign(response.url); return; }
      return response.text().then(function (html) {
        document.open(); document.write(html); document.close();
      });
    }).catch(function () { keep(form, pairs); });
  }

  document.querySelectorAll("form[data-offline-form]").forEach(function (form) {
    form.addEventListener("submit", onSubmit);
    window.addEventListener("online", function () { flush(form); });
    flush(form);
  });
})();
