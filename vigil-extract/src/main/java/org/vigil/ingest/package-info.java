/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Documents in: files read through Apache Tika into text and metadata under size and time limits,
 * web-page boilerplate removed, repeated paragraphs dropped, and exact and near duplicates found.
 */
package org.vigil.ingest;
