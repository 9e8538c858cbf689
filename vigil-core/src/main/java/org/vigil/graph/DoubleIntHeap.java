/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph;

import java.util.Arrays;

/**
 * A binary min-heap of (key, node) pairs in two arrays; stale entries are skipped by the caller
 * (lazy deletion), which is simpler and, on sparse graphs, as fast as decrease-key.
 */
final class DoubleIntHeap {
  private double[] keys = new double[64];
  private int[] nodes = new int[64];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  double peekKey() {
    return keys[0];
  }

  void push(double key, int node) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      nodes = Arrays.copyOf(nodes, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] < key || (keys[parent] == key && nodes[parent] <= node)) {
        break;
      }
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes the smallest pair and returns its node; read its key with peekKey first. */
  int pop() {
    int top = nodes[0];
    size--;
    double key = keys[size];
    int node = nodes[size];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size
          && (keys[child + 1] < keys[child]
              || (keys[child + 1] == keys[child] && nodes[child + 1] < nodes[child]))) {
        child++;
      }
      if (key < keys[child] || (key == keys[child] && node <= nodes[child])) {
        break;
      }
      keys[i] = keys[child];
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }
}
