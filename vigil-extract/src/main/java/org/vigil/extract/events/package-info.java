/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Events read from sentence structure: a trigger word (a verb such as "arrested" or a noun such as
 * "the arrest of"), its participants in typed roles, and its place.
 */
package org.vigil.extract.events;
