/* SPDX-License-Identifier: GPL-3.0-or-later */
/** The geocoder's evaluation on labelled place mentions ({@code vigil eval places}). */
package org.vigil.places.evaluation;
