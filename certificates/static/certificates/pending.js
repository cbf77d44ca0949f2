// While a certificate or training record is being prepared, ask every 5 s whether it is ready
// and reload the dashboard once it is. Without JavaScript, the "Refresh" link does the same.
(function () {
  var section = document.querySelector("[data-certificates-pending]");
  if (!section || !window.fetch) return;
  var url = section.getAttribute("data-certificates-pending");
  var tries = 0;
  function check() {
    tries += 1;
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { pending: true }; })
      .then(function (data) {
        if (!data.pending) { window.location.reload(); }
        else if (tries < 60) { window.setTimeout(check, 5000); }
      })
      .catch(function () { if (tries < 60) window.setTimeout(check, 5000); });
  }
  window.setTimeout(check, 3000);
})();
