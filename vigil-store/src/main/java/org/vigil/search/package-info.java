/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * The search index over entities, in Lucene (embedded) or on an OpenSearch cluster (several nodes):
 * derived from the statements, rebuilt from them at will, and filtered by the reader's markings
 * like every other read. One contract, {@code SearchIndexContract}, holds both to the same results.
 */
package org.vigil.search;
