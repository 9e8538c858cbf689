/* SPDX-License-Identifier: GPL-3.0-or-later */
// Vigil's own marker clustering for the case map: points that fall in one square cell of the
// Web Mercator pixel grid at the map's zoom are drawn as one cluster with their count. Written
// for Vigil (no third-party code); a pure function, tested with node (MapClusterTest).
(function (root) {
  'use strict';
  var TILE = 256;

  // The pixel position of a point at a zoom level (Web Mercator, as Leaflet draws it).
  function project(lat, lng, zoom) {
    var scale = TILE * Math.pow(2, zoom);
    var clamped = Math.max(-85.0511, Math.min(85.0511, lat));
    var sin = Math.sin(clamped * Math.PI / 180);
    return {
      x: (lng + 180) / 360 * scale,
      y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale
    };
  }

  // Groups points ({lat, lng, ...}) by cell: returns clusters {lat, lng, count, members}, where
  // members are the indexes of the points in the input, in input order, and lat/lng the mean of
  // the members'. Clusters come in the order of their first member.
  function cluster(points, zoom, cellPixels) {
    var cell = cellPixels || 60;
    var byCell = Object.create(null);
    var out = [];
    for (var i = 0; i < points.length; i++) {
      var p = points[i];
      if (typeof p.lat !== 'number' || typeof p.lng !== 'number' || isNaN(p.lat) || isNaN(p.lng)) {
        continue;
      }
      var px = project(p.lat, p.lng, zoom);
      var key = Math.floor(px.x / cell) + ':' + Math.floor(px.y / cell);
      var c = byCell[key];
      if (!c) {
        c = { lat: 0, lng: 0, count: 0, members: [] };
        byCell[key] = c;
        out.push(c);
      }
      c.lat += p.lat;
      c.lng += p.lng;
      c.count++;
      c.members.push(i);
    }
    for (var j = 0; j < out.length; j++) {
      out[j].lat /= out[j].count;
      out[j].lng /= out[j].count;
    }
    return out;
  }

  var api = { cluster: cluster, project: project };
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    root.VigilCluster = api;
  }
})(this);
