/* SPDX-License-Identifier: GPL-3.0-or-later */
package edu.stanford.nlp.parser.nndep;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.trees.GrammaticalRelation;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.trees.TreeGraphNode;
import edu.stanford.nlp.trees.TypedDependency;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.RuntimeInterruptedException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * CoreNLP's {@link DependencyParser#predict(CoreMap)} (4.5.10) without scoring a move that is the
 * only one allowed. CoreNLP scores all transitions at every step and takes the best one the parsing
 * system allows; when the system allows one move only (a shift while the stack holds one word or
 * none, the last arc to the root), the scores cannot change what is chosen, so this parser applies
 * that move without computing the features, the hidden layer and the output layer. Every other step
 * is CoreNLP's: the same features, the same classifier, the same choice (the first allowed
 * transition of the highest score), so the parse is CoreNLP's own.
 *
 * <p>It lives in CoreNLP's package because what it reuses (the configuration, the parsing system's
 * transitions, the parser's feature and graph builders) is package-private or private; the private
 * methods are called through a private lookup. {@code ForcedMovesTest} holds its parses to
 * CoreNLP's own. Safe for concurrent use.
 */
public final class ForcedMoves {
  private final ParsingSystem system;
  private final Classifier classifier;
  private final DependencyParser parser;
  private final MethodHandle features;
  private final MethodHandle relation;
  private final MethodHandle structure;

  /**
   * Which moves {@link ArcStandard} allows depends only on {@link #situation}: up to 72 of them.
   */
  private static final int SITUATIONS = 4 * 2 * 3 * 3;

  private final boolean arcStandard;

  private ForcedMoves(DependencyParser parser) throws ReflectiveOperationException {
    MethodHandles.Lookup lookup =
        MethodHandles.privateLookupIn(DependencyParser.class, MethodHandles.lookup());
    this.parser = parser;
    this.system =
        (ParsingSystem)
            lookup.findVarHandle(DependencyParser.class, "system", ParsingSystem.class).get(parser);
    this.classifier =
        (Classifier)
            lookup
                .findVarHandle(DependencyParser.class, "classifier", Classifier.class)
                .get(parser);
    this.features =
        lookup.findVirtual(
            DependencyParser.class,
            "getFeatureArray",
            MethodType.methodType(int[].class, Configuration.class));
    this.relation =
        lookup.findVirtual(
            DependencyParser.class,
            "makeGrammaticalRelation",
            MethodType.methodType(GrammaticalRelation.class, String.class));
    this.structure =
        lookup.findVirtual(
            DependencyParser.class,
            "makeGrammaticalStructure",
            MethodType.methodType(GrammaticalStructure.class, List.class, TreeGraphNode.class));
    this.arcStandard = system != null && system.getClass() == ArcStandard.class;
  }

  /**
   * A parser that parses as {@code parser} does, with {@code parser}'s classifier as it is now
   * (install {@link ColumnwiseClassifier} first to use it).
   *
   * @throws IllegalStateException when {@code parser} is not loaded, or this CoreNLP's classes are
   *     not the ones this was written for
   */
  public static ForcedMoves of(DependencyParser parser) {
    ForcedMoves moves;
    try {
      moves = new ForcedMoves(parser);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          "CoreNLP's dependency parser is not the one of CoreNLP 4.5.10: " + e, e);
    }
    if (moves.system == null || moves.classifier == null) {
      throw new IllegalStateException("the dependency parser has no model loaded");
    }
    return moves;
  }

  /** The sentence's dependencies, as {@link DependencyParser#predict(CoreMap)} gives them. */
  public GrammaticalStructure predict(CoreMap sentence) {
    DependencyTree tree = parse(sentence);
    List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
    List<TypedDependency> dependencies = new ArrayList<>();
    IndexedWord root = new IndexedWord(new Word("ROOT"));
    root.set(CoreAnnotations.IndexAnnotation.class, 0);
    for (int i = 1; i <= tree.n; i++) {
      int head = tree.getHead(i);
      IndexedWord dependent = new IndexedWord(tokens.get(i - 1));
      IndexedWord governor = head == 0 ? root : new IndexedWord(tokens.get(head - 1));
      GrammaticalRelation label = head == 0 ? GrammaticalRelation.ROOT : relation(tree.getLabel(i));
      dependencies.add(new TypedDependency(label, governor, dependent));
    }
    try {
      return (GrammaticalStructure) structure.invoke(parser, dependencies, new TreeGraphNode(root));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private GrammaticalRelation relation(String label) {
    try {
      return (GrammaticalRelation) relation.invoke(parser, label);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** CoreNLP's {@code predictInner}, a forced move applied without scores. */
  private DependencyTree parse(CoreMap sentence) {
    List<String> transitions = system.transitions;
    int n = transitions.size();
    boolean[][] allowedIn = new boolean[SITUATIONS][];
    Configuration c = system.initialConfiguration(sentence);
    while (!system.isTerminal(c)) {
      if (Thread.interrupted()) {
        throw new RuntimeInterruptedException();
      }
      boolean[] allowed;
      if (arcStandard) {
        int situation = situation(c);
        allowed = allowedIn[situation];
        if (allowed == null) {
          allowed = allowed(c, transitions);
          allowedIn[situation] = allowed;
        }
      } else {
        allowed = allowed(c, transitions);
      }
      int only = onlyAllowed(allowed);
      String move;
      if (only >= 0) {
        move = transitions.get(only);
      } else {
        double[] scores = classifier.computeScores(features(c));
        double best = Double.NEGATIVE_INFINITY;
        move = null;
        for (int j = 0; j < n; ++j) {
          if (scores[j] > best && allowed[j]) {
            best = scores[j];
            move = transitions.get(j);
          }
        }
      }
      system.apply(c, move);
    }
    return c.tree;
  }

  private boolean[] allowed(Configuration c, List<String> transitions) {
    boolean[] allowed = new boolean[transitions.size()];
    for (int j = 0; j < allowed.length; j++) {
      allowed[j] = system.canApply(c, transitions.get(j));
    }
    return allowed;
  }

  /** The one allowed move's index; -1 when none or several are allowed. */
  private static int onlyAllowed(boolean[] allowed) {
    int only = -1;
    for (int j = 0; j < allowed.length; j++) {
      if (allowed[j]) {
        if (only >= 0) {
          return -1;
        }
        only = j;
      }
    }
    return only;
  }

  /**
   * What {@link ArcStandard#canApply} (4.5.10) reads of a configuration: the stack's size (up to
   * 3), whether the buffer is empty, and whether each of the stack's top two is missing, the root
   * or a word.
   */
  private static int situation(Configuration c) {
    int stack = Math.min(c.getStackSize(), 3);
    int buffer = c.getBufferSize() > 0 ? 1 : 0;
    return ((stack * 2 + buffer) * 3 + kind(c.getStack(0))) * 3 + kind(c.getStack(1));
  }

  private static int kind(int word) {
    return word < 0 ? 0 : word == 0 ? 1 : 2;
  }

  private int[] features(Configuration c) {
    try {
      return (int[]) features.invoke(parser, c);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
