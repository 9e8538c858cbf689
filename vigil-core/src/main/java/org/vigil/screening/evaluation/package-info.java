/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Measuring screening: quality against the shared benchmark files (name bench, UN positives,
 * validation negatives, cross-script queries) and speed (queries per second, latency, heap).
 */
package org.vigil.screening.evaluation;
