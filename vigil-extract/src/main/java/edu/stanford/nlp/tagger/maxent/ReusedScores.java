/* SPDX-License-Identifier: GPL-3.0-or-later */
package edu.stanford.nlp.tagger.maxent;

import edu.stanford.nlp.ling.HasWord;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.math.ArrayMath;
import edu.stanford.nlp.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * CoreNLP's part-of-speech tagging ({@link MaxentTagger#tagSentence(List, boolean)}, 4.5.10)
 * without computing the same scores twice. CoreNLP's exact Viterbi search asks the sentence for the
 * scores of every tag at a word once for each pair of tags the two words before it may have, and
 * every such call re-extracts the word's own features (its local scores are cached in a way that,
 * with exact scoring, never hits) and looks every feature up again. Here:
 *
 * <ul>
 *   <li>a word's local scores (features of the word alone) are computed once per word form and kept
 *       for later sentences, and its context scores (features of the words around it) once per
 *       position, as CoreNLP itself means to;
 *   <li>two histories whose tag-dependent features are the same get the same scores: the features
 *       of the tag before (and the word itself) and the conjunction of the two tags before; when
 *       two pairs of tags before have the same weights for that conjunction (mostly: none), the
 *       scores at the word are computed once for them.
 * </ul>
 *
 * Every score is computed by the same additions in the same order as CoreNLP's, so the scores, and
 * the tags chosen, are bit for bit CoreNLP's ({@code ReusedScoresTest} compares every call with
 * CoreNLP's own). A model whose tag-dependent features are of other kinds than these is tagged with
 * the reuse of word scores only. It lives in CoreNLP's package because what it reuses (the model's
 * features and weights, the search's callbacks) is package-private. Safe for concurrent use.
 */
public final class ReusedScores {
  /** Past this many word forms, the kept local scores are dropped and kept anew. */
  private static final int MAX_WORDS = 50_000;

  /** The weights of a feature value the model does not know. */
  private static final double[] NONE = new double[0];

  private final MaxentTagger tagger;
  private final double[] lambda;
  private final int common;
  private final boolean reuseHistories;

  /** Which of the model's tag-dependent extractors read the two tags before (else one). */
  private final boolean[] readsPair;

  /**
   * Weights of the pair extractors, by extractor and pair of tag indices; filled when first met.
   */
  private final List<AtomicReferenceArray<double[]>> pairWeights = new ArrayList<>();

  /**
   * The tag-dependent features' weights, one per tag, 0 where the feature has none: adding 0 to a
   * sum that starts at +0 (never -0) leaves it unchanged, so adding these is adding CoreNLP's
   * weights where it adds them, in a loop the compiler can vectorise.
   */
  private final Map<int[], double[]> dense = new IdentityHashMap<>();

  private final Map<String, double[]> wordScores = new ConcurrentHashMap<>();

  /** For tests: compare every score with CoreNLP's own computation. */
  private final boolean checked;

  private ReusedScores(MaxentTagger tagger, boolean checked) {
    if (tagger.hasApproximateScoring()) {
      throw new IllegalArgumentException("the tagger scores approximately; only exact is reused");
    }
    this.tagger = tagger;
    this.checked = checked;
    this.lambda = tagger.getLambdaSolve().lambda;
    this.common = tagger.extractors.size();
    List<Pair<Integer, Extractor>> dynamic = new ArrayList<>(tagger.extractors.dynamic);
    dynamic.addAll(tagger.extractorsRare.dynamic);
    this.readsPair = new boolean[dynamic.size()];
    boolean known = tagger.rightContext == 0 && tagger.leftContext == 2;
    int tags = tagger.tags.getSize() + 1; // and -1, the pads' "NA" before the first word
    for (int i = 0; i < dynamic.size(); i++) {
      Extractor e = dynamic.get(i).second();
      readsPair[i] = readsTwoTagsBefore(e);
      known &= readsPair[i] || readsTagBefore(e);
      pairWeights.add(readsPair[i] ? new AtomicReferenceArray<>(tags * tags) : null);
      int kf =
          i < tagger.extractors.dynamic.size()
              ? dynamic.get(i).first()
              : common + dynamic.get(i).first();
      for (int[] w : tagger.fAssociations.get(kf).values()) {
        double[] d = new double[tagger.ySize];
        for (int j = 0; j < d.length; j++) {
          d[j] = w[j] >= 0 ? lambda[w[j]] : 0.0;
        }
        dense.put(w, d);
      }
    }
    this.reuseHistories = known;
  }

  /** Tagging with {@code tagger}'s model, as CoreNLP's own. */
  public static ReusedScores of(MaxentTagger tagger) {
    return new ReusedScores(tagger, false);
  }

