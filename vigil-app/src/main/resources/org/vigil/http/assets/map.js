/* SPDX-License-Identifier: GPL-3.0-or-later */
// The case map: the case's placed mentions and events as clustered markers (cluster.js), each
// entity's movements as a path in time order, over country outlines Vigil serves itself
// (countries.geo.json, Natural Earth). No tiles and no request to another origin. Filters by date
// (dated events only) and credibility (ungraded places are kept). Text is only ever set as text.
(function () {
  'use strict';
  var root = document.getElementById('case-map');
  var source = document.getElementById('case-map-data');
  if (!root || !source || !window.L || !window.VigilCluster) {
    return;
  }
  var started = performance.now();
  // Marks for the browser's Performance API: the draw (data read, clusters made, layers added)
  // and the first paint after it ('vigil-map-draw', 'vigil-map-painted').
  performance.mark('vigil-map-start');
  var data = JSON.parse(source.textContent);
  var status = document.getElementById('map-status');
  var form = document.getElementById('map-filters');
  var map = L.map(root, { preferCanvas: true, minZoom: 1, maxZoom: 12, worldCopyJump: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth · GeoNames (CC BY 4.0)');
  // The outlines in a pane of their own below the markers, whenever they arrive.
  map.createPane('outlines');
  map.getPane('outlines').style.zIndex = '250';
  var outlines = L.layerGroup().addTo(map);
  var paths = L.layerGroup().addTo(map);
  var markers = L.layerGroup().addTo(map);

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function popup(members) {
    var box = el('div', 'map-popup');
    var list = el('ul');
    members.slice(0, 20).forEach(function (m) {
      var li = el('li');
      var a = el('a', '', m.entity);
      a.href = m.href;
      li.appendChild(a);
      li.appendChild(document.createTextNode(' · ' + m.property + ': ' + m.name +
        (m.date ? ' (' + m.date + ')' : '') + (m.grade ? ' · credibility ' + m.grade : '')));
      list.appendChild(li);
    });
    box.appendChild(list);
    if (members.length > 20) {
      box.appendChild(el('p', 'hint', (members.length - 20) + ' more; zoom in'));
    }
    return box;
  }

  function filters() {
    var f = { from: '', to: '', grade: 0 };
    if (form) {
      f.from = form.elements.from.value;
      f.to = form.elements.to.value;
      f.grade = parseInt(form.elements.credibility.value || '0', 10);
    }
    return f;
  }

  function kept(m, f) {
    if ((f.from || f.to) && !m.date) {
      return false;
    }
    // Partial dates compare as text against the day's prefix: "2021" is within 2021-01-01..
    if (f.from && m.date < f.from.substring(0, m.date.length)) {
      return false;
    }
    if (f.to && m.date > f.to.substring(0, m.date.length)) {
      return false;
    }
    return !(f.grade && m.grade && m.grade > f.grade);
  }

  function draw() {
    var f = filters();
    var shown = data.markers.filter(function (m) { return kept(m, f); });
    markers.clearLayers();
    var clusters = VigilCluster.cluster(shown, map.getZoom(), 60);
    clusters.forEach(function (c) {
      var members = c.members.map(function (i) { return shown[i]; });
      var layer;
      if (c.count === 1) {
        layer = L.circleMarker([c.lat, c.lng], {
          radius: 7, color: '#1f4e79', weight: 2, fillColor: members[0].date ? '#f0a030' : '#4a90d9',
          fillOpacity: 0.9
        });
        layer.bindPopup(popup(members));
      } else {
        var size = c.count < 10 ? 30 : c.count < 100 ? 36 : 44;
        layer = L.marker([c.lat, c.lng], {
          icon: L.divIcon({
            className: 'map-cluster' + (c.count < 10 ? ' small' : c.count < 100 ? ' medium' : ' large'),
            html: el('span', '', String(c.count)),
            iconSize: [size, size]
          }),
          title: c.count + ' places'
        });
        layer.on('click', function () {
          map.setView([c.lat, c.lng], Math.min(map.getZoom() + 2, map.getMaxZoom()));
        });
      }
      markers.addLayer(layer);
    });
    drawPaths(f);
    root.setAttribute('data-markers', String(shown.length));
    root.setAttribute('data-clusters', String(clusters.length));
    if (status) {
      status.textContent = shown.length + ' of ' + data.markers.length + ' placed names on the map' +
        (data.unplaced ? '; ' + data.unplaced + ' left unplaced (listed below)' : '') + '.';
    }
  }

  function drawPaths(f) {
    paths.clearLayers();
    data.paths.forEach(function (p) {
      var stops = p.stops.filter(function (s) { return kept(s, f); });
      if (stops.length < 2) {
        return;
      }
      var line = L.polyline(stops.map(function (s) { return [s.lat, s.lng]; }),
        { color: '#b03a2e', weight: 3, opacity: 0.8, dashArray: '6 4' });
      line.bindTooltip(p.entity + ': ' + stops.map(function (s) { return s.place + ' (' + s.date + ')'; })
        .join(' → '), { sticky: true });
      paths.addLayer(line);
    });
  }

  function fit() {
    if (data.markers.length === 0) {
      map.setView([25, 30], 2);
      return;
    }
    var bounds = L.latLngBounds(data.markers.map(function (m) { return [m.lat, m.lng]; }));
    map.fitBounds(bounds.pad(0.2), { maxZoom: 6 });
  }

  fit();
  draw();
  root.setAttribute('data-draw-ms', String(Math.round(performance.now() - started)));
  performance.measure('vigil-map-draw', 'vigil-map-start');
  root.setAttribute('data-drawn', 'true');
  requestAnimationFrame(function () {
    setTimeout(function () {
      performance.measure('vigil-map-painted', 'vigil-map-start');
      root.setAttribute('data-painted-ms', String(Math.round(performance.now() - started)));
    }, 0);
  });
  map.on('zoomend', draw);
  if (form) {
    form.addEventListener('change', draw);
    form.addEventListener('submit', function (e) { e.preventDefault(); draw(); });
  }
  fetch('/assets/countries.geo.json', { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (g) {
      if (!g) {
        return;
      }
      L.geoJSON(g, {
        interactive: false,
        pane: 'outlines',
        renderer: L.canvas({ pane: 'outlines' }),
        style: { color: '#9aa3ad', weight: 1, fillColor: '#eef1f4', fillOpacity: 1 }
      }).addTo(outlines);
      root.setAttribute('data-outlines', String(g.features.length));
    });
})();
