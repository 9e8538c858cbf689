/* SPDX-License-Identifier: GPL-3.0-or-later */
/** The tip repository's triage, release and retention contract, on H2 and PostgreSQL. */
package org.vigil.store.tips;
