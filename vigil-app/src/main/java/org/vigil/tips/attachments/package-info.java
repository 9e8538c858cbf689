/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Tip attachments: the real type told from the bytes, hostile files refused with a message the
 * tipster can act on, and a working copy cleaned of metadata by Debian's mat2 in a separate
 * process.
 */
package org.vigil.tips.attachments;
