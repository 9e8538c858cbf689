/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Relations read from sentence structure: small rules, one per construction (apposition,
 * possessive, title before a name, copula, verbs of work and membership, ties, parent bodies,
 * places of people and organisations), each over a parsed sentence and the mentions in it.
 */
package org.vigil.extract.relations;
