/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Who says what a sentence tells, and how: reported speech ("X said", "according to X", "X
 * denied"), hedges ("reportedly", "may have") and negation.
 */
package org.vigil.extract.claims;
