/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * An immutable in-memory graph of entities and their links, the queries analysts ask of it
 * (neighbours, paths, subgraphs) and the analyses run over it (components, centrality, communities,
 * brokers); every result names the edge ids it used, so callers can show evidence.
 */
package org.vigil.graph;
