/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Extraction;
import org.vigil.extract.Extractor;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.extract.relations.learned.ReadLearnedRelations;
import org.vigil.extract.relations.learned.RelationLabel;
import org.vigil.extract.relations.learned.RelationModel;

/**
 * Chooses a threshold per label of a relation model end to end: from raw text, with the
 * recogniser's mentions and the rules beside the model, as {@link SentenceRelationEvaluation}
 * scores it, rather than on pairs of gold mentions. End to end a label's findings are wrong more
 * often than on gold mentions (a place typed as an organisation, a name cut in two), and by how
 * much differs per label; one threshold for all cannot follow that.
 *
 * <p>The development sentences are read once with the model at the lowest threshold of {@link
 * #GRID}; a threshold is then tried by leaving out the model's findings of its labels below it. The
 * labels that write the same finding share one threshold (a person's address is CoNLL04's Live_In
 * or Re-DocRED's residence). Coordinate ascent, two passes over the groups in a fixed order, each
 * threshold of the grid tried; what is maximised is the mean of the two corpora's micro F1, the
 * same mean that chose C; a tie keeps the lower threshold. Deterministic for the same readings.
 */
public final class EndToEndThresholds {
  /** The thresholds tried, from 0.20 to 0.95, then 1.0 (the label is never read). */
  static final List<Double> GRID =
      List.of(
          0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95,
          1.0);

  /** The labels that share one threshold because they write the same finding. */
  static final List<List<RelationLabel>> GROUPS =
      List.of(
          List.of(RelationLabel.WORK_FOR),
          List.of(RelationLabel.IN_CHARGE_OF),
          List.of(RelationLabel.MEMBER_OF),
          List.of(RelationLabel.FOUNDED_BY),
          List.of(RelationLabel.OWNED_BY),
          List.of(RelationLabel.KILL),
          List.of(RelationLabel.LIVE_IN, RelationLabel.RESIDENCE),
          List.of(RelationLabel.BASED_IN, RelationLabel.HEADQUARTERS),
          List.of(RelationLabel.BORN_IN),
          List.of(RelationLabel.LOCATED_IN));

  private static final int PASSES = 2;

  private EndToEndThresholds() {}

  /**
   * The chosen thresholds and the development figures with them.
   *
   * @param thresholds one per label of {@link #GROUPS}
   * @param conll04 the CoNLL04 sentences read, all five labels, with the chosen thresholds
   * @param reDocred the Re-DocRED tuning documents, the six relations, with the chosen thresholds
   * @param conll04Before the same with the model's own threshold for every label
   * @param reDocredBefore the Re-DocRED tuning documents with the model's own threshold
   */
  public record Result(
      Map<RelationLabel, Double> thresholds,
      Counts conll04,
      Counts reDocred,
      Counts conll04Before,
      Counts reDocredBefore) {
    public Result {
      thresholds = Map.copyOf(thresholds);
      requireNonNull(conll04, "conll04");
      requireNonNull(reDocred, "reDocred");
      requireNonNull(conll04Before, "conll04Before");
      requireNonNull(reDocredBefore, "reDocredBefore");
    }
  }

  /**
   * CoNLL04 sentences and the model that reads them: in a two-fold check, one fold and the model
   * trained without it.
   */
  public record Fold(List<LabelledSentence> sentences, RelationModel model) {
    public Fold {
      sentences = List.copyOf(sentences);
      requireNonNull(model, "model");
    }
  }

  /**
   * Reads {@code conll04} and {@code reDocred} (the Re-DocRED tuning documents) with {@code rules}
   * and {@code model}, and chooses the labels' thresholds; {@code progress} hears each pass.
   */
  public static Result choose(
      RelationModel model,
      Extractor rules,
      List<LabelledSentence> conll04,
      List<LabelledSentence> reDocred,
      Consumer<String> progress) {
    return chooseOnFolds(model, rules, List.of(new Fold(conll04, model)), reDocred, progress);
  }

