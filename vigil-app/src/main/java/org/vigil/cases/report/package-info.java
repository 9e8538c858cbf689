/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Case reports: a case, or chosen entities of it, written for one recipient organisation as HTML,
 * PDF or DOCX, with a marking on every page and every paragraph and a source for every fact.
 */
package org.vigil.cases.report;
