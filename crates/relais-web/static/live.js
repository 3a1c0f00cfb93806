/* Relais live figures. Progressive enhancement only: pages work without it (each has a
   refresh link). When the browser has EventSource and the page has an element with
   data-live-url, figures sent as "queue" events update the elements marked
   data-live-field="<name>"; data-live-unit="minutes" turns seconds into whole minutes.
   An element marked data-live-stale is shown once a figure differs from the page. */
(function () {
  "use strict";
  if (!("EventSource" in window) || !document.querySelector) { return; }
  var root = document.querySelector("[data-live-url]");
  if (!root) { return; }

  function text(el, value) {
    if (value === null || value === undefined) { value = 0; }
    if (el.getAttribute("data-live-unit") === "minutes") { value = Math.floor(value / 60); }
    return String(value);
  }

  function update(data) {
    var changed = false;
    var fields = document.querySelectorAll("[data-live-field]");
    for (var i = 0; i < fields.length; i++) {
      var el = fields[i];
      var name = el.getAttribute("data-live-field");
      if (!Object.prototype.hasOwnProperty.call(data, name)) { continue; }
      var next = text(el, data[name]);
      if (el.textContent !== next) {
        el.textContent = next;
        changed = true;
      }
    }
    if (changed) {
      var stale = document.querySelectorAll("[data-live-stale]");
      for (var j = 0; j < stale.length; j++) { stale[j].hidden = false; }
    }
  }

  var source = new EventSource(root.getAttribute("data-live-url"));
  source.addEventListener("queue", function (event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    if (data && typeof data === "object") { update(data); }
  });
  // A closed page or a lost session: stop, the refresh link still works.
  window.addEventListener("pagehide", function () { source.close(); });
})();
