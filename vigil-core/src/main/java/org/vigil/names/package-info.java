/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Person and organisation names: a chain of small normalisation steps (diacritics, Arabic letter
 * variants, transliteration, legal forms, name-part variants) and a comparison that says which
 * parts of two names aligned, and how.
 */
package org.vigil.names;
