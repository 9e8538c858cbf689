/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains a {@link RelationModel}: L2-regularised logistic regression (liblinear's primal solver),
 * one weight vector per label, over the features seen at least {@link #MIN_COUNT} times. The same
 * examples in the same order, C and seed give the same model, bit for bit. Safe for concurrent use.
 */
public final class RelationTrainer {
  /** Features seen fewer times than this in training are dropped: they only add noise and size. */
  public static final int MIN_COUNT = 2;

  private static final double TOLERANCE = 0.01;

  static {
    // liblinear's debug output switch is global; training here prints nothing.
    Linear.disableDebugOutput();
  }

  private RelationTrainer() {}

  /** A model trained on {@code examples}; {@code provenance} says what it was made from. */
  public static RelationModel train(List<TrainingExample> examples, ModelProvenance provenance) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (TrainingExample e : examples) {
      for (String f : e.features()) {
        counts.merge(f, 1, Integer::sum);
      }
    }
    List<String> names = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() >= MIN_COUNT) {
        names.add(e.getKey());
        index.put(e.getKey(), names.size());
      }
    }
    Problem problem = new Problem();
    problem.l = examples.size();
    problem.n = names.size();
    problem.bias = -1;
    problem.x = new Feature[examples.size()][];
    problem.y = new double[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      problem.x[i] = RelationModel.vector(examples.get(i).features(), index);
      problem.y[i] = examples.get(i).label().ordinal();
    }
    Parameter parameter = new Parameter(SolverType.L2R_LR, provenance.c(), TOLERANCE);
    parameter.setRandom(new Random(provenance.seed()));
    // liblinear keeps no state between trainings (its random source is the parameter's): models
    // may be trained at the same time on several threads.
    Model model = Linear.train(problem, parameter);
    return new RelationModel(names, model, provenance);
  }
}
