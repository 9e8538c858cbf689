/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.vigil.model.Schema;

/**
 * Compares two names part by part. Parts are aligned one to one, best pairs first and regardless of
 * order (a part may also align with two joined parts of the other name); each pair scores by how it
 * matched (exact, variant, phonetic, fuzzy, initial). The score is the weighted share of aligned
 * agreement: parts present on both sides that disagree weigh fully against it, parts only one side
 * has (a missing middle name, a qualifier) weigh less, and common parts count for little.
 *
 * <p>Thread-safe; reuse one instance.
 */
public final class NameMatcher {

  private static final double VARIANT = 0.95;
  private static final double JOINED = 0.93;
  private static final double INITIAL = 0.75;
  private static final double PHONETIC = 0.8;
  private static final double PHONETIC_ACROSS_SCRIPTS = 0.85;
  private static final double SHORT_PHONETIC_ACROSS_SCRIPTS = 0.75;
  private static final double JOINED_ACROSS_SCRIPTS = 0.8;
  private static final double ONE_CONSONANT_ACROSS_SCRIPTS = 0.7;
  private static final double FUZZY_FLOOR = 0.6;
  private static final double DOUBLED_LETTER = 0.9;
  private static final double PERSON_EXTRA = 0.5;
  // An organisation's word only one side has usually names another business ("Deutsche Bank
  // Trust Company", "CRYSTALORD SYSTEMS"); a country or continent names a branch of the same one.
  private static final double OTHER_EXTRA = 1.6;
  private static final double PLACE_EXTRA = 0.25;
  private static final double SINGLE_PART_CAP = 0.6;
  private static final double CONFLICT = 2.0;
  private static final double CONFLICT_FLOOR = 0.6;
  private static final double SHUFFLED = 0.85;
  private static final double CONFLICT_DECAY = 0.8;
  private static final double ACRONYM = 0.85;
  private static final double TRANSLATION = 0.9;
  private static final double NICKNAME = 0.85;
  private static final double CONNECTED_SHUFFLED = 0.65;
  private static final double FAMILY_MISSING = 0.75;
  private static final double FAMILY_WEAK = 0.85;
  private static final double GENERIC = 0.55;
  private static final double LEGAL_FORM_CONFLICT = 0.65;
  private static final java.util.Set<String> HONORIFICS =
      java.util.Set.of(
          "haji",
          "hajji",
          "mullah",
          "mawlawi",
          "maulavi",
          "sheikh",
          "shaykh",
          "sayyid",
          "qari",
          "mr",
          "mrs",
          "ms",
          "dr",
          "general",
          "colonel",
          "president");
  private static final java.util.Set<String> CONNECTORS =
      java.util.Set.of("bin", "ibn", "ben", "bint", "binti", "ould", "walad");

  private final NameNormaliser normaliser = new NameNormaliser();
  private final TokenWeights weights;

  /**
   * One thread's arrays for the pairs of parts of one comparison, grown as names need and reused: a
   * screener compares a query with two dozen candidates, and fresh arrays for each comparison were
   * a tenth of its time. Only {@link #align} uses them, and it finishes with them before it
   * returns.
   */
  private static final class Scratch {
    long[] pairs = new long[0];
    double[] sims = new double[0];
    AlignmentKind[] kinds = new AlignmentKind[0];
    int[] distances = new int[0];
    final Alignment alignment = new Alignment();

