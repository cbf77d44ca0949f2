// Quiz enhancements: save answers as they change, and show the time left.
// Without JavaScript the page works the same: the Save / Next buttons save on the server.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  var status = document.querySelector("[data-autosave-status]");
  var timer = null;
  var pending = false;

  function say(text) { if (status) { status.textContent = text; } }

  // Answers not yet acknowledged by the server stay in this browser (localStorage) and are sent
  // again every few seconds: a server restarting or a lost connection loses nothing typed.
  var key = form ? "passage:unsaved:" + form.dataset.autosaveUrl : "";
  var retry = null;

  function keep(data) {
    var fields = [];
    data.forEach(function (value, name) { if (name !== "csrfmiddlewaretoken") { fields.push([name, value]); } });
    try { window.localStorage.setItem(key, JSON.stringify(fields)); } catch (error) { /* private mode */ }
  }

  function forget() { try { window.localStorage.removeItem(key); } catch (error) { /* private mode */ } }

  function restore() {
    var fields;
    try { fields = JSON.parse(window.localStorage.getItem(key) || "null"); } catch (error) { fields = null; }
    if (!fields) { return false; }
    fields.forEach(function (field) {
      var name = field[0], value = field[1];
      Array.prototype.forEach.call(form.elements, function (element) {
        if (element.name !== name) { return; }
        if (element.type === "radio" || element.type === "checkbox") { element.checked = element.value === value; }
        else if (element.type !== "hidden") { element.value = value; }
      });
    });
    return true;
  }

  function later() {
    pending = true;
    clearTimeout(retry);
    retry = setTimeout(function () { if (pending) { save(); } }, 5000);
  }

  function save() {
    if (!form) { return; }
    pending = false;
    var data = new FormData(form);
    data.delete("action");
    keep(data);
    fetch(form.dataset.autosaveUrl, { method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, status: response.status, body: body }; }); })
      .then(function (result) {
        if (result.ok) { forget(); say(form.dataset.savedText || "Saved"); }
        else if (result.status >= 500 || result.body.retry) { say(result.body.error || form.dataset.offlineText || "Not saved yet"); later(); }
        else { forget(); say(result.body.error || "Not saved"); }
      })
      .catch(function () { say(form.dataset.offlineText || "Not saved yet: you seem to be offline. Use the Save button."); later(); });
  }

  if (form) {
    form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(save, 300); });
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA" || event.target.type === "text") { clearTimeout(timer); timer = setTimeout(save, 1500); }
    });
    window.addEventListener("online", function () { if (pending) { save(); } });
    if (restore()) { save(); }
  }

  // The clock is role="timer" (not read aloud as it ticks). A separate polite live region speaks
  // at 5 and at 1 minute left; nothing here ever moves focus, so typing goes on undisturbed.
  var clock = document.querySelector("[data-seconds]");
  if (clock) {
    var end = Date.now() + parseInt(clock.dataset.seconds, 10) * 1000;
    var display = clock.querySelector("[data-countdown]");
    var alert = clock.querySelector("[data-countdown-alert]");
    var thresholds = [300, 60];
    var key = "passage:countdown:" + window.location.pathname.replace(/summary\/$/, "") + ":";
    var announced = function (threshold) {
      try { return window.sessionStorage.getItem(key + threshold) === "1"; } catch (error) { return false; }
    };
    var remember = function (threshold) {
      try { window.sessionStorage.setItem(key + threshold, "1"); } catch (error) { /* private mode */ }
    };
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.floor(left / 60), seconds = left % 60;
      display.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      if (left <= 60) { clock.classList.add("urgent"); }
      thresholds.forEach(function (threshold) {
        // Said once per attempt: when the threshold is crossed on this page, or soon after on the next one.
        if (alert && left <= threshold && left > threshold - 30 && !announced(threshold)) {
          alert.textContent = clock.getAttribute("data-alert-" + threshold) || "";
          remember(threshold);
        }
      });
      if (left === 0) {
        clearInterval(handle);
        // Time is up: the server closes the attempt with what was saved.
        if (form) { save(); }
        setTimeout(function () { window.location.reload(); }, 1500);
      }
    };
    var handle = setInterval(tick, 1000);
    tick();
  }
}());
