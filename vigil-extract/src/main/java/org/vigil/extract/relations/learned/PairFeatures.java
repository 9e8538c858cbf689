/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.Mention;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.ParsedSentence;
import org.vigil.extract.syntax.Token;

/**
 * The features of a candidate pair, as strings: the dependency path between the two head words (its
 * arcs, and its arcs with the lemmas on the way), the words between the two mentions, the word
 * before the first and after the second, the two types in order, the distance, and the lemmas of
 * the verbs and nouns on the path (the trigger words), the word at the top of the path, the arcs
 * leaving each end, the words inside each mention and pairs of words between. Each feature is
 * present or absent.
 *
 * <p>{@link #VERSION} names this set: a model trained on other features cannot read these, and
 * {@link RelationModel#read} refuses it.
 */
public final class PairFeatures {
  /** The version of the feature set; raise it whenever a feature changes. */
  public static final int VERSION = 2;

  /** Paths longer than this are named only by their length: they rarely carry a relation. */
  static final int LONGEST_PATH = 6;

  /** Up to this many words between the two mentions are also kept as one phrase. */
  static final int SHORT_GAP = 5;

  private PairFeatures() {}

  /** The features of {@code candidate} in {@code sentence}, each once, in a stable order. */
  public static List<String> of(MentionedSentence sentence, Candidate candidate) {
    ParsedSentence parse = sentence.parse();
    Set<String> out = new LinkedHashSet<>();
    Mention head = candidate.head();
    Mention tail = candidate.tail();
    boolean headFirst = head.start() < tail.start();
    String types = head.type() + ">" + tail.type();
    // liblinear's bias is a feature like the others, present in every example.
    out.add("bias");
    out.add("types=" + types);
    out.add("order=" + (headFirst ? "head-first" : "tail-first"));
    out.add("types+order=" + types + (headFirst ? "" : "<"));
    out.add("head-word=" + lemma(parse, candidate.headWord()));
    out.add("tail-word=" + lemma(parse, candidate.tailWord()));
    // The words inside a name ("University", "Party", "Airlines") say what kind of body it is.
    for (Token t : parse.tokens()) {
      if (t.start() >= head.start() && t.end() <= head.end()) {
        out.add("head-in=" + head.type() + "|" + lemma(parse, t.index()));
      } else if (t.start() >= tail.start() && t.end() <= tail.end()) {
        out.add("tail-in=" + tail.type() + "|" + lemma(parse, t.index()));
      }
    }

    Mention first = headFirst ? head : tail;
    Mention second = headFirst ? tail : head;
    List<Integer> between = new ArrayList<>();
    int before = -1;
    int after = -1;
    for (Token t : parse.tokens()) {
      if (t.end() <= first.start()) {
        before = t.index();
      } else if (t.start() >= first.end() && t.end() <= second.start()) {
        between.add(t.index());
      } else if (t.start() >= second.end() && after < 0) {
        after = t.index();
      }
    }
    out.add("gap=" + bucket(between.size()));
    out.add("types+gap=" + types + "|" + bucket(between.size()));
    out.add("before=" + (before < 0 ? "<s>" : lemma(parse, before)));
    out.add("after=" + (after < 0 ? "</s>" : lemma(parse, after)));
    StringBuilder phrase = new StringBuilder();
    String previous = "";
    for (int i : between) {
      String lemma = lemma(parse, i);
      out.add("between=" + lemma);
      if (!previous.isEmpty()) {
        out.add("between-pair=" + previous + " " + lemma);
      }
      previous = lemma;
      phrase.append(phrase.length() == 0 ? "" : " ").append(lemma);
    }
    if (between.size() <= SHORT_GAP) {
      out.add("between-all=" + phrase + (headFirst ? "" : " <"));
    }
    if (!between.isEmpty()) {
      out.add("between-first=" + lemma(parse, between.get(0)));
      out.add("between-last=" + lemma(parse, between.get(between.size() - 1)));
    }
    long mentionsBetween =
        sentence.mentions().stream()
            .filter(m -> m.start() >= first.end() && m.end() <= second.start())
            .count();
    out.add("mentions-between=" + Math.min(mentionsBetween, 3));

    Optional<List<DependencyPath.Step>> path =
        DependencyPath.between(parse, candidate.headWord(), candidate.tailWord());
    if (path.isEmpty()) {
      out.add("path=none");
    } else if (path.get().size() > LONGEST_PATH) {
      out.add("path=long");
    } else {
      List<DependencyPath.Step> steps = path.get();
      StringBuilder arcs = new StringBuilder();
      StringBuilder words = new StringBuilder();
      for (int i = 0; i < steps.size(); i++) {
        DependencyPath.Step s = steps.get(i);
        arcs.append(s.arrow());
        words.append(s.arrow());
        out.add("path-arc=" + s.arrow());
        if (i < steps.size() - 1) {
          String lemma = lemma(parse, s.to());
          words.append(' ').append(lemma).append(' ');
          out.add("path-word=" + lemma);
          Token t = parse.token(s.to());
          if (t.isVerb() || t.isNoun()) {
            out.add("trigger=" + lemma);
            out.add("types+trigger=" + types + "|" + lemma);
          }
        }
      }
      out.add("path-first=" + steps.get(0).arrow());
      out.add("path-last=" + steps.get(steps.size() - 1).arrow());
      top(parse, candidate.headWord(), steps)
          .ifPresent(
              t -> {
                out.add("path-top=" + t);
                out.add("types+path-top=" + types + "|" + t);
              });
      out.add("path=" + arcs);
      out.add("path-words=" + words);
      out.add("types+path=" + types + "|" + arcs);
      out.add("path-length=" + steps.size());
    }
    return List.copyOf(out);
  }

  /**
   * The lemma of the word where the path stops going up (the two ends' lowest common governor),
   * when that is neither end: the verb or noun that joins them.
   */
  private static Optional<String> top(
      ParsedSentence parse, int from, List<DependencyPath.Step> steps) {
    int at = from;
    for (DependencyPath.Step s : steps) {
      if (!s.up()) {
        break;
      }
      at = s.to();
    }
    DependencyPath.Step last = steps.get(steps.size() - 1);
    return at == from || at == last.to() ? Optional.empty() : Optional.of(lemma(parse, at));
  }

  private static String lemma(ParsedSentence parse, int index) {
    return parse.token(index).lemma().toLowerCase(Locale.ROOT);
  }

  private static String bucket(int n) {
    if (n <= 3) {
      return Integer.toString(n);
    }
    return n <= 6 ? "4-6" : n <= 10 ? "7-10" : "11+";
  }
}
