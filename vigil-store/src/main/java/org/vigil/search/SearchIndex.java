/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.Marking;

/**
 * Full-text search over entities. The index is derived data: {@link #rebuild} recreates it from the
 * statements. A search returns only hits the viewer may see, and a hit's snippets come only from
 * statements the viewer may see.
 */
public interface SearchIndex extends AutoCloseable {

  /** Replaces the indexed form of these records (each as {@link Viewer#system()} sees it). */
  void update(Collection<Entity> records);

  /** Empties the index and indexes every record {@code source} hands over; returns the count. */
  long rebuild(java.util.function.Consumer<java.util.function.Consumer<Entity>> source);

  SearchResults search(SearchQuery query, Viewer viewer);

  /**
   * Replaces the indexed form of these documents' texts: a search then finds a document by its
   * title and text, as a hit of schema Document, if the viewer may see its marking.
   */
  void updateTexts(Collection<IndexedText> texts);

  /**
   * The ids of records (unmerged entities) with at least one statement from {@code sourceId} that
   * the viewer may see, in id order, at most {@code limit}: the entities a document tells of.
   */
  List<String> recordsCiting(String sourceId, Viewer viewer, int limit);

  /**
   * A stored document as the index holds it.
   *
   * @param id the document's (and its source's) id
   * @param title its source's title
   * @param text its cleaned text
   * @param marking its source's marking
   * @param storedAt when it was stored
   */
  record IndexedText(String id, String title, String text, Marking marking, Instant storedAt) {
    public IndexedText {
      requireNonNull(id, "id");
      requireNonNull(title, "title");
      requireNonNull(text, "text");
      requireNonNull(marking, "marking");
      requireNonNull(storedAt, "storedAt");
    }
  }

  /**
   * Whether the engine answers, for a readiness probe: quickly (a few seconds at most), and naming
   * nothing of the deployment (no address, no error text).
   */
  default Health health() {
    return new Health("lucene", "ok", true);
  }

  /**
   * An engine's state as a readiness probe reports it.
   *
   * @param engine "lucene" or "opensearch"
   * @param status "ok" for a local index; a cluster's "green", "yellow" or "red", or "unreachable"
   * @param ready whether searches can be answered
   */
  record Health(String engine, String status, boolean ready) {
    public Health {
      requireNonNull(engine, "engine");
      requireNonNull(status, "status");
    }
  }

  @Override
  void close();

  /**
   * Opens the Lucene index in {@code dir}, creating the folder and an empty index if needed. The
   * caller closes it.
   *
   * @param resolver how records group into entities; hits are grouped by its canonical ids
   * @throws UncheckedIOException if the folder cannot be created or the index cannot be opened
   */
  static SearchIndex lucene(Path dir, Resolver resolver) {
    try {
      java.nio.file.Files.createDirectories(dir);
      return LuceneSearchIndex.open(FSDirectory.open(dir), resolver);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + dir, e);
    }
  }

  /** A Lucene index held in memory, gone when closed: for tests and throw-away work. */
  static SearchIndex inMemory(Resolver resolver) {
    try {
      return LuceneSearchIndex.open(new ByteBuffersDirectory(), resolver);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create an in-memory search index", e);
    }
  }

  /**
   * The index behind {@code alias} on the OpenSearch cluster at {@code url}, created (with {@code
   * shards} primary shards and {@code replicas} replicas each) when the cluster has no such alias.
   * Closing it leaves the cluster and the index as they are.
   *
   * @param resolver how records group into entities; hits are grouped by its canonical ids
   * @throws SearchUnavailableException if the cluster does not answer
   */
  static SearchIndex openSearch(
      java.net.URI url, String alias, int shards, int replicas, Resolver resolver) {
    return OpenSearchSearchIndex.open(new OpenSearchClient(url), alias, shards, replicas, resolver);
  }

  /**
   * How records group into entities (the store's resolution judgements), as one reader sees them:
   * only judgements that reader may see group records for them.
   */
  interface Resolver {
    /**
     * The canonical id of the cluster {@code recordId} belongs to for {@code viewer}; itself when
     * alone.
     */
    String canonicalId(String recordId, Viewer viewer);

    /** The records in the cluster of {@code recordId} for {@code viewer}, itself included. */
    Set<String> members(String recordId, Viewer viewer);

    /**
     * Every record that shares its cluster with at least one other record for {@code viewer}: the
     * records whose canonical id may differ from their own. A record not named here stands alone
     * for this viewer. An index that cannot hold the reader's clusters (OpenSearch) groups these
     * few itself and lets the engine count and rank every other record as its own entity.
     */
    Set<String> clustered(Viewer viewer);

    /** Every record stands alone. */
    static Resolver none() {
      return new Resolver() {
        @Override
        public String canonicalId(String recordId, Viewer viewer) {
          return recordId;
        }

        @Override
        public Set<String> members(String recordId, Viewer viewer) {
          SortedSet<String> one = new TreeSet<>();
          one.add(recordId);
          return Collections.unmodifiableSortedSet(one);
        }

        @Override
        public Set<String> clustered(Viewer viewer) {
          return Set.of();
        }
      };
    }
  }
}
