/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of the folded list names, queried with one {@link FuzzyQuery} (up to
 * two edits) per query token, any of which may match (a BooleanQuery of SHOULD clauses).
 */
final class LuceneFuzzyBaseline implements NameSearchBaseline {
  private static final String NAME = "name";
  private static final String POSITION = "position";

  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final Analyzer analyzer = new StandardAnalyzer();
  private DirectoryReader reader;
  private IndexSearcher searcher;

  @Override
  public String describe() {
    return "Lucene FuzzyQuery (maxEdits 2) per token over an in-memory index of the names";
  }

  @Override
  public void build(List<String> names) throws IOException {
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (int i = 0; i < names.size(); i++) {
        Document doc = new Document();
        doc.add(new TextField(NAME, NameSearchBaseline.fold(names.get(i)), Field.Store.NO));
        doc.add(new StoredField(POSITION, i));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  @Override
  public int[] top(String query, int k) throws IOException {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    List<String> tokens = tokens(NameSearchBaseline.fold(query));
    if (tokens.isEmpty()) {
      return new int[0];
    }
    for (String token : tokens.subList(0, Math.min(tokens.size(), 16))) {
      builder.add(new FuzzyQuery(new Term(NAME, token), 2), BooleanClause.Occur.SHOULD);
    }
    ScoreDoc[] hits = searcher.search(builder.build(), k).scoreDocs;
    int[] out = new int[hits.length];
    for (int i = 0; i < hits.length; i++) {
      out[i] =
          searcher
              .storedFields()
              .document(hits[i].doc)
              .getField(POSITION)
              .numericValue()
              .intValue();
    }
    return out;
  }

  private List<String> tokens(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(NAME, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
    directory.close();
    analyzer.close();
  }
}
