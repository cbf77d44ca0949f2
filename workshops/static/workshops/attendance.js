// Taking attendance on a phone: one tap per person, even while the connection comes and goes.
// Each tap is kept in localStorage first, then sent; a mark leaves the device only once the
// server has answered for it. Its id (made here) lets the server ignore a mark sent twice.
// Without JavaScript each button posts its form and the page reloads: the same result.
(function () {
  "use strict";
  var list = document.querySelector("[data-attendance]");
  if (!list) { return; }
  var status = document.querySelector("[data-attendance-status]");
  var KEY = "passage.attendance.queue.v1";
  var session = list.dataset.session;
  var url = list.dataset.markUrl;
  var tokenInput = list.querySelector("input[name=csrfmiddlewaretoken]");
  var sending = false;
  var note = "";

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "[]"); } catch (error) { return []; }
  }
  function store(queue) {
    try { window.localStorage.setItem(KEY, JSON.stringify(queue)); } catch (error) { /* full or private mode: the mark stays in memory */ }
  }
  function newId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40; bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function show(form, present, pending) {
    var button = form.querySelector("button");
    button.classList.toggle("is-present", present === true);
    button.classList.toggle("is-absent", present === false);
    button.classList.toggle("is-pending", !!pending);
    button.setAttribute("aria-pressed", present === true ? "true" : "false");
    form.querySelector("input[name=present]").value = present === true ? "0" : "1";
    form.querySelector("[data-state]").textContent =
      present === true ? list.dataset.textPresent : present === false ? list.dataset.textAbsent : list.dataset.textUnmarked;
  }
  function formOf(trainee) { return list.querySelector('form[data-trainee="' + trainee + '"]'); }

  function report() {
    if (!status) { return; }
    var waiting = load().length;
    if (waiting === 1) { status.textContent = status.dataset.textPendingOne; }
    else if (waiting > 1) { status.textContent = status.dataset.textPendingMany.replace("%s", waiting); }
    else { status.textContent = note || status.dataset.textSent; }
    if (waiting && note) { status.textContent += " " + note; }
  }

  function forget(id) {
    store(load().filter(function (mark) { return mark.id !== id; }));
  }
  function stillQueued(mark) {
    return load().some(function (other) { return other.session === mark.session && other.trainee === mark.trainee; });
  }

  function send() {
    if (sending) { return; }
    var queue = load();
    if (!queue.length) { report(); return; }
    sending = true;
    var mark = queue[0];
    fetch(mark.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": tokenInput ? tokenInput.value : "", "X-Requested-With": "fetch" },
      body: JSON.stringify({ client_mark_id: mark.id, trainee: mark.trainee, present: mark.present })
    }).then(function (response) {
      sending = false;
      if (response.ok) {
        forget(mark.id);
        note = "";
        var form = mark.session === session ? formOf(mark.trainee) : null;
        if (form && !stillQueued(mark)) {
          return response.json().then(function (body) { show(form, body.present, false); report(); send(); });
        }
        report(); send();
      } else if (response.status === 401 || response.status === 403) {
        note = status ? status.dataset.textSignin : ""; report();  // kept; sent after signing in again
      } else if (response.status === 400 || response.status === 404) {
        forget(mark.id); note = status ? status.dataset.textRefused : ""; report(); send();
      } else {
        report();  // the server is unwell: kept, tried again shortly
      }
    }).catch(function () {
      sending = false; report();  // unreachable: kept, tried again when the connection returns
    });
  }

  list.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-trainee]");
    if (!form) { return; }
    event.preventDefault();
    var present = !form.querySelector("button").classList.contains("is-present");
    var queue = load();
    queue.push({ id: newId(), url: url, session: session, trainee: form.dataset.trainee, present: present });
    store(queue);
    show(form, present, true);
    report();
    send();
  });

  // Marks kept from before (a reload, a closed tab): shown as they will be, then sent.
  load().forEach(function (mark) {
    var form = mark.session === session ? formOf(mark.trainee) : null;
    if (form) { show(form, mark.present, true); }
  });
  window.addEventListener("online", send);
  window.setInterval(send, 4000);
  report();
  send();
}());
