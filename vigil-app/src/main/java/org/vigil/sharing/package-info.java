/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Sharing with partners: the STIX 2.1 export of what a recipient organisation may read, and the
 * TAXII 2.1 collections (one per organisation and TLP level) with the rights a caller has on them.
 */
package org.vigil.sharing;
