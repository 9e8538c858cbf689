/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Entity resolution: judgements that two records are (or are not) the same real thing, and the
 * canonical ids those judgements imply. Judgements never rewrite statements and can be undone.
 */
package org.vigil.resolve;
