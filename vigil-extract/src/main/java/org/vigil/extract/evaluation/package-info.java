/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Extraction quality on public benchmark data (Dstl re3d, wikigold, MUC-4): corpus readers, span
 * scoring and the evaluations behind {@code vigil eval ner} and {@code vigil eval relations}.
 */
package org.vigil.extract.evaluation;
