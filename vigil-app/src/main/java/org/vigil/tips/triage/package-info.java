/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Triage of the tip line's tips on the analyst server that holds the team's private key: language,
 * extraction, links to known entities, screening, groups of copies and spam signs, sealed to the
 * team's key and run in the background, never on the intake listener.
 */
package org.vigil.tips.triage;
