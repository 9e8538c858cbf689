/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Cases: an analyst's working set of entities, documents, claims and notes, shared with named users
 * and organisations and read by each member only as far as their own rights reach.
 */
package org.vigil.cases;
