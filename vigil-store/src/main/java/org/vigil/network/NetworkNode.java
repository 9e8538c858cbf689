/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.network;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An entity in a network answer, as the reader sees it: canonical id, caption, schema, the most
 * restrictive TLP level among its visible statements, its depth from the start (neighbourhoods),
 * its community number (communities) and its centrality values by measure key.
 */
public record NetworkNode(
    String id,
    String caption,
    String schema,
    String tlp,
    OptionalInt depth,
    OptionalInt community,
    SortedMap<String, Double> centrality) {
  public NetworkNode {
    requireNonNull(id, "id");
    requireNonNull(caption, "caption");
    requireNonNull(schema, "schema");
    requireNonNull(tlp, "tlp");
    requireNonNull(depth, "depth");
    requireNonNull(community, "community");
    centrality = Collections.unmodifiableSortedMap(new TreeMap<>(centrality));
  }

  public NetworkNode withCommunity(int number) {
    return new NetworkNode(id, caption, schema, tlp, depth, OptionalInt.of(number), centrality);
  }

  public NetworkNode withCentrality(SortedMap<String, Double> values) {
    return new NetworkNode(id, caption, schema, tlp, depth, community, values);
  }
}
