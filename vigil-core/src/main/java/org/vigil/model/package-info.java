/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Vigil's domain model: FollowTheMoney schemata and properties as code, statements with their
 * provenance, sources with their Admiralty grade, and the TLP 2.0 markings that govern who sees
 * what.
 */
package org.vigil.model;
