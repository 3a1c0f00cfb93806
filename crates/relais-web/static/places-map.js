// The /lieux map, a progressive enhancement: with JavaScript and Leaflet (served under
// /carte/ when installed), the places listed below get a marker each; the list stays the
// page and the accessible equivalent. Reads everything from data attributes (no inline
// script under the CSP). Without Leaflet or without placed items it does nothing.
(function () {
  'use strict';
  var box = document.getElementById('places-map');
  if (!box || typeof window.L === 'undefined') return;
  var items = document.querySelectorAll('.place-list [data-lat][data-lon]');
  if (!items.length) return;
  var section = box.closest('section');
  if (section) section.hidden = false;
  box.style.height = '22rem';
  box.style.marginBlock = '1rem';

  var L = window.L;
  var map = L.map(box, { zoomControl: false, scrollWheelZoom: false });
  L.control.zoom({ zoomInTitle: box.dataset.zoomIn, zoomOutTitle: box.dataset.zoomOut }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  var escape = function (s) {
    var d = document.createElement('div');
    d.textContent = s;
    return d.innerHTML;
  };
  L.tileLayer(box.dataset.tiles, {
    maxZoom: 19,
    attribution: '<a href="https://www.openstreetmap.org/copyright">' + escape(box.dataset.attribution) + '</a>',
  }).addTo(map);

  var points = [];
  items.forEach(function (item) {
    var lat = parseFloat(item.dataset.lat);
    var lon = parseFloat(item.dataset.lon);
    if (!isFinite(lat) || !isFinite(lon)) return;
    var title = item.querySelector('h3');
    var name = title ? title.textContent.trim() : '';
    var link = document.createElement('a');
    link.href = '#' + item.id;
    link.textContent = name;
    L.marker([lat, lon], { alt: name, title: name, keyboard: true }).bindPopup(link).addTo(map);
    points.push([lat, lon]);
  });
  map.fitBounds(points, { padding: [24, 24], maxZoom: 15 });
})();
