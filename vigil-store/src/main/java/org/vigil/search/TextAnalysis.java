/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * How text becomes search terms, the same for indexing, queries and highlighting: Unicode word
 * boundaries, lower case (locale-free), Latin diacritics folded ("Müller" finds "Muller").
 */
final class TextAnalysis {
  private TextAnalysis() {}

  /** A term and where it stands in the analysed text. */
  record Token(String term, int start, int end) {}

  static Analyzer analyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  static List<Token> tokens(Analyzer analyzer, String field, String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing in-memory text cannot fail", e);
    }
    return out;
  }

  static List<String> terms(Analyzer analyzer, String field, String text) {
    List<String> out = new ArrayList<>();
    for (Token t : tokens(analyzer, field, text)) {
      out.add(t.term());
    }
    return out;
  }
}
