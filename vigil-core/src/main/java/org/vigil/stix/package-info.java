/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * STIX 2.1: Vigil's entities, links and sources as STIX objects with deterministic ids, and the
 * official TLP 2.0 marking definitions. Pure mapping, no I/O; who may receive what is decided
 * before the entities reach it.
 */
package org.vigil.stix;
