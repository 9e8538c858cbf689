/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Vigil's tip line: solves the server's proof-of-work in the browser. Our own code, served by the
 * intake listener itself (Content-Security-Policy script-src 'self'); it sends nothing anywhere:
 * it writes the answer into the form's hidden "proof" field, and the form posts it with the tip.
 *
 * The puzzle: for each i in 0..count-1, a 32-bit nonce n such that
 * Argon2id(password = LE32(i) || LE32(n), salt = the challenge's bytes, memory, 1 pass, 1 lane,
 * 32-byte tag) starts with `bits` zero bits. The form works without this script; a tip sent
 * without a proof goes into a smaller budget of the listener's rate cap.
 *
 * Loaded as a page script it starts itself as a Web Worker (the same file) so the page stays
 * responsive; where workers are unavailable it solves in slices on the page.
 */
(function () {
  'use strict';

  // ---- BLAKE2b (RFC 7693) over 32-bit halves: 64-bit word w is v[2w] (low), v[2w + 1] (high).
  var IV = [
    0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
    0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19
  ];
  var SIGMA = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
    11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
    7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
    9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
    2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
    12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
    13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
    6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
    10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0
  ];
  var TWO32 = 4294967296;

  function add64(v, a, b) { // v[a] += v[b]
    var lo = v[2 * a] + v[2 * b];
    v[2 * a + 1] = v[2 * a + 1] + v[2 * b + 1] + (lo >= TWO32 ? 1 : 0);
    v[2 * a] = lo;
  }

  function addM(v, a, m, j) { // v[a] += m[j]
    var lo = v[2 * a] + m[2 * j];
    v[2 * a + 1] = v[2 * a + 1] + m[2 * j + 1] + (lo >= TWO32 ? 1 : 0);
    v[2 * a] = lo;
  }

  function xorRot(v, d, a, r) { // v[d] = rotr64(v[d] ^ v[a], r), r in {16, 24, 32, 63}
    var lo = v[2 * d] ^ v[2 * a];
    var hi = v[2 * d + 1] ^ v[2 * a + 1];
    if (r === 32) {
      v[2 * d] = hi; v[2 * d + 1] = lo;
    } else if (r === 63) {
      v[2 * d] = (lo << 1) | (hi >>> 31); v[2 * d + 1] = (hi << 1) | (lo >>> 31);
    } else {
      v[2 * d] = (lo >>> r) | (hi << (32 - r)); v[2 * d + 1] = (hi >>> r) | (lo << (32 - r));
    }
  }

  function b2g(v, m, a, b, c, d, x, y) {
    add64(v, a, b); addM(v, a, m, x); xorRot(v, d, a, 32);
    add64(v, c, d); xorRot(v, b, c, 24);
    add64(v, a, b); addM(v, a, m, y); xorRot(v, d, a, 16);
    add64(v, c, d); xorRot(v, b, c, 63);
  }

  var BV = new Uint32Array(32);
  var BM = new Uint32Array(32);

  function compress(h, block, t, last) {
    var v = BV;
    var m = BM;
    var i;
    for (i = 0; i < 16; i++) { v[i] = h[i]; v[i + 16] = IV[i]; }
    v[24] ^= t >>> 0; v[25] ^= Math.floor(t / TWO32);
    if (last) { v[28] = ~v[28]; v[29] = ~v[29]; }
    for (i = 0; i < 32; i++) {
      m[i] = block[4 * i] | (block[4 * i + 1] << 8) | (block[4 * i + 2] << 16) | (block[4 * i + 3] << 24);
    }
    for (var r = 0; r < 12; r++) {
      var s = (r % 10) * 16;
      b2g(v, m, 0, 4, 8, 12, SIGMA[s], SIGMA[s + 1]);
      b2g(v, m, 1, 5, 9, 13, SIGMA[s + 2], SIGMA[s + 3]);
      b2g(v, m, 2, 6, 10, 14, SIGMA[s + 4], SIGMA[s + 5]);
      b2g(v, m, 3, 7, 11, 15, SIGMA[s + 6], SIGMA[s + 7]);
      b2g(v, m, 0, 5, 10, 15, SIGMA[s + 8], SIGMA[s + 9]);
      b2g(v, m, 1, 6, 11, 12, SIGMA[s + 10], SIGMA[s + 11]);
      b2g(v, m, 2, 7, 8, 13, SIGMA[s + 12], SIGMA[s + 13]);
      b2g(v, m, 3, 4, 9, 14, SIGMA[s + 14], SIGMA[s + 15]);
    }
    for (i = 0; i < 16; i++) { h[i] = h[i] ^ v[i] ^ v[i + 16]; }
  }

  /** BLAKE2b without a key, `outLen` (1..64) bytes of `input` (Uint8Array). */
  function blake2b(outLen, input) {
    var h = new Uint32Array(IV);
    h[0] ^= 0x01010000 ^ outLen;
    var block = new Uint8Array(128);
    var t = 0;
    var pos = 0;
    while (input.length - pos > 128) {
      block.set(input.subarray(pos, pos + 128));
      t += 128; pos += 128;
      compress(h, block, t, false);
    }
    block.fill(0);
    block.set(input.subarray(pos));
    t += input.length - pos;
    compress(h, block, t, true);
    var out = new Uint8Array(outLen);
    for (var i = 0; i < outLen; i++) { out[i] = h[i >> 2] >>> (8 * (i & 3)); }
    return out;
  }

  function le32(n) {
    return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  }

  function concat(parts) {
    var len = 0, i;
    for (i = 0; i < parts.length; i++) { len += parts[i].length; }
    var out = new Uint8Array(len);
    var at = 0;
    for (i = 0; i < parts.length; i++) { out.set(parts[i], at); at += parts[i].length; }
    return out;
  }

  /** Argon2's variable-length hash H'. */
  function hPrime(outLen, x) {
    var input = concat([le32(outLen), x]);
    if (outLen <= 64) { return blake2b(outLen, input); }
    var out = new Uint8Array(outLen);
    var r = Math.ceil(outLen / 32) - 2;
    var v = blake2b(64, input);
    out.set(v.subarray(0, 32), 0);
    for (var i = 1; i < r; i++) {
      v = blake2b(64, v);
      out.set(v.subarray(0, 32), 32 * i);
    }
    out.set(blake2b(outLen - 32 * r, v), 32 * r);
    return out;
  }

  // ---- Argon2id (RFC 9106), one lane. A 1 KiB block is 256 uint32s: 128 64-bit words.
  // The permutation P, on the rows then the columns of a block, as word indices per G call.
  var P_INDEX = (function () {
    var idx = new Int32Array(16 * 32);
    var at = 0;
    function round(w) {
      var g = [0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15,
        0, 5, 10, 15, 1, 6, 11, 12, 2, 7, 8, 13, 3, 4, 9, 14];
      for (var k = 0; k < 32; k++) { idx[at++] = w[g[k]]; }
    }
    var i, j, w;
    for (i = 0; i < 8; i++) {
      w = [];
      for (j = 0; j < 16; j++) { w.push(16 * i + j); }
      round(w);
    }
    for (i = 0; i < 8; i++) {
      w = [];
      for (j = 0; j < 8; j++) { w.push(2 * i + 16 * j, 2 * i + 16 * j + 1); }
      round(w);
    }
    return idx;
  })();

  var ML = 0, MH = 0; // the result of mul32 and bla

  function mul32(x, y) { // the 64-bit product of two uint32s, into MH:ML, in 16-bit limbs
    var a0 = x & 0xffff, a1 = x >>> 16, b0 = y & 0xffff, b1 = y >>> 16;
    var t = a0 * b0;
    var r0 = t & 0xffff;
    t = (t >>> 16) + a1 * b0;
    var r1 = t & 0xffff;
    var c = t >>> 16;
    t = r1 + a0 * b1;
    r1 = t & 0xffff;
    c += t >>> 16;
    t = c + a1 * b1;
    ML = ((r1 << 16) | r0) >>> 0;
    MH = t >>> 0;
  }

  function bla(xl, xh, yl, yh) { // x + y + 2 * lo(x) * lo(y), into MH:ML
    mul32(xl, yl);
    var pl = (ML << 1) >>> 0;
    var ph = ((MH << 1) | (ML >>> 31)) >>> 0;
    var lo = xl + yl;
    var c1 = lo >= TWO32 ? 1 : 0;
    lo = (lo >>> 0) + pl;
    var c2 = lo >= TWO32 ? 1 : 0;
    ML = lo >>> 0;
    MH = (xh + yh + ph + c1 + c2) >>> 0;
  }

  function gb(v, a, b, c, d) {
    var ia = 2 * a, ib = 2 * b, ic = 2 * c, id = 2 * d;
    var al = v[ia], ah = v[ia + 1], bl = v[ib], bh = v[ib + 1];
    var cl = v[ic], ch = v[ic + 1], dl = v[id], dh = v[id + 1];
    var xl, xh;
    bla(al, ah, bl, bh); al = ML; ah = MH;
    xl = dl ^ al; xh = dh ^ ah; dl = xh >>> 0; dh = xl >>> 0; // rotr 32
    bla(cl, ch, dl, dh); cl = ML; ch = MH;
    xl = bl ^ cl; xh = bh ^ ch; bl = ((xl >>> 24) | (xh << 8)) >>> 0; bh = ((xh >>> 24) | (xl << 8)) >>> 0;
    bla(al, ah, bl, bh); al = ML; ah = MH;
    xl = dl ^ al; xh = dh ^ ah; dl = ((xl >>> 16) | (xh << 16)) >>> 0; dh = ((xh >>> 16) | (xl << 16)) >>> 0;
    bla(cl, ch, dl, dh); cl = ML; ch = MH;
    xl = bl ^ cl; xh = bh ^ ch; bl = ((xl << 1) | (xh >>> 31)) >>> 0; bh = ((xh << 1) | (xl >>> 31)) >>> 0;
    v[ia] = al; v[ia + 1] = ah; v[ib] = bl; v[ib + 1] = bh;
    v[ic] = cl; v[ic + 1] = ch; v[id] = dl; v[id + 1] = dh;
  }

  var R = new Uint32Array(256);
  var T = new Uint32Array(256);

  /** dst[dOff..] = G(x[xOff..], y[yOff..]), XORed into dst's old value when `xor`. */
  function fill(x, xOff, y, yOff, dst, dOff, xor) {
    var i;
    for (i = 0; i < 256; i++) { R[i] = x[xOff + i] ^ y[yOff + i]; }
    if (xor) {
      for (i = 0; i < 256; i++) { T[i] = R[i] ^ dst[dOff + i]; }
    } else {
      T.set(R);
    }
    for (i = 0; i < 512; i += 4) { gb(R, P_INDEX[i], P_INDEX[i + 1], P_INDEX[i + 2], P_INDEX[i + 3]); }
    for (i = 0; i < 256; i++) { dst[dOff + i] = T[i] ^ R[i]; }
  }

  var ZERO = new Uint32Array(256);
  var INPUT = new Uint32Array(256);
  var ADDRESS = new Uint32Array(256);
  var memory = null;

  /** Argon2id with one lane, `memoryKib` KiB and `passes` passes: the 32-byte tag. */
  function argon2id(password, salt, memoryKib, passes) {
    var tagLen = 32;
    var h0 = blake2b(64, concat([le32(1), le32(tagLen), le32(memoryKib), le32(passes),
      le32(0x13), le32(2), le32(password.length), password, le32(salt.length), salt,
      le32(0), le32(0)]));
    var blocks = 4 * Math.floor(memoryKib / 4);
    var seg = blocks / 4;
    if (memory === null || memory.length !== blocks * 256) { memory = new Uint32Array(blocks * 256); }
    var mem = memory;
    for (var b = 0; b < 2; b++) {
      var first = hPrime(1024, concat([h0, le32(b), le32(0)]));
      for (var i = 0; i < 256; i++) {
        mem[b * 256 + i] = first[4 * i] | (first[4 * i + 1] << 8) | (first[4 * i + 2] << 16) | (first[4 * i + 3] << 24);
      }
    }
    for (var pass = 0; pass < passes; pass++) {
      for (var slice = 0; slice < 4; slice++) {
        segment(mem, pass, slice, blocks, seg, passes);
      }
    }
    var last = new Uint8Array(1024);
    var off = (blocks - 1) * 256;
    for (var k = 0; k < 256; k++) {
      var w = mem[off + k];
      last[4 * k] = w; last[4 * k + 1] = w >>> 8; last[4 * k + 2] = w >>> 16; last[4 * k + 3] = w >>> 24;
    }
    return hPrime(tagLen, last);
  }

  function nextAddresses() {
    INPUT[12] = INPUT[12] + 1; // word 6, the counter
    fill(ZERO, 0, INPUT, 0, ADDRESS, 0, false);
    fill(ZERO, 0, ADDRESS, 0, ADDRESS, 0, false);
  }

  function segment(mem, pass, slice, blocks, seg, passes) {
    var independent = pass === 0 && slice < 2;
    if (independent) {
      INPUT.fill(0);
      INPUT[0] = pass; INPUT[2] = 0; INPUT[4] = slice; INPUT[6] = blocks; INPUT[8] = passes; INPUT[10] = 2;
    }
    var start = 0;
    if (pass === 0 && slice === 0) {
      start = 2;
      if (independent) { nextAddresses(); }
    }
    var curr = slice * seg + start;
    var prev = curr % blocks === 0 ? curr + blocks - 1 : curr - 1;
    for (var i = start; i < seg; i++, curr++, prev++) {
      if (curr % blocks === 1) { prev = curr - 1; }
      var j1;
      if (independent) {
        if (i % 128 === 0) { nextAddresses(); }
        j1 = ADDRESS[2 * (i % 128)];
      } else {
        j1 = mem[prev * 256];
      }
      var area;
      if (pass === 0) {
        area = slice === 0 ? i - 1 : slice * seg + i - 1;
      } else {
        area = blocks - seg + i - 1;
      }
      mul32(j1, j1);
      var x = MH;
      mul32(area, x);
      var rel = area - 1 - MH;
      var startPos = pass !== 0 && slice !== 3 ? (slice + 1) * seg : 0;
      var ref = (startPos + rel) % blocks;
      fill(mem, prev * 256, mem, ref * 256, mem, curr * 256, pass !== 0);
    }
  }

  function leadingZeroBits(tag, bits) {
    for (var i = 0; i < bits; i++) {
      if ((tag[i >> 3] >>> (7 - (i & 7))) & 1) { return false; }
    }
    return true;
  }

  function fromBase64Url(s) {
    var b = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
    var out = new Uint8Array(b.length);
    for (var i = 0; i < b.length; i++) { out[i] = b.charCodeAt(i); }
    return out;
  }

  /** Solves puzzle `index` from nonce `from` for at most `tries` nonces; -1 if not found yet. */
  function search(salt, index, from, tries, bits, memoryKib) {
    for (var n = from; n < from + tries; n++) {
      var tag = argon2id(new Uint8Array(le32(index).concat(le32(n))), salt, memoryKib, 1);
      if (leadingZeroBits(tag, bits)) { return n; }
    }
    return -1;
  }

  /** The whole proof for a challenge: the nonces, comma-separated. */
  function solve(challenge, bits, count, memoryKib) {
    var salt = fromBase64Url(challenge);
    var nonces = [];
    for (var i = 0; i < count; i++) {
      nonces.push(search(salt, i, 0, 0x7fffffff, bits, memoryKib));
    }
    return nonces.join(',');
  }

  var self_ = typeof self !== 'undefined' ? self : this;
  var api = { blake2b: blake2b, argon2id: argon2id, solve: solve };

  if (typeof module !== 'undefined' && module.exports) { // node, for the tests
    module.exports = api;
    return;
  }

  if (typeof document === 'undefined') { // the Web Worker
    self_.onmessage = function (e) {
      var d = e.data;
      self_.postMessage({ proof: solve(d.challenge, d.bits, d.count, d.memoryKib) });
    };
    return;
  }

  // ---- The page: solve as soon as it opens; hold the submission until the proof is ready.
  var scriptEl = document.currentScript;

  function start(form) {
    var proof = form.querySelector('input[name="proof"]');
    var challenge = form.querySelector('input[name="challenge"]');
    var status = form.querySelector('.pow-status');
    if (!proof || !challenge || !challenge.value) { return; }
    var bits = parseInt(form.getAttribute('data-pow-bits'), 10);
    var count = parseInt(form.getAttribute('data-pow-count'), 10);
    var memoryKib = parseInt(form.getAttribute('data-pow-memory'), 10);
    var done = false;
    var waiting = false;
    var began = Date.now();
    function finished(value) {
      proof.value = value;
      done = true;
      form.setAttribute('data-pow-ms', String(Date.now() - began));
      form.setAttribute('data-pow-state', 'solved');
      if (waiting) { form.submit(); }
    }
    form.addEventListener('submit', function (e) {
      if (!done) {
        e.preventDefault();
        waiting = true;
        if (status) { status.hidden = false; }
      }
    });
    form.setAttribute('data-pow-state', 'solving');
    var script = scriptEl || document.querySelector('script[src$="/pow.js"]');
    try {
      var worker = new Worker(script ? script.src : '/pow.js');
      worker.onmessage = function (e) { finished(e.data.proof); worker.terminate(); };
      worker.onerror = function () { worker.terminate(); onPage(); };
      worker.postMessage({ challenge: challenge.value, bits: bits, count: count, memoryKib: memoryKib });
    } catch (err) {
      onPage();
    }
    function onPage() { // no worker: a few nonces at a time between the page's own work
      var salt = fromBase64Url(challenge.value);
      var nonces = [];
      var next = 0;
      function step() {
        var n = search(salt, nonces.length, next, 4, bits, memoryKib);
        if (n >= 0) { nonces.push(n); next = 0; } else { next += 4; }
        if (nonces.length === count) { finished(nonces.join(',')); } else { setTimeout(step, 0); }
      }
      step();
    }
  }

  function all() {
    var forms = document.querySelectorAll('form[data-pow-bits]');
    for (var i = 0; i < forms.length; i++) { start(forms[i]); }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', all);
  } else {
    all();
  }
})();
