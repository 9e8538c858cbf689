/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Documents into the store: one {@link org.vigil.documents.DocumentIngest} per process reads,
 * cleans, checks for copies, extracts and stores each document, and reports what became of it as an
 * {@link org.vigil.documents.IngestOutcome}. The command line and the HTTP upload share it.
 */
package org.vigil.documents;
