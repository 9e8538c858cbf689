/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * The server's background work as persistent jobs on the store's queue, which any node may run: the
 * front door where features register their kinds of work and enqueue it.
 */
package org.vigil.background;
