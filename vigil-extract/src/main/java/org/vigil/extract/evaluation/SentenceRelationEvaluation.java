/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.vigil.extract.EventRole;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Extraction;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.model.Schema;

/**
 * Relations end to end from raw sentences, scored against CoNLL04 and Re-DocRED: what a reader
 * extracts from a sentence's text is mapped to the corpus's labels, and a prediction finds a gold
 * relation of its label when both ends overlap the gold ends (each gold relation found at most
 * once).
 *
 * <p>CoNLL04: an Employment, Membership or Directorship of a person by an organisation is Work_For;
 * a killing's perpetrator and victim (people) are Kill; a person's address or birthplace is
 * Live_In, an organisation's OrgBased_In, a place's country Located_In. Re-DocRED: Employment is
 * P108 (employer), Membership P463 (member of), an Employment with role founder P112 (founded by,
 * from the organisation), Ownership P127 (owned by, from the asset), an organisation's address P159
 * (headquarters), a person's P551 (residence).
 */
public final class SentenceRelationEvaluation {
  /** One line of the report. */
  public record Row(String corpus, String system, String label, Counts counts) {
    public Row {
      requireNonNull(corpus, "corpus");
      requireNonNull(system, "system");
      requireNonNull(label, "label");
      requireNonNull(counts, "counts");
    }
  }

  public static final List<String> CONLL04_LABELS =
      List.of("Work_For", "Kill", "Live_In", "OrgBased_In", "Located_In");
  private static final Set<Schema> WORK =
      Set.of(Schema.EMPLOYMENT, Schema.MEMBERSHIP, Schema.DIRECTORSHIP);

  /**
   * A person's properties that CoNLL04's Live_In covers: it reads a birthplace as a place the
   * person lives in or comes from; Re-DocRED's residence (P551) is the address only.
   */
  private static final Set<String> LIVED_IN = Set.of("address", "birthPlace");

  private SentenceRelationEvaluation() {}

  /** What an extraction says, in CoNLL04's labels. */
  public static List<GoldPair> conll04(Extraction x) {
    List<GoldPair> out = new ArrayList<>();
    for (Relation r : x.relations()) {
      if (WORK.contains(r.schema())
          && r.source().type() == MentionType.PERSON
          && r.target().type() == MentionType.ORGANIZATION) {
        out.add(pair("Work_For", r.source(), r.target()));
      }
    }
    for (ExtractedEvent e : x.events()) {
      if (e.kind().equals("killing")) {
        for (Mention p : people(e, "perpetrator")) {
          for (Mention v : people(e, "victim")) {
            out.add(pair("Kill", p, v));
          }
        }
      }
    }
    for (ExtractedProperty p : x.properties()) {
      Mention place = placeOf(p, x);
      if (place == null) {
        continue;
      }
      String label =
          switch (p.entity().type()) {
            case PERSON -> LIVED_IN.contains(p.property()) ? "Live_In" : "";
            case ORGANIZATION -> p.property().equals("address") ? "OrgBased_In" : "";
            case LOCATION -> p.property().equals("country") ? "Located_In" : "";
            case MISC -> "";
          };
      if (!label.isEmpty()) {
        out.add(pair(label, p.entity(), place));
      }
    }
    return out;
  }

  /** What an extraction says, in the evaluated Re-DocRED relations. */
  public static List<GoldPair> reDocred(Extraction x) {
    List<GoldPair> out = new ArrayList<>();
    for (Relation r : x.relations()) {
      boolean founder = r.role().map(role -> role.contains("found")).orElse(false);
      switch (r.schema()) {
        case EMPLOYMENT ->
            out.add(
                founder
                    ? pair("P112", r.target(), r.source())
                    : pair("P108", r.source(), r.target()));
        case MEMBERSHIP, DIRECTORSHIP -> out.add(pair("P463", r.source(), r.target()));
        case OWNERSHIP -> out.add(pair("P127", r.target(), r.source()));
        default -> {}
      }
    }
    for (ExtractedProperty p : x.properties()) {
      Mention place = placeOf(p, x);
      if (place == null || !p.property().equals("address")) {
        continue;
      }
      if (p.entity().type() == MentionType.ORGANIZATION) {
        out.add(pair("P159", p.entity(), place));
      } else if (p.entity().type() == MentionType.PERSON) {
        out.add(pair("P551", p.entity(), place));
      }
    }
    return out;
  }

  /**
   * The mention a property's value was read from: the place mention of that name in its sentence.
   */
  private static Mention placeOf(ExtractedProperty p, Extraction x) {
    for (Mention m : x.mentions()) {
      if (m.type() == MentionType.LOCATION
          && m.name().equals(p.value())
          && m.start() >= p.start()
          && m.end() <= p.end()) {
        return m;
      }
    }
    return null;
  }

  private static List<Mention> people(ExtractedEvent e, String role) {
    return e.roles().stream()
        .filter(r -> r.role().equals(role) && r.mention().type() == MentionType.PERSON)
        .map(EventRole::mention)
        .toList();
  }

  private static GoldPair pair(String label, Mention head, Mention tail) {
    return new GoldPair(label, head.start(), head.end(), tail.start(), tail.end());
  }

