// SPDX-License-Identifier: GPL-3.0-or-later
// Checks Vigil's own marker clustering (assets/cluster.js): run by MapClusterTest with node, the
// file's path as the first argument. Prints "ok" and exits 0, or throws.
'use strict';
const assert = require('assert');
const { cluster, project } = require(process.argv[2]);

// Tehran's two points lie together; Tbilisi apart.
const points = [
  { lat: 35.6892, lng: 51.3890 },
  { lat: 35.7000, lng: 51.4000 },
  { lat: 41.7151, lng: 44.8271 }
];
let c = cluster(points, 3, 60);
assert.strictEqual(c.length, 2);
assert.deepStrictEqual(c[0].members, [0, 1]);
assert.strictEqual(c[0].count, 2);
assert.ok(Math.abs(c[0].lat - 35.6946) < 1e-3, 'a cluster sits at the mean of its points');
assert.deepStrictEqual(c[1].members, [2]);

// Zoomed in far enough, the two Tehran points part.
c = cluster(points, 14, 60);
assert.strictEqual(c.length, 3);

// At the widest zoom the whole region is one cell of 256 pixels.
c = cluster(points, 0, 256);
assert.strictEqual(c.length, 1);
assert.strictEqual(c[0].count, 3);

// Points without coordinates are left out, never thrown on.
c = cluster([{ lat: NaN, lng: 1 }, { name: 'no coordinates' }, { lat: 10, lng: 10 }], 2);
assert.strictEqual(c.length, 1);
assert.deepStrictEqual(c[0].members, [2]);
assert.deepStrictEqual(cluster([], 5), []);

// The projection matches Web Mercator: (0, 0) in the middle of the world's square.
const mid = project(0, 0, 0);
assert.ok(Math.abs(mid.x - 128) < 1e-9 && Math.abs(mid.y - 128) < 1e-9);
assert.ok(project(89.9, 0, 0).y >= 0, 'the poles are clamped to the square');

// Every point is in exactly one cluster, whatever the zoom: 10,000 points spread over the world.
let seed = 42;
function random() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const many = [];
for (let i = 0; i < 10000; i++) {
  many.push({ lat: random() * 140 - 70, lng: random() * 360 - 180 });
}
for (let zoom = 0; zoom <= 12; zoom += 3) {
  const groups = cluster(many, zoom, 60);
  const seen = new Set();
  let total = 0;
  for (const g of groups) {
    total += g.count;
    assert.strictEqual(g.count, g.members.length);
    g.members.forEach((m) => { assert.ok(!seen.has(m)); seen.add(m); });
  }
  assert.strictEqual(total, many.length);
}
console.log('ok');
