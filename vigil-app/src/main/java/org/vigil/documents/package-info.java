/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Documents into the store, and what is read back of their text. {@link
 * org.vigil.documents.DocumentIntake} is the front door of the command line, the HTTP upload and
 * the resolution that follows them; one {@link org.vigil.documents.DocumentIngest} per process
 * reads, cleans, checks for copies, extracts (with the lists' names, {@link
 * org.vigil.documents.ListGazetteer}) and stores each document, and reports what became of it as an
 * {@link org.vigil.documents.IngestOutcome}. {@link org.vigil.documents.EvidenceText} cuts the
 * sentence around a span for the pages and the API alike.
 */
package org.vigil.documents;