  /** Like {@link #of}, comparing every score with CoreNLP's and throwing when one differs. */
  static ReusedScores checking(MaxentTagger tagger) {
    return new ReusedScores(tagger, true);
  }

  /** Whether scores are shared between histories (the model's features are all known kinds). */
  boolean reusesHistories() {
    return reuseHistories;
  }

  /** The tags of {@code sentence}, as {@code tagger.tagSentence(sentence, false)} gives them. */
  public List<TaggedWord> tagSentence(List<? extends HasWord> sentence) {
    return new Scorer().tagSentence(sentence, false);
  }

  /** The conjunction of the tags at -2 and -1, and nothing else. */
  private static boolean readsTwoTagsBefore(Extractor e) {
    return e.getClass()
            .getName()
            .equals(ExtractorFrames.class.getName() + "$ExtractorContinuousTagConjunction")
        && e.leftContext() == 2
        && e.rightContext() == 0;
  }

  /** The tag at -1, perhaps with the word itself (whose position is fixed for a history). */
  private static boolean readsTagBefore(Extractor e) {
    return (e.getClass() == Extractor.class && e.isDynamic() && e.leftContext() == 1)
        || e.getClass() == ExtractorStartSentenceCap.class
        || e.getClass() == ExtractorMidSentenceCapC.class
        || e.getClass() == ExtractorMidSentenceCap.class;
  }

  private double[] exact(
      History h, List<Pair<Integer, Extractor>> extractors, List<Pair<Integer, Extractor>> rare) {
    double[] scores = new double[tagger.ySize];
    for (Pair<Integer, Extractor> e : extractors) {
      add(e.first(), e.second(), h, scores);
    }
    if (rare != null) {
      for (Pair<Integer, Extractor> e : rare) {
        add(common + e.first(), e.second(), h, scores);
      }
    }
    return scores;
  }

  private void add(int kf, Extractor e, History h, double[] scores) {
    add(tagger.fAssociations.get(kf).get(e.extract(h)), scores);
  }

  private void add(int[] weights, double[] scores) {
    if (weights == null) {
      return;
    }
    for (int j = 0; j < scores.length; j++) {
      int f = weights[j];
      if (f >= 0) {
        scores[j] += lambda[f];
      }
    }
  }

  private double[] wordScores(String word, boolean rare, History h) {
    double[] s = wordScores.get(word);
    if (s == null) {
      s = exact(h, tagger.extractors.local, rare ? tagger.extractorsRare.local : null);
      if (wordScores.size() >= MAX_WORDS) {
        wordScores.clear();
      }
      wordScores.put(word, s);
    }
    return s;
  }

