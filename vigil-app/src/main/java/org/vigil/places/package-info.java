/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Places: an offline gazetteer (GeoNames cities, shipped inside Vigil) and a geocoder that places a
 * name only when the name says one place, and otherwise says why it left the name unplaced.
 */
package org.vigil.places;
