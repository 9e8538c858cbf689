/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The parts of the OpenSearch index that need no cluster: reading answers, choosing waits. */
class OpenSearchSearchIndexTest {
  @Test
  void aRebuildWaitsForGreenOnlyWhenTheClusterCanPlaceEveryReplica() {
    assertThat(OpenSearchSearchIndex.healthToWaitFor(0, 1)).isEqualTo("green");
    assertThat(OpenSearchSearchIndex.healthToWaitFor(1, 3)).isEqualTo("green");
    assertThat(OpenSearchSearchIndex.healthToWaitFor(2, 3)).isEqualTo("green");
    assertThat(OpenSearchSearchIndex.healthToWaitFor(1, 1)).isEqualTo("yellow");
    assertThat(OpenSearchSearchIndex.healthToWaitFor(2, 2)).isEqualTo("yellow");
    assertThat(OpenSearchSearchIndex.healthToWaitFor(1, 0)).isEqualTo("yellow");
  }

  @Test
  void facetCountsAreRecordsNotPartsOrderedByCountThenValue() throws Exception {
    JsonNode matching =
        new ObjectMapper()
            .readTree(
                """
                {"doc_count": 9,
                 "country": {"buckets": [
                   {"key": "country:ir", "doc_count": 4, "records": {"doc_count": 2}},
                   {"key": "country:az", "doc_count": 2, "records": {"doc_count": 2}},
                   {"key": "country:iq", "doc_count": 3, "records": {"doc_count": 3}}]},
                 "marking": {"buckets": [
                   {"key": "marking:TLP:AMBER+STRICT", "doc_count": 1, "records": {"doc_count": 1}}]},
                 "year": {"buckets": []}}
                """);

    var facets = OpenSearchSearchIndex.facets(matching);

    assertThat(facets.keySet()).containsExactly(FacetDimension.COUNTRY, FacetDimension.MARKING);
    assertThat(facets.get(FacetDimension.COUNTRY))
        .containsExactly(
            new SearchResults.FacetCount("iq", 3),
            new SearchResults.FacetCount("az", 2),
            new SearchResults.FacetCount("ir", 2));
    assertThat(facets.get(FacetDimension.MARKING))
        .containsExactly(new SearchResults.FacetCount("TLP:AMBER+STRICT", 1));
  }
}
