/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * The network as the store holds it: neighbours, paths, subgraphs, communities, centrality and
 * timelines over the stored statements, answered only from what the reader may see, every edge with
 * its evidence. Query and answer records here; the store runs them ({@code Store.network()}).
 */
package org.vigil.network;