    Scratch ready(int cells) {
      if (pairs.length < cells) {
        int size = Math.max(cells, 2 * pairs.length);
        pairs = new long[size];
        sims = new double[size];
        kinds = new AlignmentKind[size];
        distances = new int[size];
      }
      return this;
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  public NameMatcher() {
    this(TokenWeights.defaults());
  }

  public NameMatcher(TokenWeights weights) {
    this.weights = requireNonNull(weights, "weights");
  }

  public NameNormaliser normaliser() {
    return normaliser;
  }

  /** Compares query name {@code a} with candidate name {@code b}, both of {@code schema}. */
  public NameComparison compare(String a, String b, Schema schema) {
    return compare(normaliser.normalise(a, schema), normaliser.normalise(b, schema), schema);
  }

  public NameComparison compare(NormalisedName query, NormalisedName candidate, Schema schema) {
    return compare(weigh(query), weigh(candidate), schema);
  }

  /** The score {@link #compare} would give, without building the explanation. */
  public double score(NormalisedName query, NormalisedName candidate, Schema schema) {
    return score(weigh(query), weigh(candidate), schema);
  }

  /** {@code name} with the weights of its parts as this matcher counts them. */
  public WeighedName weigh(NormalisedName name) {
    return new WeighedName(name, weights);
  }

  /**
   * As {@link #compare(NormalisedName, NormalisedName, Schema)}, for names this matcher weighed.
   *
   * @throws IllegalArgumentException if another matcher weighed either name
   */
  public NameComparison compare(WeighedName query, WeighedName candidate, Schema schema) {
    Alignment alignment = align(query, candidate, schema, new Alignment());
    return new NameComparison(alignment.score, alignment.explain());
  }

  /**
   * The score {@link #compare(WeighedName, WeighedName, Schema)} would give, without building the
   * explanation.
   *
   * @throws IllegalArgumentException if another matcher weighed either name
   */
  public double score(WeighedName query, WeighedName candidate, Schema schema) {
    // the scratch's alignment: only the score leaves this thread's use of it
    return align(query, candidate, schema, SCRATCH.get().alignment).score;
  }

  // Aligns into result, which it resets first.
  private Alignment align(
      WeighedName weighedQuery, WeighedName weighedCandidate, Schema schema, Alignment result) {
    if (weighedQuery.weights() != weights || weighedCandidate.weights() != weights) {
      throw new IllegalArgumentException(
          "names weighed by another matcher: "
              + weighedQuery.name().original()
              + " / "
              + weighedCandidate.name().original());
    }
    NormalisedName query = weighedQuery.name();
    NormalisedName candidate = weighedCandidate.name();
    boolean sameScript =
        query.script() == candidate.script()
            && !query.nativeParts().isEmpty()
            && !candidate.nativeParts().isEmpty();
    List<NamePart> q = sameScript ? query.nativeParts() : query.parts();
    List<NamePart> c = sameScript ? candidate.nativeParts() : candidate.parts();
    int n = q.size();
    int m = c.size();
    result.reset(q, c, query, candidate);
    if (n == 0 || m == 0) {
      return result;
    }
    // what each part needs for every pair, worked out once per name (WeighedName)
    WeighedName.PartFacts queryFacts = weighedQuery.facts(sameScript);
    WeighedName.PartFacts candidateFacts = weighedCandidate.facts(sameScript);
    double[] queryWeights = result.queryWeights;
    double[] candidateWeights = result.candidateWeights;
    for (int i = 0; i < n; i++) {
      queryWeights[i] = queryFacts.weight(i);
    }
    for (int j = 0; j < m; j++) {
      candidateWeights[j] = candidateFacts.weight(j);
    }
    boolean person = schema == Schema.PERSON;
    boolean acrossScripts =
        query.script() != candidate.script()
            && (query.script().isAbjad() || candidate.script().isAbjad());
    boolean queryAbjad = query.script().isAbjad();
    // Romanised Chinese, Japanese and Korean syllables are too short and too many alike for
    // sound-alike matching to mean anything.
    boolean syllabic = isSyllabic(query.script()) || isSyllabic(candidate.script());
    Scratch scratch = SCRATCH.get().ready(n * m);
    long[] pairs = scratch.pairs;
    int count = 0;
    double[] sims = scratch.sims;
    AlignmentKind[] kinds = scratch.kinds;
    int[] distances = scratch.distances;
    result.queryFacts = queryFacts;
    result.candidateFacts = candidateFacts;
    for (int i = 0; i < n; i++) {
      boolean queryNickname = person && queryFacts.nickname(i);
      for (int j = 0; j < m; j++) {
        int cell = i * m + j;
        sims[cell] = 0;
        distances[cell] = 0;
        kinds[cell] = null;
        boolean eitherNickname = queryNickname || (person && candidateFacts.nickname(j));
        boolean partsAcrossScripts =
            acrossScripts || queryFacts.abjad(i) != candidateFacts.abjad(j);
        if (eitherNickname
            || !plainlyUnlike(queryFacts, i, candidateFacts, j, partsAcrossScripts, syllabic)) {
          partSimilarity(
              q.get(i),
              c.get(j),
              person,
              eitherNickname,
              partsAcrossScripts,
              syllabic,
              queryFacts,
              i,
              candidateFacts,
              j,
              sims,
              kinds,
              distances,
              cell);
        }
        if (sims[cell] > 0) {
          // sort key: similarity, then the pair's weight; ties keep reading order
          long simKey = Math.round(sims[cell] * 10_000);
          long weightKey = Math.round((queryWeights[i] + candidateWeights[j]) * 100);
          pairs[count++] = (simKey << 40) | (weightKey << 20) | ((long) (n * m - cell));
        }
      }
    }
    java.util.Arrays.sort(pairs, 0, count);
    for (int k = count - 1; k >= 0; k--) {
      int cell = n * m - (int) (pairs[k] & 0xFFFFF);
      int i = cell / m;
      int j = cell % m;
      if (result.queryTo[i] < 0 && result.candidateTo[j] < 0) {
        result.link(i, j, kinds[cell], sims[cell], distances[cell]);
      }
    }
    alignJoined(q, c, result, false, acrossScripts, queryAbjad);
    alignJoined(c, q, result, true, acrossScripts, !queryAbjad);
    alignAcronyms(q, c, result, false, person);
    alignAcronyms(c, q, result, true, person);
    result.score(q, c, person, syllabic);
    return result;
  }

  /**
   * Whether {@link #partSimilarity} would find no likeness between part i of one side and part j of
   * the other, told from their facts alone without reading either part: forms of other letters or
   * lengths are not equal, letter sets too far apart put both edit distances over what the length
   * allows, and skeleton sets that do not meet share no skeleton. For parts that are not nicknames
   * (those compare by a table); false when unsure.
   */
  private static boolean plainlyUnlike(
      WeighedName.PartFacts aFacts,
      int i,
      WeighedName.PartFacts bFacts,
      int j,
      boolean acrossScripts,
      boolean syllabic) {
    int la = aFacts.formLength(i);
    int lb = bFacts.formLength(j);
    if (la == 0xFFFF || lb == 0xFFFF) {
      return false;
    }
    long formDifference = aFacts.formLetters(i) ^ bFacts.formLetters(j);
    if (formDifference == 0 && (la == lb || (!acrossScripts && !syllabic))) {
      // equal forms, or forms that may differ by a doubled letter
      return false;
    }
    if (aFacts.numeric(i) || bFacts.numeric(j)) {
      return true;
    }
    if (la <= 1 || lb <= 1) {
      return false;
    }
    int longest = Math.max(la, lb);
    int allowed = syllabic || longest <= 3 ? 0 : longest <= 5 ? 1 : 2;
    if (allowed > 0
        && ((Long.bitCount(formDifference) + 1) / 2 <= allowed
            || (Long.bitCount(aFacts.letters(i) ^ bFacts.letters(j)) + 1) / 2 <= allowed)) {
      return false;
    }
    return syllabic || (aFacts.skeletons(i) & bFacts.skeletons(j)) == 0;
  }

  // The facts of part a are those of part i of its side, of part b those of part j of its.
  private static void partSimilarity(
      NamePart a,
      NamePart b,
      boolean person,
      boolean eitherNickname,
      boolean acrossScripts,
      boolean syllabic,
      WeighedName.PartFacts aFacts,
      int i,
      WeighedName.PartFacts bFacts,
      int j,
      double[] sims,
      AlignmentKind[] kinds,
      int[] distances,
      int cell) {
    String fa = a.form();
    String fb = b.form();
    if (fa.equals(fb)) {
      boolean same = a.surface().equals(b.surface());
      if (a.translated() != b.translated()) {
        sims[cell] = TRANSLATION;
        kinds[cell] = AlignmentKind.TRANSLATION;
        return;
      }
      sims[cell] = same ? 1.0 : VARIANT;
      kinds[cell] = same ? AlignmentKind.EXACT : AlignmentKind.VARIANT;
      return;
    }
    if (aFacts.numeric(i) || bFacts.numeric(j)) {
      return;
    }
    boolean queryAbjad = aFacts.abjad(i);
    if (eitherNickname && Nicknames.related(fa, fb)) {
      sims[cell] = NICKNAME;
      kinds[cell] = AlignmentKind.NICKNAME;
      return;
    }
    if (person && differInGenderEnding(fa, fb)) {
      return;
    }
    if (fa.length() == 1 || fb.length() == 1) {
      if (person && fa.charAt(0) == fb.charAt(0)) {
        sims[cell] = INITIAL;
        kinds[cell] = AlignmentKind.INITIAL;
      }
      return;
    }
    int longest = Math.max(fa.length(), fb.length());
    int allowed = syllabic || longest <= 3 ? 0 : longest <= 5 ? 1 : 2;
    double fuzzy = 0;
    int distance = allowed + 1;
    if (allowed > 0) {
      distance =
          EditDistance.bounded(fa, fb, allowed, aFacts.formLetters(i), bFacts.formLetters(j));
      if (distance > 0 && !(a.surface().equals(fa) && b.surface().equals(fb))) {
        distance =
            Math.min(
                distance,
                EditDistance.bounded(
                    a.surface(), b.surface(), allowed, aFacts.letters(i), bFacts.letters(j)));
      }
      if (distance <= allowed) {
        fuzzy = 1.0 - (double) distance / longest;
        if (fa.charAt(0) != fb.charAt(0)) {
          fuzzy -= 0.1;
        }
        if (fuzzy < FUZZY_FLOOR) {
          fuzzy = 0;
        }
      }
    }
    if (fuzzy < DOUBLED_LETTER
        && !syllabic
        && !acrossScripts
        && aFacts.formLetters(i) == bFacts.formLetters(j)
        && sameButForDoubledLetters(fa, fb)) {
      fuzzy = DOUBLED_LETTER;
      distance = Math.abs(fa.length() - fb.length());
    }
    double phonetic =
        syllabic || (aFacts.skeletons(i) & bFacts.skeletons(j)) == 0
            ? 0
            : phonetic(a, b, acrossScripts);
    if (phonetic > 0
        && acrossScripts
        && !(queryAbjad ? longVowelsAgree(fa, fb) : longVowelsAgree(fb, fa))) {
      phonetic = 0;
    }
    if (phonetic > 0
        && !acrossScripts
        && EditDistance.bounded(fa, fb, 2, aFacts.formLetters(i), bFacts.formLetters(j)) > 2) {
      phonetic = 0;
    }
    if (phonetic > 0 && phonetic >= fuzzy) {
      sims[cell] = Math.max(phonetic, fuzzy);
      kinds[cell] = AlignmentKind.PHONETIC;
      distances[cell] = EditDistance.bounded(fa, fb, longest);
    } else if (fuzzy > 0) {
      sims[cell] = fuzzy;
      kinds[cell] = AlignmentKind.FUZZY;
      distances[cell] = distance;
    }
  }

  // "Jong-uun" and "Jong-un", "Abdurrahman" and "Abdurahman": a letter written twice is the
  // commonest slip and a common romanisation variant, also in names too short for fuzzy matching.
  static boolean sameButForDoubledLetters(String a, String b) {
    if (a.length() == b.length()) {
      return false;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      if (x != b.charAt(j)) {
        return false;
      }
      int runA = i;
      while (runA < a.length() && a.charAt(runA) == x) {
        runA++;
      }
      int runB = j;
      while (runB < b.length() && b.charAt(runB) == x) {
        runB++;
      }
      i = runA;
      j = runB;
    }
    return i == a.length() && j == b.length();
  }

  // A part written in an abjad: in Arabic script (its written form says so, also inside a mixed
  // name such as "Muhammad عمر Zadran"), or of a name in another abjad (Hebrew).
  static boolean abjad(NamePart part, Script script) {
    String written = part.written();
    if (!written.equals(part.surface())) {
      return Script.detect(written) == Script.ARABIC;
    }
    return script.isAbjad() && script != Script.ARABIC;
  }

  // "Antonio" and "Antonia", "Mario" and "Maria": the masculine and feminine of one given name
  // name two people, however close the spelling.
  private static boolean differInGenderEnding(String a, String b) {
    int n = a.length();
    if (n < 4 || n != b.length() || !a.regionMatches(0, b, 0, n - 1)) {
      return false;
    }
    char x = a.charAt(n - 1);
    char y = b.charAt(n - 1);
    return (x == 'a' && y == 'o') || (x == 'o' && y == 'a');
  }

  private static boolean isSyllabic(Script script) {
    return script == Script.HAN || script == Script.HANGUL || script == Script.KANA;
  }

  // A part written in Arabic script has a skeleton for each way its letters are romanised; any
  // of them may be the Latin part's.
  private static double phonetic(NamePart a, NamePart b, boolean acrossScripts) {
    int shortest = acrossScripts ? 2 : 3;
    String shared = a.sharedSkeleton(b);
    if (acrossScripts && shared.length() == 1 && a.form().length() <= 6 && b.form().length() <= 6) {
      // one consonant and the long vowels ("ايوب" and "Ayyub", "علي" and "Ali") say a little
      return ONE_CONSONANT_ACROSS_SCRIPTS;
    }
    if (shared.length() < shortest) {
      return 0;
    }
    if (!acrossScripts) {
      return PHONETIC;
    }
    // two consonants alike say little: "naz" and "Unsi", "khyry" and "Qari"
    return shared.length() == 2 ? SHORT_PHONETIC_ACROSS_SCRIPTS : PHONETIC_ACROSS_SCRIPTS;
  }

  // Arabic and Persian script write long vowels: where the transliteration has "y" or "w" inside
  // a part, a Latin spelling of the same name has a vowel of that kind ("hsyn" is Hossein or
  // Hussein, not Hassan), and a final "y" (the Persian -i) ends it ("ahmdy" is Ahmadi, not Ahmad).
  //
  // The other way round, a Latin "w" or "y" between letters is a consonant the Arabic script
  // writes ("Mahdawi" has the waw that "mhdy" lacks), and a name the Latin spelling begins with a
  // vowel begins in Arabic script with alef or ayn, not with a consonant ("Unsi" is not "naz").
  static boolean longVowelsAgree(String abjad, String latin) {
    if (abjad.isEmpty() || latin.isEmpty()) {
      return true;
    }
    boolean abjadVowel = abjad.charAt(0) == 'a';
    boolean latinVowel = "aeiou".indexOf(latin.charAt(0)) >= 0;
    if (abjadVowel != latinVowel) {
      return false;
    }
    for (int i = 1; i + 1 < latin.length(); i++) {
      char ch = latin.charAt(i);
      if (ch == 'w' && !containsAny(abjad, "wv")) {
        return false;
      }
      if (ch == 'y' && abjad.indexOf('y') < 0) {
        return false;
      }
    }
    for (int i = 1; i < abjad.length(); i++) {
      char ch = abjad.charAt(i);
      if (ch == 'y' && i + 1 < abjad.length() && !containsAny(latin, "iey")) {
        return false;
      }
      if (ch == 'w' && !containsAny(latin, "uowv")) {
        return false;
      }
    }
    if (abjad.length() > 2 && abjad.charAt(abjad.length() - 1) == 'y') {
      // the final "y" is also a folded alef maksura, read "a" ("mstfy" is Mostafa, "mrtdy" Morteza)
      return "ieya".indexOf(latin.charAt(latin.length() - 1)) >= 0;
    }
    return true;
  }

  private static boolean containsAny(String text, String letters) {
    for (int i = 0; i < text.length(); i++) {
      if (letters.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  // A part of one side that is two adjacent unaligned parts of the other, written together. Across
  // scripts the spellings differ in their vowels ("hdayt allh", "Hidayatullah"), so there the
  // consonant skeletons must agree instead.
  private static void alignJoined(
      List<NamePart> single,
      List<NamePart> split,
      Alignment result,
      boolean flipped,
      boolean acrossScripts,
      boolean singleAbjad) {
    int[] singleTo = flipped ? result.candidateTo : result.queryTo;
    int[] splitTo = flipped ? result.queryTo : result.candidateTo;
    WeighedName.PartFacts singleFacts = flipped ? result.candidateFacts : result.queryFacts;
    WeighedName.PartFacts splitFacts = flipped ? result.queryFacts : result.candidateFacts;
    for (int s = 0; s < single.size(); s++) {
      if (singleTo[s] >= 0) {
        continue;
      }
      String whole = single.get(s).surface();
      for (int k = 0; k + 1 < split.size(); k++) {
        if (splitTo[k] >= 0 || splitTo[k + 1] >= 0) {
          continue;
        }
        int joinedLength = split.get(k).surface().length() + split.get(k + 1).surface().length();
        int limit = joinedLength >= 8 ? 1 : 0;
        if (!acrossScripts && Math.abs(whole.length() - joinedLength) > limit) {
          // too far apart in length to be one edit apart, and only across scripts is there more
          continue;
        }
        long joinedLetters = splitFacts.letters(k) | splitFacts.letters(k + 1);
        if (!acrossScripts
            && (Long.bitCount(singleFacts.letters(s) ^ joinedLetters) + 1) / 2 > limit) {
          continue;
        }
        String joined = split.get(k).surface() + split.get(k + 1).surface();
        int distance =
            EditDistance.bounded(whole, joined, limit, singleFacts.letters(s), joinedLetters);
        if (distance > limit && acrossScripts) {
          boolean vowelsAgree =
              singleAbjad ? longVowelsAgree(whole, joined) : longVowelsAgree(joined, whole);
          if (vowelsAgree && joinedSkeletonsAgree(single.get(s), split.get(k), split.get(k + 1))) {
            result.link(
                flipped, s, List.of(k, k + 1), AlignmentKind.JOINED, JOINED_ACROSS_SCRIPTS, 0);
            break;
          }
        }
        if (distance <= limit) {
          double sim = JOINED - 0.05 * distance;
          result.link(flipped, s, List.of(k, k + 1), AlignmentKind.JOINED, sim, distance);
          break;
        }
      }
    }
  }

  // Whether one part and two adjacent parts of the other side share a skeleton of at least three
  // consonants, reading every skeleton each side may have.
  private static boolean joinedSkeletonsAgree(NamePart whole, NamePart first, NamePart second) {
    List<String> joined = new ArrayList<>();
    if (first.skeletons().size() == 1 && second.skeletons().size() == 1) {
      joined.add(PhoneticKey.skeleton(first.surface() + second.surface()));
    }
    for (String x : first.skeletons()) {
      for (String y : second.skeletons()) {
        joined.add(
            !x.isEmpty() && !y.isEmpty() && x.charAt(x.length() - 1) == y.charAt(0)
                ? x + y.substring(1)
                : x + y);
      }
    }
    List<String> wholes =
        whole.skeletons().size() == 1
            ? List.of(PhoneticKey.skeleton(whole.surface()))
            : whole.skeletons();
    for (String w : wholes) {
      if (w.length() >= 3 && joined.contains(w)) {
        return true;
      }
    }
    return false;
  }

  // An organisation's acronym on one side, the words it abbreviates on the other ("PLA"); for a
  // person, only two or three consonants for a compound given name ("JC" for "Jean-Claude").
  private static void alignAcronyms(
      List<NamePart> single,
      List<NamePart> split,
      Alignment result,
      boolean flipped,
      boolean person) {
    int[] singleTo = flipped ? result.candidateTo : result.queryTo;
    int[] splitTo = flipped ? result.queryTo : result.candidateTo;
    WeighedName.PartFacts singleFacts = flipped ? result.candidateFacts : result.queryFacts;
    WeighedName.PartFacts splitFacts = flipped ? result.queryFacts : result.candidateFacts;
    for (int s = 0; s < single.size(); s++) {
      int length = singleFacts.surfaceLength(s);
      if (singleTo[s] >= 0 || length < 2 || length > 6 || singleFacts.numeric(s)) {
        continue;
      }
      String acronym = single.get(s).surface();
      if (person && (length > 3 || hasVowel(acronym))) {
        continue;
      }
      for (int k = 0; k + length <= split.size(); k++) {
        boolean matches = true;
        for (int t = 0; t < length && matches; t++) {
          matches = splitTo[k + t] < 0 && splitFacts.firstOfSurface(k + t) == acronym.charAt(t);
        }
        if (matches) {
          List<Integer> words = new ArrayList<>();
          for (int t = 0; t < length; t++) {
            words.add(k + t);
          }
          result.link(flipped, s, words, AlignmentKind.ACRONYM, ACRONYM, 0);
          break;
        }
      }
    }
  }

  private static boolean hasVowel(String part) {
    for (int i = 0; i < part.length(); i++) {
      if ("aeiouy".indexOf(part.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parts of one side left unaligned: their count and summed weight (with the conflict floor
   * too), and apart from them the numbers and Roman numerals when those designate series members.
   */
  private record Unaligned(
      int count,
      double weight,
      double floored,
      int numerals,
      double numeralWeight,
      double placeWeight) {

    static Unaligned of(
        List<NamePart> parts,
        int[] partTo,
        double[] weights,
        boolean ofOrganisation,
        WeighedName.PartFacts facts,
        List<String> ownLegalForms,
        List<String> otherLegalForms) {
      int count = 0;
      double weight = 0;
      double floored = 0;
      int numerals = 0;
      double numeralWeight = 0;
      double placeWeight = 0;
      for (int i = 0; i < parts.size(); i++) {
        if (partTo[i] >= 0) {
          continue;
        }
        if (ofOrganisation
            && ownLegalForms.isEmpty()
            && misspeltLegalForm(parts.get(i).form(), otherLegalForms)) {
          continue;
        }
        double w = weights[i];
        if (ofOrganisation && facts.numeral(i)) {
          numerals++;
          numeralWeight += w;
        } else {
          count++;
          weight += w;
          floored += Math.max(w, CONFLICT_FLOOR);
          if (ofOrganisation && facts.place(i)) {
            placeWeight += w;
          }
        }
      }
      return new Unaligned(count, weight, floored, numerals, numeralWeight, placeWeight);
    }

    // What the parts count as when the other side lacks them: places count less (PLACE_EXTRA).
    double extraWeight() {
      return weight - (1 - PLACE_EXTRA) * placeWeight;
    }

    // "Siemens AkG" and "Siemens AG": a word one letter off the legal form the other name has
    // (and that this name lacks) is that legal form, misspelt, not another company's word.
    private static boolean misspeltLegalForm(String form, List<String> otherLegalForms) {
      for (String legalForm : otherLegalForms) {
        // a slip after the first letter, as in the fuzzy match; most words fail that test alone
        if (legalForm.length() >= 2
            && form.length() >= 2
            && form.charAt(0) == legalForm.charAt(0)
            && Math.abs(form.length() - legalForm.length()) <= 1
            && EditDistance.bounded(form, legalForm, 1) == 1) {
          return true;
        }
      }
      return false;
    }
  }

  private static final java.util.regex.Pattern ROMAN_NUMERAL =
      java.util.regex.Pattern.compile("x{0,3}(ix|iv|v?i{0,3})");

  static boolean isNumeral(NamePart part) {
    String form = part.form();
    return part.isNumeric() || (!form.isEmpty() && ROMAN_NUMERAL.matcher(form).matches());
  }

  /** One aligned group: usually one part on each side, more when parts were joined. */
  private record Link(
      List<Integer> queryParts,
      List<Integer> candidateParts,
      AlignmentKind kind,
      double sim,
      int distance) {}

  /** The pairing of parts, built up by {@link #align} and then scored. */
  private static final class Alignment {
    List<NamePart> q = List.of();
    List<NamePart> c = List.of();
    NormalisedName query;
    NormalisedName candidate;
    // sized for the largest names met so far: only the first q.size() and c.size() slots count
    int[] queryTo = new int[8];
    int[] candidateTo = new int[8];
    double[] queryWeights = new double[8];
    double[] candidateWeights = new double[8];
    WeighedName.PartFacts queryFacts;
    WeighedName.PartFacts candidateFacts;
    final List<Link> links = new ArrayList<>();
    final List<String> penalties = new ArrayList<>();
    double score;

    void reset(List<NamePart> q, List<NamePart> c, NormalisedName query, NormalisedName candidate) {
      this.q = q;
      this.c = c;
      this.query = query;
      this.candidate = candidate;
      int n = q.size();
      int m = c.size();
      if (queryTo.length < n) {
        queryTo = new int[n];
        queryWeights = new double[n];
      }
      if (candidateTo.length < m) {
        candidateTo = new int[m];
        candidateWeights = new double[m];
      }
      java.util.Arrays.fill(queryTo, 0, n, -1);
      java.util.Arrays.fill(candidateTo, 0, m, -1);
      queryFacts = null;
      candidateFacts = null;
      links.clear();
      penalties.clear();
      score = 0;
    }

    void link(int i, int j, AlignmentKind kind, double sim, int distance) {
      queryTo[i] = j;
      candidateTo[j] = i;
      links.add(new Link(List.of(i), List.of(j), kind, sim, distance));
    }

    // Part s of one side with several parts of the other; flipped when s is a candidate part.
    void link(
        boolean flipped,
        int s,
        List<Integer> others,
        AlignmentKind kind,
        double sim,
        int distance) {
      int[] singleTo = flipped ? candidateTo : queryTo;
      int[] otherTo = flipped ? queryTo : candidateTo;
      singleTo[s] = others.get(0);
      for (int o : others) {
        otherTo[o] = s;
      }
      links.add(
          flipped
              ? new Link(others, List.of(s), kind, sim, distance)
              : new Link(List.of(s), others, kind, sim, distance));
    }

    void score(List<NamePart> q, List<NamePart> c, boolean person, boolean syllabic) {
      double matched = 0;
      double shortfall = 0;
      int strongLinks = 0;
      for (Link link : links) {
        double pairWeight = 0;
        for (int i : link.queryParts()) {
          pairWeight += queryWeights[i];
        }
        for (int j : link.candidateParts()) {
          pairWeight += candidateWeights[j];
        }
        matched += link.sim() * pairWeight;
        shortfall += (1 - link.sim()) * pairWeight;
        if (link.kind() != AlignmentKind.INITIAL && !honorificsOnly(q, link.queryParts())) {
          strongLinks += Math.max(link.queryParts().size(), link.candidateParts().size());
        }
      }
      List<String> queryForms = query.droppedLegalForms();
      List<String> candidateForms = candidate.droppedLegalForms();
      Unaligned onlyQuery =
          Unaligned.of(q, queryTo, queryWeights, !person, queryFacts, queryForms, candidateForms);
      Unaligned onlyCandidate =
          Unaligned.of(
              c,
              candidateTo,
              candidateWeights,
              !person,
              candidateFacts,
              candidateForms,
              queryForms);
      // Parts both sides have but that disagree count with a floor: a differing "Mohammad"
      // still says these are different people. Parts only one side has count as they weigh,
      // except in Chinese, Japanese and Korean names, whose syllables have no optional middle
      // names among them: a syllable only one side has makes another given name.
      double conflict =
          syllabic
              ? Math.max(onlyQuery.floored, onlyCandidate.floored)
              : Math.min(onlyQuery.floored, onlyCandidate.floored);
      double extra = Math.abs(onlyQuery.extraWeight() - onlyCandidate.extraWeight());
      // Numbers of organisations and vessels designate members of a series: two different ones
      // are siblings ("Trust I", "Trust II"), counted as a shortfall; one only one side has
      // tells the series apart from one member ("Solutions", "Solutions II"), a full conflict.
      int pairedNumerals = Math.min(onlyQuery.numerals, onlyCandidate.numerals);
      int unpairedNumerals = onlyQuery.numerals + onlyCandidate.numerals - 2 * pairedNumerals;
      shortfall += pairedNumerals == 0 ? 0 : onlyQuery.numeralWeight + onlyCandidate.numeralWeight;
      conflict += unpairedNumerals;
      double extraFactor = person ? PERSON_EXTRA : OTHER_EXTRA;
      double denominator = matched + shortfall + CONFLICT * conflict + extraFactor * extra;
      score = denominator <= 0 ? 0 : Math.min(1.0, Math.max(0.0, matched / denominator));
      boolean oneSideSingle = (q.size() == 1) != (c.size() == 1);
      if (person && strongLinks <= 1 && (oneSideSingle || strongLinks == 0)) {
        score = Math.min(score, SINGLE_PART_CAP);
      }
      int conflicts =
          (syllabic
                  ? Math.max(onlyQuery.count, onlyCandidate.count)
                  : Math.min(onlyQuery.count, onlyCandidate.count))
              + unpairedNumerals;
      for (int k = 0; k < conflicts; k++) {
        score *= CONFLICT_DECAY;
      }
      if (person && !inOrderOrRotated(descents())) {
        pairAlikePartsInOrder();
      }
      if (person && !inOrderOrRotated(descents())) {
        // With a "bin" the order of the parts is the genealogy: "Salman bin Muhammad" and
        // "Muhammad bin Salman" are son and father.
        score *= hasConnector(q) && hasConnector(c) ? CONNECTED_SHUFFLED : SHUFFLED;
      }
      if (person && q == query.parts() && c == candidate.parts()) {
        // A list that says which part is the family name ("CROSBY, David Paul") tells a query
        // that shares only given names ("Paul Davis") from one that names the person; a family
        // name met only by an initial or two edits apart ("Walton", "WILSON") is weak evidence.
        if (c.size() > 1 && q.size() > 1) {
          familyAgreement(candidate.familyParts(), false, c, "query");
          familyAgreement(query.familyParts(), true, q, "candidate");
        }
      }
      if (onlyQuery.placeWeight > 0) {
        placeOnlyOneSideNames(q, queryTo, "query");
      }
      if (onlyCandidate.placeWeight > 0) {
        placeOnlyOneSideNames(c, candidateTo, "list's name");
      }
      if (!person && !links.isEmpty() && onlyGenericWordsAgree(q, c)) {
        // "Trading Corp" and "ACME TRADING CORP" share a word every list has many of, and the
        // word that names the company is missing
        score = Math.min(score, SINGLE_PART_CAP);
        penalties.add("only generic words agree");
      }
      if (!person
          && LegalFormKinds.conflict(query.droppedLegalForms(), candidate.droppedLegalForms())) {
        // an "AG" and a "GmbH" of the same name are two companies, often parent and subsidiary
        score *= LEGAL_FORM_CONFLICT;
        penalties.add(
            "legal forms of different kinds: "
                + String.join(", ", query.droppedLegalForms())
                + " / "
                + String.join(", ", candidate.droppedLegalForms()));
      }
    }

    // Says which country or continent only one organisation's name has ("Deutsche Bank (Schweiz)"):
    // it lowered the score less than another word would, and a reviewer should know why.
    private void placeOnlyOneSideNames(List<NamePart> parts, int[] partTo, String side) {
      List<Integer> places = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        if (partTo[i] < 0 && PlaceWords.isPlace(parts.get(i).form())) {
          places.add(i);
        }
      }
      if (!places.isEmpty()) {
        penalties.add(
            "a place only the "
                + side
                + " names: "
                + shown(parts, places)
                + " (a branch or a national subsidiary of the same business?)");
      }
    }

    // A part spelt alike twice on each side ("Ben" and "Bin" in "AL BEN ALI, Isa Ben Tarif" and
    // "Isa Bin Tarif Al Bin Ali") pairs with either of the other side's; the greedy pairing takes
    // them in reading order, which can shuffle a name that is only rotated. Pairs them the other
    // way round when that keeps the order; the similarities stay the same.
    private void pairAlikePartsInOrder() {
      for (int a = 0; a < links.size(); a++) {
        for (int b = a + 1; b < links.size(); b++) {
          Link x = links.get(a);
          Link y = links.get(b);
          if (!interchangeable(x, y)) {
            continue;
          }
          int xi = x.queryParts().get(0);
          int xj = x.candidateParts().get(0);
          int yi = y.queryParts().get(0);
          int yj = y.candidateParts().get(0);
          repair(xi, yj, yi, xj);
          if (inOrderOrRotated(descents())) {
            links.set(a, new Link(List.of(xi), List.of(yj), x.kind(), x.sim(), x.distance()));
            links.set(b, new Link(List.of(yi), List.of(xj), y.kind(), y.sim(), y.distance()));
            return;
          }
          repair(xi, xj, yi, yj);
        }
      }
    }

    private void repair(int i1, int j1, int i2, int j2) {
      queryTo[i1] = j1;
      candidateTo[j1] = i1;
      queryTo[i2] = j2;
      candidateTo[j2] = i2;
    }

    private boolean interchangeable(Link x, Link y) {
      return x.queryParts().size() == 1
          && x.candidateParts().size() == 1
          && y.queryParts().size() == 1
          && y.candidateParts().size() == 1
          && x.kind() == y.kind()
          && x.sim() == y.sim()
          && x.distance() == y.distance()
          && q.get(x.queryParts().get(0)).form().equals(q.get(y.queryParts().get(0)).form())
          && c.get(x.candidateParts().get(0))
              .form()
              .equals(c.get(y.candidateParts().get(0)).form());
    }

    private boolean onlyGenericWordsAgree(List<NamePart> q, List<NamePart> c) {
      for (Link link : links) {
        for (int i : link.queryParts()) {
          if (!generic(q.get(i))) {
            return false;
          }
        }
        for (int j : link.candidateParts()) {
          if (!generic(c.get(j))) {
            return false;
          }
        }
      }
      return distinctiveUnaligned(q, queryTo) || distinctiveUnaligned(c, candidateTo);
    }

    private static boolean distinctiveUnaligned(List<NamePart> parts, int[] partTo) {
      for (int i = 0; i < parts.size(); i++) {
        if (partTo[i] < 0 && !generic(parts.get(i)) && !isNumeral(parts.get(i))) {
          return true;
        }
      }
      return false;
    }

    // Judged by the curated table, not by a list's frequencies: in a small list every word is
    // rare, and "trading" is generic however few entries say it.
    private static boolean generic(NamePart part) {
      return TokenWeights.defaults().weight(part.form()) <= GENERIC;
    }

    // Lowers the score once when the family name of one side is missing from the other or only
    // weakly matched there; a side that does not say which part is its family name is left alone.
    private void familyAgreement(
        List<Integer> family, boolean ofQuery, List<NamePart> parts, String other) {
      if (family.isEmpty() || !penalties.isEmpty()) {
        return;
      }
      boolean linked = false;
      for (Link link : links) {
        List<Integer> mine = ofQuery ? link.queryParts() : link.candidateParts();
        if (mine.stream().anyMatch(family::contains)) {
          linked = true;
          boolean weak =
              link.kind() == AlignmentKind.INITIAL
                  || (link.kind() == AlignmentKind.FUZZY && link.distance() >= 2);
          if (!weak) {
            return;
          }
        }
      }
      score *= linked ? FAMILY_WEAK : FAMILY_MISSING;
      penalties.add(
          (linked ? "family name only loosely in " : "family name not in ")
              + other
              + ": "
              + shown(parts, family));
    }

    private static String shown(List<NamePart> parts, List<Integer> indexes) {
      List<String> out = new ArrayList<>();
      for (int i : indexes) {
        out.add(Alignment.shown(parts.get(i)));
      }
      return String.join(" ", out);
    }

    // Titles and honorifics ("Haji", "Mullah", "Seyyed") say whom a name honours, not whom it
    // names: agreeing on them alone is no evidence.
    private static boolean honorificsOnly(List<NamePart> parts, List<Integer> indexes) {
      for (int i : indexes) {
        if (!HONORIFICS.contains(parts.get(i).form())) {
          return false;
        }
      }
      return true;
    }

    private static boolean hasConnector(List<NamePart> parts) {
      for (NamePart part : parts) {
        if (CONNECTORS.contains(part.form())) {
          return true;
        }
      }
      return false;
    }

    private int descents() {
      int previous = -1;
      int descents = 0;
      for (int i = 0; i < q.size(); i++) {
        int to = queryTo[i];
        if (to >= 0) {
          if (previous >= 0 && to < previous) {
            descents++;
          }
          previous = to;
        }
      }
      return descents;
    }

    // Whether the aligned parts keep their order, allowing one rotation ("Salek Abdulhai" for
    // "Abdulhai Salek"); a name whose parts are shuffled otherwise is usually another person.
    private boolean inOrderOrRotated(int descents) {
      if (descents != 1) {
        return descents == 0;
      }
      int first = -1;
      int last = -1;
      for (int i = 0; i < q.size(); i++) {
        int to = queryTo[i];
        if (to >= 0) {
          if (first < 0) {
            first = to;
          }
          last = to;
        }
      }
      return last < first;
    }

    NameExplanation explain() {
      List<PartAlignment> aligned = new ArrayList<>();
      for (Link link : links) {
        aligned.add(
            new PartAlignment(
                surfaces(q, link.queryParts()),
                surfaces(c, link.candidateParts()),
                link.kind(),
                link.sim(),
                link.distance(),
                written(q, link.queryParts()),
                written(c, link.candidateParts())));
      }
      List<String> onlyQuery = new ArrayList<>();
      for (int i = 0; i < q.size(); i++) {
        if (queryTo[i] < 0) {
          onlyQuery.add(shown(q.get(i)));
        }
      }
      List<String> onlyCandidate = new ArrayList<>();
      for (int j = 0; j < c.size(); j++) {
        if (candidateTo[j] < 0) {
          onlyCandidate.add(shown(c.get(j)));
        }
      }
      List<String> dropped = new ArrayList<>(query.droppedLegalForms());
      dropped.addAll(candidate.droppedLegalForms());
      return new NameExplanation(aligned, onlyQuery, onlyCandidate, dropped, penalties);
    }

    private static String shown(NamePart part) {
      return part.written().equals(part.surface())
          ? part.surface()
          : part.written() + " [" + part.surface() + "]";
    }

    private static String written(List<NamePart> parts, List<Integer> indexes) {
      StringBuilder out = new StringBuilder();
      for (int i : indexes) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(parts.get(i).written());
      }
      return out.toString();
    }

    private static String surfaces(List<NamePart> parts, List<Integer> indexes) {
      StringBuilder out = new StringBuilder();
      for (int i : indexes) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(parts.get(i).surface());
      }
      return out.toString();
    }
  }
}
