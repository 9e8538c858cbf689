/* SPDX-License-Identifier: GPL-3.0-or-later */
package edu.stanford.nlp.parser.nndep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reordered classifier scores bit for bit as CoreNLP's own, on a small classifier of random
 * weights: features with precomputed activations, features computed on the fly, with and without
 * CoreNLP's cache of computed slices, and a hidden layer whose size is not a multiple of the four
 * units the output layer takes at a time.
 */
class ColumnwiseClassifierTest {
  private static final int WORDS = 300;
  private static final int HIDDEN = 37;
  private static final int EMBEDDING = 7;
  private static final int TRANSITIONS = 23;

  private static Classifier randomClassifier(SplittableRandom random, int numCached) {
    Config config = new Config(new Properties());
    config.hiddenSize = HIDDEN;
    config.embeddingSize = EMBEDDING;
    config.numCached = numCached;
    float[][] e = matrix(random, WORDS, EMBEDDING);
    float[][] w1 = matrix(random, HIDDEN, EMBEDDING * Config.numTokens);
    float[] b1 = matrix(random, 1, HIDDEN)[0];
    float[][] w2 = matrix(random, TRANSITIONS, HIDDEN);
    List<Integer> preComputed = new ArrayList<>();
    for (int word = 0; word < WORDS / 3; word++) {
      for (int position = 0; position < Config.numTokens; position += 2) {
        preComputed.add(word * Config.numTokens + position);
      }
    }
    Classifier classifier = new Classifier(config, e, w1, b1, w2, preComputed);
    classifier.preCompute();
    return classifier;
  }

  private static float[][] matrix(SplittableRandom random, int rows, int columns) {
    float[][] m = new float[rows][columns];
    for (float[] row : m) {
      for (int i = 0; i < columns; i++) {
        row[i] = (float) (random.nextDouble() * 2 - 1);
      }
    }
    return m;
  }

  private static void assertSameScores(int numCached) {
    SplittableRandom random = new SplittableRandom(12);
    Classifier original = randomClassifier(random, numCached);
    ColumnwiseClassifier reordered = ColumnwiseClassifier.wrapping(original);
    for (int n = 0; n < 500; n++) {
      int[] feature = new int[Config.numTokens];
      for (int j = 0; j < feature.length; j++) {
        feature[j] = random.nextInt(WORDS);
      }
      assertThat(reordered.computeScores(feature)).containsExactly(original.computeScores(feature));
    }
  }

  @Test
  void scoresAreCoreNlpsBitForBitWithCachedSlices() {
    assertSameScores(1000);
  }

  @Test
  void scoresAreCoreNlpsBitForBitWithoutCachedSlices() {
    assertSameScores(0);
  }
}
