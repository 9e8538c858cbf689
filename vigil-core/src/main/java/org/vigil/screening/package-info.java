/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Screening names against sanctions lists: one {@link org.vigil.screening.Screener}, built from
 * list releases, answers {@link org.vigil.screening.ScreeningQuery}s with ranked, explained
 * matches.
 */
package org.vigil.screening;
