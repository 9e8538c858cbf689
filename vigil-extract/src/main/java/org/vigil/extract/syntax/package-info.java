/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Sentence structure: CoreNLP's part-of-speech tagger and neural dependency parser (Universal
 * Dependencies, enhanced++), behind Vigil's own small view of a parsed sentence.
 */
package org.vigil.extract.syntax;
