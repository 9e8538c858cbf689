/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Resolution and cross-referencing over the store: the entities read from reporting resolved into
 * one per real thing (machine judgements, the review queue), and screened against the loaded lists
 * (possible matches, the alert feed).
 */
package org.vigil.resolution;
