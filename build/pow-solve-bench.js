/* SPDX-License-Identifier: GPL-3.0-or-later */
// Times the tip line's proof-of-work solver (pow.js, as the intake serves it) under Node.js:
// CPU and wall time per challenge, over 20 random challenges.
//   node build/pow-solve-bench.js [bits 4] [puzzles 4] [KiB 128]
// docs/benchmarks.md, "The tip line's proof-of-work".
'use strict';
const path = require('path');
const crypto = require('crypto');
const pow = require(path.join(__dirname, '..', 'vigil-app', 'src', 'main', 'resources', 'org', 'vigil', 'tips', 'pow.js'));
const [bits = 4, count = 4, kib = 128] = process.argv.slice(2).map(Number);
const wall = [];
const cpu = [];
for (let i = 0; i < 20; i++) {
  const challenge = crypto.randomBytes(45).toString('base64url');
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  pow.solve(challenge, bits, count, kib);
  const c = process.cpuUsage(c0);
  wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  cpu.push((c.user + c.system) / 1000);
}
const at = (a, q) => a.slice().sort((x, y) => x - y)[Math.floor(q * (a.length - 1))].toFixed(0);
console.log(`${count} puzzles of ${bits} bits, ${kib} KiB: CPU median ${at(cpu, 0.5)} ms,`
  + ` p90 ${at(cpu, 0.9)} ms; wall median ${at(wall, 0.5)} ms, p90 ${at(wall, 0.9)} ms`);
