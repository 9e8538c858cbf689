/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * The append-only audit log's records and the hash chain that makes a changed or deleted row
 * detectable.
 */
package org.vigil.audit;
