/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Louvain community detection on arrays: local moving of nodes to the neighbouring community with
 * the best modularity gain, then aggregation of each community into one node, repeated until no
 * node moves. Written here rather than taken from JGraphT, which has no Louvain.
 */
final class Louvain {
  private static final double MIN_GAIN = 1e-12;
  private static final int MAX_PASSES = 1_000;

  private Louvain() {}

  /** A community number per node, numbered 0.. in order of each community's first node. */
  static int[] communities(Graph graph, LouvainQuery query) {
    int n = graph.nodeCount();
    Level original = Level.of(graph, query.weighted());
    Level level = original;
    int[] membership = new int[n];
    for (int u = 0; u < n; u++) {
      membership[u] = u;
    }
    SplittableRandom random = new SplittableRandom(query.seed());
    for (int depth = 0; depth < query.maxLevels(); depth++) {
      int[] community = singletons(level.size());
      boolean moved = moveNodes(level, community, query.resolution(), random);
      int count = renumber(community);
      for (int u = 0; u < n; u++) {
        membership[u] = community[membership[u]];
      }
      if (!moved || count == level.size()) {
        break;
      }
      level = level.aggregate(community, count);
    }
    // Aggregation freezes each community's members; one last round of moving single nodes on
    // the original graph lets a node that ended up on the wrong side of a merge move back.
    if (original.size() > 0) {
      moveNodes(original, membership, query.resolution(), random);
    }
    renumber(membership);
    return membership;
  }

  private static int[] singletons(int n) {
    int[] community = new int[n];
    for (int i = 0; i < n; i++) {
      community[i] = i;
    }
    return community;
  }

  /** Moves nodes between the given communities (numbers below n) while modularity improves. */
  private static boolean moveNodes(
      Level level, int[] community, double resolution, SplittableRandom random) {
    int n = level.size();
    double[] total = new double[n];
    for (int i = 0; i < n; i++) {
      total[community[i]] += level.strength[i];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    double[] weightTo = new double[n];
    int[] stamp = new int[n];
    Arrays.fill(stamp, -1);
    int[] touched = new int[n];
    double m2 = level.totalStrength;
    if (m2 == 0) {
      return false;
    }
    boolean improved = false;
    boolean moved = true;
    for (int pass = 0; moved && pass < MAX_PASSES; pass++) {
      moved = false;
      for (int i : order) {
        int own = community[i];
        int count = 0;
        for (int k = level.start[i]; k < level.start[i + 1]; k++) {
          int c = community[level.node[k]];
          if (stamp[c] != i) {
            stamp[c] = i;
            weightTo[c] = 0;
            touched[count++] = c;
          }
          weightTo[c] += level.weight[k];
        }
        double strength = level.strength[i];
        total[own] -= strength;
        int best = own;
        double ownWeight = stamp[own] == i ? weightTo[own] : 0;
        double bestGain = ownWeight - resolution * total[own] * strength / m2;
        for (int t = 0; t < count; t++) {
          int c = touched[t];
          double gain = weightTo[c] - resolution * total[c] * strength / m2;
          if (gain > bestGain + MIN_GAIN) {
            best = c;
            bestGain = gain;
          }
        }
        total[best] += strength;
        if (best != own) {
          community[i] = best;
          moved = true;
          improved = true;
        }
      }
    }
    return improved;
  }

  private static int renumber(int[] community) {
    int[] map = new int[community.length];
    Arrays.fill(map, -1);
    int count = 0;
    for (int i = 0; i < community.length; i++) {
      int c = community[i];
      if (map[c] < 0) {
        map[c] = count++;
      }
      community[i] = map[c];
    }
    return count;
  }

  /** One level of the hierarchy: a symmetric weighted graph with self-loop weights beside it. */
  private record Level(
      int[] start, int[] node, double[] weight, double[] strength, double totalStrength) {
    int size() {
      return strength.length;
    }

    static Level of(Graph graph, boolean weighted) {
      int n = graph.nodeCount();
      int[] start = graph.simpleStart();
      int[] node = graph.simpleNode();
      double[] weight = new double[node.length];
      double[] strength = new double[n];
      double total = 0;
      for (int u = 0; u < n; u++) {
        for (int k = start[u]; k < start[u + 1]; k++) {
          weight[k] = weighted ? graph.simpleWeight()[k] : 1.0;
          strength[u] += weight[k];
        }
        total += strength[u];
      }
      return new Level(start, node, weight, strength, total);
    }

    Level aggregate(int[] community, int count) {
      int n = size();
      int[] memberStart = new int[count + 1];
      for (int i = 0; i < n; i++) {
        memberStart[community[i] + 1]++;
      }
      for (int c = 0; c < count; c++) {
        memberStart[c + 1] += memberStart[c];
      }
      int[] members = new int[n];
      int[] fill = Arrays.copyOf(memberStart, count);
      for (int i = 0; i < n; i++) {
        members[fill[community[i]]++] = i;
      }
      double[] newStrength = new double[count];
      int[] newStart = new int[count + 1];
      int[] newNode = new int[node.length];
      double[] newWeight = new double[node.length];
      double[] weightTo = new double[count];
      int[] stamp = new int[count];
      Arrays.fill(stamp, -1);
      int[] touched = new int[count];
      int size = 0;
      for (int c = 0; c < count; c++) {
        newStart[c] = size;
        int seen = 0;
        for (int m = memberStart[c]; m < memberStart[c + 1]; m++) {
          int i = members[m];
          newStrength[c] += strength[i];
          for (int k = start[i]; k < start[i + 1]; k++) {
            int d = community[node[k]];
            if (d == c) {
              continue;
            }
            if (stamp[d] != c) {
              stamp[d] = c;
              weightTo[d] = 0;
              touched[seen++] = d;
            }
            weightTo[d] += weight[k];
          }
        }
        for (int t = 0; t < seen; t++) {
          newNode[size] = touched[t];
          newWeight[size++] = weightTo[touched[t]];
        }
      }
      newStart[count] = size;
      // Weight inside a community stays in its strength (as a self loop) but not in its rows:
      // the self loop moves with the node, so it never changes a move's gain.
      return new Level(
          newStart,
          Arrays.copyOf(newNode, size),
          Arrays.copyOf(newWeight, size),
          newStrength,
          totalStrength);
    }
  }
}
