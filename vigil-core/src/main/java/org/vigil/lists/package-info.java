/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Sanctions lists: one reader per published format (OFAC, UN, UK, FtM, agency CSV), each giving a
 * {@link org.vigil.lists.ListRelease} of entries, and the conversion of a release into statements.
 */
package org.vigil.lists;
