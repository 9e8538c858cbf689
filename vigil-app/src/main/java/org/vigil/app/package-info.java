/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Putting Vigil together: where its data lives, the first administrator of a new installation, the
 * demo organisations and statements, and the version it reports.
 */
package org.vigil.app;
