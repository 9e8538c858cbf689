/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Measuring Vigil: {@code vigil eval} (quality on public benchmark data) and {@code vigil bench}
 * (speed on synthetic but realistic workloads against the real store and server), side by side,
 * with the baselines they compare against. Production code never depends on this package.
 */
package org.vigil.evaluation;
