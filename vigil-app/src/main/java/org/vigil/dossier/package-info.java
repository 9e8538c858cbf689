/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * What one reader may see of one entity, read in one query ({@link
 * org.vigil.dossier.EntityDossiers}) into an immutable view ({@link
 * org.vigil.dossier.EntityDossier}) that the pages render and the API can answer from.
 */
package org.vigil.dossier;
