/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * The public tip line: the intake listener and its pages, receipts, sealing of tips to the
 * tip-handling team's key, and the handlers' queue. Nothing here keeps what identifies a tipster.
 */
package org.vigil.tips;
