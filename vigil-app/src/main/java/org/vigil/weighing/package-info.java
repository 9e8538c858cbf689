/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Weighing stored claims for one reader: the claims read from documents and entered by analysts,
 * their origins, corroboration, disputes and grades ({@link org.vigil.weighing.ClaimWeighings}),
 * and the grades and links analysts set and undo ({@link org.vigil.weighing.Grading}).
 */
package org.vigil.weighing;
