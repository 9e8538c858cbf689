/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * How well and how fast the graph algorithms work: measures on published covert networks held
 * against a reference, and a throughput benchmark on random graphs. Not used by production code.
 */
package org.vigil.graph.evaluation;
