/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded force layout (Fruchterman-Reingold): nodes push apart, links pull together, the step
 * cools; one set of nodes and links gives one picture. Used by the case page's graph and by the
 * report's network picture.
 */
public final class GraphLayout {
  private static final int ROUNDS = 200;

  private GraphLayout() {}

  /**
   * Positions for {@code n} nodes linked by {@code links} (pairs of node indexes) inside a box of
   * {@code width} by {@code height} with the given margins, as {@code [x0, y0, x1, y1, ...]}.
   */
  public static double[] positions(
      int n, List<int[]> links, int width, int height, int marginX, int marginY) {
    double innerW = width - 2.0 * marginX;
    double innerH = height - 2.0 * marginY;
    if (innerW <= 0 || innerH <= 0) {
      throw new IllegalArgumentException(
          "margins " + marginX + "," + marginY + " leave no room in " + width + "x" + height);
    }
    double[] x = new double[n];
    double[] y = new double[n];
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < n; i++) {
      x[i] = random.nextDouble(innerW);
      y[i] = random.nextDouble(innerH);
    }
    double k = Math.sqrt(innerW * innerH / Math.max(1, n));
    double temperature = width / 10.0;
    for (int round = 0; round < ROUNDS; round++) {
      double[] dx = new double[n];
      double[] dy = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          double ex = x[i] - x[j];
          double ey = y[i] - y[j];
          double d = Math.max(0.01, Math.sqrt(ex * ex + ey * ey));
          double push = k * k / d;
          dx[i] += ex / d * push;
          dy[i] += ey / d * push;
          dx[j] -= ex / d * push;
          dy[j] -= ey / d * push;
        }
      }
      for (int[] l : links) {
        double ex = x[l[0]] - x[l[1]];
        double ey = y[l[0]] - y[l[1]];
        double d = Math.max(0.01, Math.sqrt(ex * ex + ey * ey));
        double pull = d * d / k;
        dx[l[0]] -= ex / d * pull;
        dy[l[0]] -= ey / d * pull;
        dx[l[1]] += ex / d * pull;
        dy[l[1]] += ey / d * pull;
      }
      for (int i = 0; i < n; i++) {
        double d = Math.max(0.01, Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]));
        x[i] += dx[i] / d * Math.min(d, temperature);
        y[i] += dy[i] / d * Math.min(d, temperature);
      }
      temperature *= 0.97;
    }
    return fitted(x, y, width, height, marginX, marginY);
  }

  /** The positions stretched to fill the box inside its margins. */
  private static double[] fitted(
      double[] x, double[] y, int width, int height, int marginX, int marginY) {
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < x.length; i++) {
      minX = Math.min(minX, x[i]);
      maxX = Math.max(maxX, x[i]);
      minY = Math.min(minY, y[i]);
      maxY = Math.max(maxY, y[i]);
    }
    double[] out = new double[2 * x.length];
    for (int i = 0; i < x.length; i++) {
      double px = maxX > minX ? (x[i] - minX) / (maxX - minX) : 0.5;
      double py = maxY > minY ? (y[i] - minY) / (maxY - minY) : 0.5;
      out[2 * i] = marginX + px * (width - 2.0 * marginX);
      out[2 * i + 1] = marginY + py * (height - 2.0 * marginY);
    }
    return out;
  }
}
