/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

/** The search contract on the Lucene index, held in memory. */
class LuceneSearchIndexContractTest extends SearchIndexContract {
  @Override
  protected SearchIndex newIndex(SearchIndex.Resolver resolver) {
    return SearchIndex.inMemory(resolver);
  }
}