  /** Gold and predictions of one label in one sentence, each gold relation found at most once. */
  static Counts score(List<GoldPair> gold, List<GoldPair> predicted, String label) {
    List<GoldPair> g = gold.stream().filter(p -> p.label().equals(label)).toList();
    List<GoldPair> p = predicted.stream().filter(x -> x.label().equals(label)).distinct().toList();
    boolean[] used = new boolean[g.size()];
    int matched = 0;
    for (GoldPair prediction : p) {
      for (int i = 0; i < g.size(); i++) {
        if (!used[i] && prediction.finds(g.get(i))) {
          used[i] = true;
          matched++;
          break;
        }
      }
    }
    return new Counts(g.size(), p.size(), matched);
  }

  /**
   * Runs {@code reader} over {@code sentences} and scores what {@code labels} maps it to, one row
   * per label and one for all of them together.
   */
  public static List<Row> run(
      String corpus,
      String system,
      List<LabelledSentence> sentences,
      Function<String, Extraction> reader,
      Function<Extraction, List<GoldPair>> labels,
      List<String> evaluated) {
    return runOn(corpus, system, sentences, s -> reader.apply(s.text()), labels, evaluated);
  }

  /**
   * Like {@link #run}, with each sentence's gold entity mentions given to {@code reader}: the
   * setting of corpora such as DocRED, where relation extraction starts from the entities, so the
   * figure measures the reading of relations alone, not the finding of names.
   */
  public static List<Row> runGiven(
      String corpus,
      String system,
      List<LabelledSentence> sentences,
      BiFunction<String, List<Mention>, Extraction> reader,
      Function<Extraction, List<GoldPair>> labels,
      List<String> evaluated) {
    return runOn(
        corpus, system, sentences, s -> reader.apply(s.text(), s.entities()), labels, evaluated);
  }

  private static List<Row> runOn(
      String corpus,
      String system,
      List<LabelledSentence> sentences,
      Function<LabelledSentence, Extraction> reader,
      Function<Extraction, List<GoldPair>> labels,
      List<String> evaluated) {
    Map<String, Counts> counts = new LinkedHashMap<>();
    evaluated.forEach(l -> counts.put(l, Counts.ZERO));
    for (LabelledSentence s : sentences) {
      List<GoldPair> predicted = labels.apply(reader.apply(s));
      for (String label : evaluated) {
        counts.merge(label, score(s.gold(), predicted, label), Counts::plus);
      }
    }
    List<Row> rows = new ArrayList<>();
    Counts all = Counts.ZERO;
    for (Map.Entry<String, Counts> e : counts.entrySet()) {
      rows.add(new Row(corpus, system, e.getKey(), e.getValue()));
      all = all.plus(e.getValue());
    }
    rows.add(new Row(corpus, system, "all", all));
    return rows;
  }

  /**
   * Where {@code reader} goes wrong on {@code sentences}, for finding what to mend: per sentence
   * with an error, its text, the mentions read (name and type) and one line per gold relation of
   * {@code evaluated} it misses ("missed") and per prediction that finds none ("wrong"), each end
   * shown as its words.
   */
  public static List<String> errors(
      List<LabelledSentence> sentences,
      Function<String, Extraction> reader,
      Function<Extraction, List<GoldPair>> labels,
      List<String> evaluated) {
    List<String> out = new ArrayList<>();
    for (LabelledSentence s : sentences) {
      Extraction x = reader.apply(s.text());
      List<GoldPair> predicted = labels.apply(x);
      List<String> lines = new ArrayList<>();
      for (String label : evaluated) {
        List<GoldPair> g = s.gold().stream().filter(p -> p.label().equals(label)).toList();
        List<GoldPair> p =
            predicted.stream().filter(q -> q.label().equals(label)).distinct().toList();
        boolean[] found = new boolean[g.size()];
        for (GoldPair prediction : p) {
          boolean right = false;
          for (int i = 0; i < g.size(); i++) {
            if (!found[i] && prediction.finds(g.get(i))) {
              found[i] = true;
              right = true;
              break;
            }
          }
          if (!right) {
            lines.add("  wrong  " + shown(s.text(), prediction));
          }
        }
        for (int i = 0; i < g.size(); i++) {
          if (!found[i]) {
            lines.add("  missed " + shown(s.text(), g.get(i)));
          }
        }
      }
      if (!lines.isEmpty()) {
        out.add(s.text());
        out.add(
            "  mentions: "
                + String.join(
                    "; ", x.mentions().stream().map(m -> m.name() + "/" + m.type()).toList()));
        out.addAll(lines);
      }
    }
    return out;
  }

  private static String shown(String text, GoldPair p) {
    return p.label()
        + " ["
        + text.substring(p.headStart(), p.headEnd())
        + "] -> ["
        + text.substring(p.tailStart(), p.tailEnd())
        + "]";
  }

  /** A plain-text table of {@code rows}. */
  public static String render(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "  %-10s %-20s %-22s %6s %6s %6s %6s %6s %6s%n",
            "corpus",
            "system",
            "label",
            "gold",
            "pred",
            "found",
            "P",
            "R",
            "F1"));
    for (Row r : rows) {
      Counts c = r.counts();
      out.append(
          String.format(
              Locale.ROOT,
              "  %-10s %-20s %-22s %6d %6d %6d %6.3f %6.3f %6.3f%n",
              r.corpus(),
              r.system(),
              r.label(),
              c.gold(),
              c.predicted(),
              c.matched(),
              c.precision(),
              c.recall(),
              c.f1()));
    }
    return out.toString();
  }
}