  /**
   * Reads each fold of {@code conll04} with {@code rules} and the fold's model, and {@code
   * reDocred} (the Re-DocRED tuning documents) with {@code rules} and {@code model}, and chooses
   * the labels' thresholds of {@code model}; {@code progress} hears each pass.
   */
  public static Result chooseOnFolds(
      RelationModel model,
      Extractor rules,
      List<Fold> conll04Folds,
      List<LabelledSentence> reDocred,
      Consumer<String> progress) {
    List<LabelledSentence> conll04 = new ArrayList<>();
    List<Extraction> conllRead = new ArrayList<>();
    for (Fold f : conll04Folds) {
      conll04.addAll(f.sentences());
      conllRead.addAll(read(rules, f.model(), f.sentences()));
    }
    List<Extraction> tuneRead = read(rules, model, reDocred);
    Map<RelationLabel, Double> start = new EnumMap<>(RelationLabel.class);
    for (List<RelationLabel> g : GROUPS) {
      for (RelationLabel l : g) {
        start.put(l, model.provenance().threshold(l));
      }
    }
    Counts conllBefore = conll04Counts(conll04, conllRead, start);
    Counts tuneBefore = reDocredCounts(reDocred, tuneRead, start);
    Map<RelationLabel, Double> chosen = new EnumMap<>(start);
    double best = score(conllBefore, tuneBefore);
    for (int pass = 0; pass < PASSES; pass++) {
      for (List<RelationLabel> group : GROUPS) {
        double keep = chosen.get(group.get(0));
        for (double t : GRID) {
          Map<RelationLabel, Double> trial = new EnumMap<>(chosen);
          group.forEach(l -> trial.put(l, t));
          double s =
              score(
                  conll04Counts(conll04, conllRead, trial),
                  reDocredCounts(reDocred, tuneRead, trial));
          if (s > best + 1e-12 || (Math.abs(s - best) <= 1e-12 && t < keep)) {
            best = s;
            keep = t;
          }
        }
        double kept = keep;
        group.forEach(l -> chosen.put(l, kept));
      }
      Counts c = conll04Counts(conll04, conllRead, chosen);
      Counts r = reDocredCounts(reDocred, tuneRead, chosen);
      progress.accept(
          String.format(
              Locale.ROOT,
              "end-to-end thresholds, pass %d: CoNLL04 P %.3f R %.3f F1 %.3f; Re-DocRED tuning"
                  + " P %.3f R %.3f F1 %.3f; %s",
              pass + 1,
              c.precision(),
              c.recall(),
              c.f1(),
              r.precision(),
              r.recall(),
              r.f1(),
              describe(chosen)));
    }
    return new Result(
        chosen,
        conll04Counts(conll04, conllRead, chosen),
        reDocredCounts(reDocred, tuneRead, chosen),
        conllBefore,
        tuneBefore);
  }

  /** {@code sentences} read with {@code rules} and {@code model} at the lowest threshold tried. */
  private static List<Extraction> read(
      Extractor rules, RelationModel model, List<LabelledSentence> sentences) {
    Extractor reader = rules.withRelationModel(model.withThreshold(GRID.get(0)));
    // The extractor is thread-safe and the readings keep the sentences' order.
    return sentences.parallelStream().map(s -> reader.extract(s.text())).toList();
  }