  /** The history's key: the tag before, and the weights of each pair extractor. */
  private record Key(int before, double[][] weights) {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key k) || k.before != before || k.weights.length != weights.length) {
        return false;
      }
      for (int i = 0; i < weights.length; i++) {
        if (weights[i] != k.weights[i]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int hash = before;
      for (double[] w : weights) {
        hash = 31 * hash + System.identityHashCode(w);
      }
      return hash;
    }
  }

  /** One sentence's scoring: CoreNLP's, with its scores kept where they are the same. */
  private final class Scorer extends TestSentence {
    private History history;
    private double[][] contextScores;
    private List<Map<Key, double[]>> kept;
    private List<Map<Integer, double[][]>> singles;
    private Boolean[] rareWords;
    private int[][] possibleTags;

    /** While set, {@link #getHistories} is CoreNLP's own (for the check). */
    private boolean stock;

    Scorer() {
      super(tagger);
    }

    private void start() {
      if (contextScores == null || contextScores.length != size) {
        history = new History(pairs, tagger.extractors);
        contextScores = new double[size][];
        rareWords = new Boolean[size];
        int positions = size + leftWindow() + rightWindow();
        possibleTags = new int[positions][];
        kept = new ArrayList<>();
        singles = new ArrayList<>();
        for (int i = 0; i < positions; i++) {
          kept.add(new HashMap<>());
          singles.add(new HashMap<>());
        }
      }
    }

    @Override
    public double[] scoresOf(int[] tags, int pos) {
      double[] scores = reuseHistories ? kept(tags, pos) : super.scoresOf(tags, pos);
      if (checked) {
        stock = true;
        double[] own;
        try {
          own = super.scoresOf(tags, pos);
        } finally {
          stock = false;
        }
        if (!Arrays.equals(own, scores)) {
          throw new IllegalStateException(
              "scores at "
                  + pos
                  + " differ from CoreNLP's: "
                  + Arrays.toString(scores)
                  + " against "
                  + Arrays.toString(own));
        }
      }
      return scores;
    }

    /**
     * The scores of an earlier history with the same key, else computed as CoreNLP computes them
     * (the same weights added in the same order, then normalised by CoreNLP's code) and kept.
     */
    private double[] kept(int[] tags, int pos) {
      start();
      int current = pos - leftWindow();
      boolean rare = rareAt(current);
      List<Pair<Integer, Extractor>> dynamic = tagger.extractors.dynamic;
      List<Pair<Integer, Extractor>> rareDynamic = tagger.extractorsRare.dynamic;
      int all = dynamic.size() + (rare ? rareDynamic.size() : 0);
      int before = tags[pos - 1];
      int slot = (tags[pos - 2] + 1) * (tagger.tags.getSize() + 1) + before + 1;
      boolean set = false;
      double[][] weights = new double[all][];
      for (int i = 0; i < all; i++) {
        if (!readsPair[i]) {
          continue;
        }
        AtomicReferenceArray<double[]> table = pairWeights.get(i);
        double[] w = table.get(slot);
        if (w == null) {
          if (!set) {
            set(tags, pos);
            set = true;
          }
          w = weights(i, dynamic, rareDynamic);
          table.set(slot, w);
        }
        weights[i] = w;
      }
      Key key = new Key(before, weights);
      Map<Key, double[]> atPos = kept.get(pos);
      double[] scores = atPos.get(key);
      if (scores != null) {
        return scores;
      }
      if (!set) {
        set(tags, pos);
      }
      // The weights of the extractors that read the tag before (and the word), once per tag.
      double[][] single = singles.get(pos).computeIfAbsent(before, b -> new double[all][]);
      for (int i = 0; i < all; i++) {
        if (!readsPair[i]) {
          if (single[i] == null) {
            single[i] = weights(i, dynamic, rareDynamic);
          }
          weights[i] = single[i];
        }
      }
      double[] total = new double[tagger.ySize];
      for (double[] w : weights) {
        if (w != NONE) {
          for (int j = 0; j < total.length; j++) {
            total[j] += w[j];
          }
        }
      }
      ArrayMath.pairwiseAddInPlace(total, context(history, rare));
      ArrayMath.logNormalize(total);
      int[] possible = possibleAt(pos);
      scores = new double[possible.length];
      for (int j = 0; j < possible.length; j++) {
        scores[j] = total[possible[j]];
      }
      atPos.put(key, scores);
      return scores;
    }

    /** The history as CoreNLP's scoresOf sets it (one sentence: it starts at 0). */
    private void set(int[] tags, int pos) {
      int left = leftWindow();
      history.init(0, size - 1, pos - left);
      int from = Math.max(pos - left, left);
      int to = Math.min(pos + rightWindow(), size + left - 1);
      for (int j = from; j <= to; j++) {
        history.setTag(j - left, tagger.tags.getTag(tags[j]));
      }
    }

    /** The weights of the i-th tag-dependent extractor in the history set; NONE for none. */
    private double[] weights(
        int i, List<Pair<Integer, Extractor>> dynamic, List<Pair<Integer, Extractor>> rareDynamic) {
      boolean isCommon = i < dynamic.size();
      Pair<Integer, Extractor> e = isCommon ? dynamic.get(i) : rareDynamic.get(i - dynamic.size());
      int kf = isCommon ? e.first() : common + e.first();
      int[] w = tagger.fAssociations.get(kf).get(e.second().extract(history));
      return w == null ? NONE : dense.get(w);
    }

    private boolean rareAt(int current) {
      Boolean rare = rareWords[current];
      if (rare == null) {
        rare = tagger.isRare(pairs.getWord(current));
        rareWords[current] = rare;
      }
      return rare;
    }

    private int[] possibleAt(int pos) {
      int[] possible = possibleTags[pos];
      if (possible == null) {
        possible = getPossibleValues(pos);
        possibleTags[pos] = possible;
      }
      return possible;
    }

    /** The word's and its context's scores at the history's word, once per position. */
    private double[] context(History h, boolean rare) {
      double[] context = contextScores[h.current];
      if (context == null) {
        double[] word = wordScores(pairs.getWord(h.current), rare, h);
        context =
            exact(
                h,
                tagger.extractors.localContext,
                rare ? tagger.extractorsRare.localContext : null);
        ArrayMath.pairwiseAddInPlace(context, word);
        contextScores[h.current] = context;
      }
      return context;
    }

    /**
     * CoreNLP's word, context and tag-dependent scores, by CoreNLP's additions in CoreNLP's order:
     * the word's local scores once per word form, its context's once per position.
     */
    @Override
    protected double[] getHistories(String[] tags, History h) {
      if (stock) {
        return super.getHistories(tags, h);
      }
      boolean rare = tagger.isRare(ExtractorFrames.cWord.extract(h));
      start();
      double[] context = context(h, rare);
      double[] total =
          exact(h, tagger.extractors.dynamic, rare ? tagger.extractorsRare.dynamic : null);
      ArrayMath.pairwiseAddInPlace(total, context);
      return total;
    }
  }
}
