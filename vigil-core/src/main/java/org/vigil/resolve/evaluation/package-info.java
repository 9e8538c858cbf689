/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * How well resolution works and how fast: pairwise precision and recall of its merges on public
 * data (MISP's threat-actor galaxy) and on hand-written gold pairs, and a seeded synthetic bench.
 */
package org.vigil.resolve.evaluation;
