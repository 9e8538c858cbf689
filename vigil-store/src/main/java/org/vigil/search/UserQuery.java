/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * What a user typed, read as words and "quoted phrases" and nothing else: no operators, fields or
 * wildcards, so no input can fail to parse or reach into fields it should not. A word that analyses
 * into several terms ("al-Hassan") is treated as a phrase; characters that make no term (such as
 * {@code "><}) are dropped.
 *
 * @param clauses each a list of terms, one term for a word and several for a phrase; every clause
 *     must match
 */
record UserQuery(List<List<String>> clauses) {
  /** Caps the query's size so that it stays well inside Lucene's clause limit. */
  static final int MAX_TERMS = 64;

  UserQuery {
    clauses = List.copyOf(clauses);
  }

  static UserQuery parse(String text, Analyzer analyzer) {
    List<List<String>> clauses = new ArrayList<>();
    int budget = MAX_TERMS;
    String[] parts = text.split("\"", -1);
    for (int i = 0; i < parts.length && budget > 0; i++) {
      List<String> pieces = new ArrayList<>();
      if (i % 2 == 1) {
        pieces.add(parts[i]); // inside quotes (an unclosed quote runs to the end)
      } else {
        for (String word : parts[i].strip().split("\\s+")) {
          pieces.add(word);
        }
      }
      for (String piece : pieces) {
        if (budget == 0) {
          break;
        }
        List<String> terms = TextAnalysis.terms(analyzer, LuceneSearchIndex.TEXT, piece);
        if (terms.size() > budget) {
          terms = terms.subList(0, budget);
        }
        if (!terms.isEmpty()) {
          clauses.add(List.copyOf(terms));
          budget -= terms.size();
        }
      }
    }
    return new UserQuery(clauses);
  }

  boolean isEmpty() {
    return clauses.isEmpty();
  }

  /** Every term of every clause, for highlighting. */
  Set<String> terms() {
    Set<String> out = new LinkedHashSet<>();
    for (List<String> clause : clauses) {
      out.addAll(clause);
    }
    return out;
  }
}
