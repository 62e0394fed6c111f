/*
 * Keep a filled form on the device when the connection drops, and send it when it is back.
 *
 * - Each form carries a client_key made by the server; the server keeps one record per key, so a
 *   form sent twice (a retry after a lost answer) is still recorded once.
 * - The device keeps one queue per person and organisation (data-offline-person and
 *   data-offline-queue, tokens that do not name anyone) and sends only the queue of the page it
 *   runs on: what one person kept is never sent in another person's session.
 * - Items are encrypted with AES-GCM under the key the page carries (data-offline-key). The key
 *   is imported as non-extractable and never written to the device; localStorage holds only
 *   ciphertext. See docs/adr/0003-offline-consultations-on-the-device.md.
 * - An item leaves the device only when the server says it was saved (204 with X-Location).
 *   A form with errors is shown to the person; any other answer keeps the item and says so.
 * - Sign-out (offline-signout.js) warns about waiting items and clears them.
 */
(function () {
  "use strict";
  var PREFIX = "peercircle-offline:";
  var LEGACY = "peercircle-offline-queue";

  function b64(bytes) {
    var text = "";
    new Uint8Array(bytes).forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text);
  }
  function unb64(text) {
    return Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); });
  }

  function Queue(form) {
    this.form = form;
    this.name = PREFIX + form.dataset.offlinePerson + ":" + form.dataset.offlineQueue;
    this.aad = new TextEncoder().encode(form.dataset.offlineQueue);
    this.key = null;
  }
  Queue.prototype.usable = function () {
    return Boolean(this.form.dataset.offlinePerson && this.form.dataset.offlineQueue &&
                   this.form.dataset.offlineKey && window.crypto && crypto.subtle);
  };
  Queue.prototype.cryptoKey = function () {
    if (!this.key) {
      this.key = crypto.subtle.importKey("raw", unb64(this.form.dataset.offlineKey),
                                         { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
    }
    return this.key;
  };
  Queue.prototype.items = function () {
    try { return JSON.parse(localStorage.getItem(this.name) || "[]"); } catch (e) { return []; }
  };
  Queue.prototype.store = function (items) {
    if (items.length) { localStorage.setItem(this.name, JSON.stringify(items)); }
    else { localStorage.removeItem(this.name); }
  };
  Queue.prototype.remove = function (id) {
    this.store(this.items().filter(function (item) { return item.id !== id; }));
  };
  Queue.prototype.add = function (id, content) {
    var self = this;
    var iv = crypto.getRandomValues(new Uint8Array(12));
    var plain = new TextEncoder().encode(JSON.stringify(content));
    return this.cryptoKey().then(function (key) {
      return crypto.subtle.encrypt({ name: "AES-GCM", iv: iv, additionalData: self.aad }, key,
                                   plain);
    }).then(function (sealed) {
      var items = self.items().filter(function (item) { return item.id !== id; });
      items.push({ id: id, iv: b64(iv), data: b64(sealed) });
      self.store(items);
    });
  };
  Queue.prototype.open = function (item) {
    var self = this;
    return this.cryptoKey().then(function (key) {
      return crypto.subtle.decrypt({ name: "AES-GCM", iv: unb64(item.iv),
                                     additionalData: self.aad }, key, unb64(item.data));
    }).then(function (plain) { return JSON.parse(new TextDecoder().decode(plain)); });
  };

  function say(form, text) {
    var box = document.getElementById("offline-status");
    if (!box || !text) { return; }
    box.textContent = text;
    box.classList.remove("d-none");
  }

  function freshKey(form) {
    var input = form.querySelector("input[name=client_key]");
    if (input && window.crypto && crypto.randomUUID) { input.value = crypto.randomUUID(); }
  }

  function clientKey(pairs) {
    var found = pairs.filter(function (pair) { return pair[0] === "client_key"; })[0];
    return found ? found[1] : "";
  }

  function currentToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function send(form, url, pairs) {
    var body = new URLSearchParams();
    body.append("csrfmiddlewaretoken", currentToken());
    pairs.forEach(function (pair) {
      if (pair[0] !== "csrfmiddlewaretoken") { body.append(pair[0], pair[1]); }
    });
    return fetch(url, { method: "POST", body: body, credentials: "same-origin",
                        headers: { "X-Requested-With": "offline-form",
                                   "X-Offline-Queue": form.dataset.offlineQueue || "" } });
  }

  /* "saved" only when the server says so; a page with the form again is "invalid"; a page
     reached by a redirect (the sign-in page after the session ended), or 409 (someone else is
     signed in now), is "signed-out". */
  function outcome(response) {
    if (response.status === 204 && response.headers.get("X-Location") && !response.redirected) {
      return "saved";
    }
    if (response.redirected || response.status === 409) { return "signed-out"; }
    if (response.status === 400 || response.status === 200) { return "invalid"; }
    if (response.status === 503) { return "later"; }  // the server is briefly away: not refused
    return "refused";
  }

  /* Put the server's answer (the form with its errors) in place of the form's fields. */
  function showErrors(form, html, message) {
    var answer = new DOMParser().parseFromString(html, "text/html");
    var fresh = answer.querySelector("form[data-offline-form]");
    if (!fresh) { return false; }
    form.innerHTML = fresh.innerHTML;
    // fields that apply only with another field's value follow the answer (peercircle.js)
    form.dispatchEvent(new Event("change", { bubbles: true }));
    say(form, message);
    var box = document.getElementById("offline-status");
    if (box) { box.classList.replace("alert-info", "alert-warning"); }
    // as after any refused form: the list of errors takes the focus (peercircle.js)
    var summary = form.querySelector("#error-summary");
    if (summary) { summary.focus(); } else if (box) { box.focus(); }
    return true;
  }

  function Sender(form) {
    this.form = form;
    this.queue = new Queue(form);
    this.flushing = false;
  }

  /* 503: the server asks to come back after Retry-After seconds; the kept items go then. */
  Sender.prototype.later = function (response) {
    var self = this;
    var seconds = parseInt(response.headers.get("Retry-After"), 10);
    if (this.retryTimer) { return; }
    this.retryTimer = window.setTimeout(function () {
      self.retryTimer = null;
      self.flush();
    }, (isNaN(seconds) ? 30 : Math.min(Math.max(seconds, 1), 600)) * 1000);
  };

  Sender.prototype.keep = function (pairs, message) {
    var form = this.form;
    var id = clientKey(pairs) || String(Date.now());
    if (!this.queue.usable()) { say(form, form.dataset.cannotKeep); return Promise.resolve(); }
    var content = { url: form.action || window.location.href,
                    pairs: pairs.filter(function (pair) { return pair[0] !== "csrfmiddlewaretoken"; }) };
    return this.queue.add(id, content).then(function () {
      say(form, message);
      form.reset();
      freshKey(form);
    }).catch(function () { say(form, form.dataset.cannotKeep); });
  };

  Sender.prototype.flush = function () {
    var self = this;
    var form = this.form;
    if (this.flushing || !navigator.onLine || !this.queue.usable()) { return Promise.resolve(); }
    var items = this.queue.items();
    if (!items.length) { return Promise.resolve(); }
    this.flushing = true;
    var sent = 0;
    function next(index) {
      if (index >= items.length) {
        if (sent && !self.queue.items().length) { say(form, form.dataset.sentLater); }
        return Promise.resolve();
      }
      var item = items[index];
      return self.queue.open(item).then(function (content) {
        return send(form, content.url, content.pairs).then(function (response) {
          var result = outcome(response);
          if (result === "saved") { self.queue.remove(item.id); sent += 1; return next(index + 1); }
          if (result === "invalid") {
            return response.text().then(function (html) {
              if (!showErrors(form, html, form.dataset.invalid)) { say(form, form.dataset.keptRefused); }
            });
          }
          if (result === "later") { self.later(response); }
          say(form, result === "signed-out" ? form.dataset.keptSignedOut :
            result === "later" ? form.dataset.keptLater : form.dataset.keptRefused);
        });
      }, function () {
        self.queue.remove(item.id);  // sealed under a key this page no longer has
        say(form, form.dataset.unreadable);
        return next(index + 1);
      });
    }
    return next(0).catch(function () { /* still offline: keep them for later */ })
      .then(function () { self.flushing = false; });
  };

  Sender.prototype.submit = function (event) {
    var self = this;
    var form = this.form;
    var pairs = pairsOf(form, event.submitter);
    event.preventDefault();
    if (!navigator.onLine) { this.keep(pairs, form.dataset.savedOffline); return; }
    send(form, form.action || window.location.href, pairs).then(function (response) {
      var result = outcome(response);
      if (result === "saved") {
        self.queue.remove(clientKey(pairs));
        window.location.assign(response.headers.get("X-Location"));
        return;
      }
      if (result === "invalid") {
        return response.text().then(function (html) {
          if (!showErrors(form, html, form.dataset.notSaved)) { self.keep(pairs, form.dataset.keptRefused); }
        });
      }
      if (result === "later") { self.later(response); }
      return self.keep(pairs, result === "signed-out" ? form.dataset.keptSignedOut :
        result === "later" ? form.dataset.keptLater : form.dataset.keptRefused);
    }, function () { self.keep(pairs, form.dataset.savedOffline); });
  };

  function pairsOf(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value || "1"); }
    var pairs = [];
    data.forEach(function (value, name) { pairs.push([name, value]); });
    return pairs;
  }

  // Items kept in clear by the first version cannot be told apart by owner: never send them.
  localStorage.removeItem(LEGACY);

  document.querySelectorAll("form[data-offline-form]").forEach(function (form) {
    var sender = new Sender(form);
    form.addEventListener("submit", function (event) { sender.submit(event); });
    window.addEventListener("online", function () { sender.flush(); });
    sender.flush();
  });
})();
