/* SPDX-License-Identifier: GPL-3.0-or-later */
package edu.stanford.nlp.parser.nndep;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CoreNLP's neural dependency classifier (4.5.10) with the same arithmetic in a faster order: the
 * output layer is computed a hidden unit at a time over all transitions, so the JIT can use vector
 * instructions, where CoreNLP computes one transition's dot product at a time (a chain of dependent
 * additions). Each score adds the same products in the same order as CoreNLP's, so the scores, and
 * therefore the parses, are bit for bit CoreNLP's own. The hidden layer is CoreNLP's: its
 * precomputed activations, and the slices of rarer features (cached without a lock, as a slice
 * depends only on its feature).
 *
 * <p>This class lives in CoreNLP's package because the method it replaces is package-private;
 * {@link #install} swaps it into a loaded parser, reading the parser's and the classifier's private
 * fields through a private lookup (CoreNLP offers no setter). It is written against CoreNLP 4.5.10,
 * the version the build pins; {@code ColumnwiseClassifierTest} holds its parses to CoreNLP's own.
 * Safe for concurrent use.
 */
public final class ColumnwiseClassifier extends Classifier {
  private final int hiddenSize;
  private final int embeddingSize;
  private final int numCached;
  private final float[][] w1;
  private final float[][] e;
  private final float[] b1;
  private final int labels;

  /** The output layer's weights, transposed: [hidden unit][transition], widened to double. */
  private final double[][] w2ByUnit;

  private final double[][] saved;
  private final Map<Integer, Integer> preMap;
  private final Map<Integer, float[]> cache = new ConcurrentHashMap<>();

  private ColumnwiseClassifier(
      Config config, Classifier original, double[][] saved, Map<Integer, Integer> preMap) {
    super(config, original.getE(), original.getW1(), original.getb1(), original.getW2(), List.of());
    this.hiddenSize = config.hiddenSize;
    this.embeddingSize = config.embeddingSize;
    this.numCached = config.numCached;
    this.w1 = original.getW1();
    this.e = original.getE();
    this.b1 = original.getb1();
    float[][] w2 = original.getW2();
    this.labels = w2.length;
    this.w2ByUnit = new double[hiddenSize][labels];
    for (int label = 0; label < labels; label++) {
      for (int unit = 0; unit < hiddenSize; unit++) {
        w2ByUnit[unit][label] = w2[label][unit];
      }
    }
    this.saved = saved;
    this.preMap = Map.copyOf(preMap);
  }

  /**
   * Replaces {@code parser}'s classifier (loaded from its model file, with its activations
   * precomputed) by one that scores the same, faster.
   *
   * @throws IllegalStateException when this CoreNLP's classes are not the ones this was written for
   */
  public static void install(DependencyParser parser) {
    try {
      VarHandle classifierField = field(DependencyParser.class, "classifier", Classifier.class);
      Classifier original = (Classifier) classifierField.get(parser);
      if (!(original instanceof ColumnwiseClassifier)) {
        classifierField.set(parser, wrapping(original));
      }
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          "CoreNLP's dependency parser is not the one of CoreNLP 4.5.10: " + e, e);
    }
  }

  /**
   * A classifier that scores as {@code original} does, from its weights and its precomputed
   * activations ({@link Classifier#preCompute()} must have run, as it has in a loaded parser).
   *
   * @throws IllegalStateException when {@code original} is not CoreNLP 4.5.10's classifier
   */
  static ColumnwiseClassifier wrapping(Classifier original) {
    try {
      Config config = (Config) field(Classifier.class, "config", Config.class).get(original);
      double[][] saved =
          (double[][]) field(Classifier.class, "saved", double[][].class).get(original);
      @SuppressWarnings("unchecked")
      Map<Integer, Integer> preMap =
          (Map<Integer, Integer>) field(Classifier.class, "preMap", Map.class).get(original);
      if (saved == null || saved.length != preMap.size()) {
        throw new IllegalStateException("the classifier's activations are not precomputed");
      }
      return new ColumnwiseClassifier(config, original, saved, preMap);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          "CoreNLP's dependency classifier is not the one of CoreNLP 4.5.10: " + e, e);
    }
  }

  /** A private field of CoreNLP's, read through a lookup with CoreNLP's own access. */
  private static VarHandle field(Class<?> owner, String name, Class<?> type)
      throws ReflectiveOperationException {
    return MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
        .findVarHandle(owner, name, type);
  }

  @Override
  double[] computeScores(int[] feature) {
    double[] hidden = new double[hiddenSize];
    int offset = 0;
    for (int j = 0; j < feature.length; ++j) {
      int tok = feature[j];
      int index = tok * Config.numTokens + j;
      Integer id = preMap.get(index);
      if (id != null) {
        double[] activations = saved[id];
        for (int i = 0; i < hiddenSize; i++) {
          hidden[i] += activations[i];
        }
      } else if (numCached == 0) {
        addSlice(hidden, e[tok], offset);
      } else {
        float[] slice = cache.get(index);
        if (slice == null) {
          slice = slice(e[tok], offset);
          if (cache.size() < numCached) {
            cache.put(index, slice);
          }
        }
        for (int i = 0; i < hiddenSize; i++) {
          hidden[i] += slice[i];
        }
      }
      offset += embeddingSize;
    }
    for (int i = 0; i < hiddenSize; i++) {
      hidden[i] += b1[i];
      hidden[i] = hidden[i] * hidden[i] * hidden[i];
    }
    return outputLayer(hidden);
  }

  /**
   * The transitions' scores: each adds its products hidden unit by hidden unit from 0.0, as
   * CoreNLP's dot product does; four units at a time keep each score in a register between them.
   */
  private double[] outputLayer(double[] hidden) {
    double[] scores = new double[labels];
    int unit = 0;
    for (; unit + 3 < hiddenSize; unit += 4) {
      double h0 = hidden[unit];
      double h1 = hidden[unit + 1];
      double h2 = hidden[unit + 2];
      double h3 = hidden[unit + 3];
      double[] w0 = w2ByUnit[unit];
      double[] w1 = w2ByUnit[unit + 1];
      double[] w2 = w2ByUnit[unit + 2];
      double[] w3 = w2ByUnit[unit + 3];
      for (int label = 0; label < labels; label++) {
        double score = scores[label];
        score += h0 * w0[label];
        score += h1 * w1[label];
        score += h2 * w2[label];
        score += h3 * w3[label];
        scores[label] = score;
      }
    }
    for (; unit < hiddenSize; unit++) {
      double h = hidden[unit];
      double[] weights = w2ByUnit[unit];
      for (int label = 0; label < labels; label++) {
        scores[label] += h * weights[label];
      }
    }
    return scores;
  }

  /** CoreNLP's {@code matrixMultiplySliceSum}: the feature's products added onto the layer. */
  private void addSlice(double[] hidden, float[] embedding, int offset) {
    for (int i = 0; i < hiddenSize; i++) {
      double sum = hidden[i];
      float[] row = w1[i];
      for (int k = 0; k < embedding.length; k++) {
        sum += row[offset + k] * embedding[k];
      }
      hidden[i] = sum;
    }
  }

  /** CoreNLP's {@code matrixMultiplySlice}: the feature's products, rounded to float. */
  private float[] slice(float[] embedding, int offset) {
    float[] out = new float[hiddenSize];
    for (int i = 0; i < hiddenSize; i++) {
      double sum = 0.0;
      float[] row = w1[i];
      for (int k = 0; k < embedding.length; k++) {
        sum += row[offset + k] * embedding[k];
      }
      out[i] = (float) sum;
    }
    return out;
  }
}
