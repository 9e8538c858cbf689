/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Weighing claims: who says what with which stance, the origins behind each source collapsed into
 * independent origins, corroboration counted per independent origin, disputes, suggested
 * credibility, estimative language and competing hypotheses. Pure logic over values; no I/O.
 */
package org.vigil.claims;
