/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * The Lucene search index over entities: derived from the statements, rebuilt from them at will,
 * and filtered by the reader's markings like every other read.
 */
package org.vigil.search;
