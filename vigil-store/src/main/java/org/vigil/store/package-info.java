/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Vigil's persistence: statements with their provenance, resolution judgements, accounts, and the
 * audit log, on embedded H2 or PostgreSQL behind one front door, {@link org.vigil.store.Store}.
 */
package org.vigil.store;