  /** "WORK_FOR 0.40, ..." in the groups' order. */
  public static String describe(Map<RelationLabel, Double> thresholds) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (List<RelationLabel> g : GROUPS) {
      out.put(String.join("/", g.stream().map(Enum::name).toList()), thresholds.get(g.get(0)));
    }
    List<String> parts = new ArrayList<>();
    out.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.2f", k, v)));
    return String.join(", ", parts);
  }

  private static double score(Counts conll04, Counts reDocred) {
    return (conll04.f1() + reDocred.f1()) / 2;
  }

  private static Counts conll04Counts(
      List<LabelledSentence> sentences,
      List<Extraction> read,
      Map<RelationLabel, Double> thresholds) {
    return all(
        SentenceRelationEvaluation.run(
            "conll04",
            "tuning",
            sentences,
            reader(sentences, read, thresholds),
            SentenceRelationEvaluation::conll04,
            SentenceRelationEvaluation.CONLL04_LABELS));
  }

  private static Counts reDocredCounts(
      List<LabelledSentence> sentences,
      List<Extraction> read,
      Map<RelationLabel, Double> thresholds) {
    return all(
        SentenceRelationEvaluation.run(
            "re-docred",
            "tuning",
            sentences,
            reader(sentences, read, thresholds),
            SentenceRelationEvaluation::reDocred,
            List.copyOf(new java.util.TreeSet<>(SentenceCorpora.RE_DOCRED_RELATIONS.keySet()))));
  }

  private static Counts all(List<SentenceRelationEvaluation.Row> rows) {
    return rows.stream().filter(r -> r.label().equals("all")).findFirst().orElseThrow().counts();
  }

  /** The readings, by sentence text, with the model's findings under their threshold left out. */
  private static Function<String, Extraction> reader(
      List<LabelledSentence> sentences,
      List<Extraction> read,
      Map<RelationLabel, Double> thresholds) {
    Map<String, Extraction> byText = new java.util.HashMap<>();
    for (int i = 0; i < sentences.size(); i++) {
      byText.putIfAbsent(sentences.get(i).text(), read.get(i));
    }
    return text -> kept(byText.get(text), thresholds);
  }

  /** {@code x} without the model's findings whose probability is under their label's threshold. */
  static Extraction kept(Extraction x, Map<RelationLabel, Double> thresholds) {
    return new Extraction(
        x.mentions(),
        x.relations().stream()
            .filter(r -> keeps(r.extractor(), label(r), r.confidence(), thresholds))
            .toList(),
        x.events().stream()
            .filter(e -> keeps(e.extractor(), label(e), e.confidence(), thresholds))
            .toList(),
        x.acronyms(),
        x.attributes(),
        x.properties().stream()
            .filter(p -> keeps(p.extractor(), label(p), p.confidence(), thresholds))
            .toList(),
        x.skipped());
  }

  private static boolean keeps(
      String extractor,
      Optional<RelationLabel> label,
      double confidence,
      Map<RelationLabel, Double> thresholds) {
    if (!extractor.equals(ReadLearnedRelations.EXTRACTOR) || label.isEmpty()) {
      return true;
    }
    return confidence >= thresholds.getOrDefault(label.get(), 0.0);
  }

  /**
   * The label (of its group) that wrote a model's relation, as {@link ReadLearnedRelations} does.
   */
  static Optional<RelationLabel> label(Relation r) {
    String role = r.role().orElse("");
    return switch (r.schema()) {
      case EMPLOYMENT ->
          Optional.of(
              role.equals("leader")
                  ? RelationLabel.IN_CHARGE_OF
                  : role.equals("founder") ? RelationLabel.FOUNDED_BY : RelationLabel.WORK_FOR);
      case MEMBERSHIP -> Optional.of(RelationLabel.MEMBER_OF);
      case OWNERSHIP -> Optional.of(RelationLabel.OWNED_BY);
      default -> Optional.empty();
    };
  }

  static Optional<RelationLabel> label(ExtractedEvent e) {
    return e.kind().equals("killing") ? Optional.of(RelationLabel.KILL) : Optional.empty();
  }

  static Optional<RelationLabel> label(ExtractedProperty p) {
    return switch (p.property()) {
      case "address" ->
          p.entity().type() == MentionType.PERSON
              ? Optional.of(RelationLabel.LIVE_IN)
              : Optional.of(RelationLabel.BASED_IN);
      case "birthPlace" -> Optional.of(RelationLabel.BORN_IN);
      case "country" -> Optional.of(RelationLabel.LOCATED_IN);
      default -> Optional.empty();
    };
  }
}
