/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Benchmarks behind {@code vigil bench}: synthetic but realistic workloads run against the real
 * store and server, reported as medians, percentiles and rates with the machine they ran on.
 */
package org.vigil.bench;
