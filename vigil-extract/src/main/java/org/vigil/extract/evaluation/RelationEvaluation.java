/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.vigil.extract.AttackRoles;
import org.vigil.extract.Extractor;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.model.Schema;

/**
 * Relation and event quality: Vigil's relations against re3d's gold relations mapped to FtM edges,
 * and its attack role fillers against MUC-4's templates.
 *
 * <p>re3d: BelongsTo between a person or organisation and an organisation is a Membership (an
 * Employment without a leading role counts as one too); InChargeOf between a person or organisation
 * and an organisation is an Employment with a leading role ("leader", "chief of", "minister of",
 * ...). A predicted relation finds a gold one of its kind when both ends overlap the gold ends;
 * each gold relation is found at most once.
 *
 * <p>MUC-4: for each document and role, a predicted filler finds a gold entity when it equals one
 * of the entity's written forms (exact), or when one contains the other as whole words (overlap);
 * each gold entity is found at most once.
 */
public final class RelationEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ACTORS = Set.of("Person", "Organisation");
  private static final Pattern LEADING_ROLE =
      Pattern.compile(
          "\\b(?:leader|head|chief|commander|director|minister|founder|secretary|president"
              + "|spokesman)\\b");
  private static final Map<String, AttackRoles.Role> MUC_ROLES =
      Map.of(
          "PerpInd", AttackRoles.Role.PERPETRATOR_INDIVIDUAL,
          "PerpOrg", AttackRoles.Role.PERPETRATOR_ORGANIZATION,
          "Target", AttackRoles.Role.TARGET,
          "Victim", AttackRoles.Role.VICTIM,
          "Weapon", AttackRoles.Role.WEAPON);

  private final Path shared;

  /** An evaluation over the corpora under {@code shared} (nlp/re3d, nlp/muc4). */
  public RelationEvaluation(Path shared) {
    this.shared = requireNonNull(shared, "shared");
  }

  private Path re3d() {
    return shared.resolve("nlp").resolve("re3d");
  }

  private Path muc4() {
    return shared.resolve("nlp").resolve("muc4").resolve("test.json");
  }

  /** Whether any corpus is there. */
  public boolean available() throws IOException {
    return !Re3dCorpus.sources(re3d()).isEmpty() || Files.isRegularFile(muc4());
  }

  /** One line of the report: what was scored, how, and its counts. */
  public record Row(String corpus, String what, MatchMode mode, Counts counts) {
    public Row {
      requireNonNull(corpus, "corpus");
      requireNonNull(what, "what");
      requireNonNull(mode, "mode");
      requireNonNull(counts, "counts");
    }
  }

  /** The rows, re3d's first. */
  public record Report(List<Row> rows, int re3dDocuments, int re3dTestDocuments, int mucDocuments) {
    public Report {
      rows = List.copyOf(rows);
    }

    public Row row(String corpus, String what, MatchMode mode) {
      return rows.stream()
          .filter(r -> r.corpus().equals(corpus) && r.what().equals(what) && r.mode() == mode)
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no row " + corpus + " " + what));
    }

    /** A plain-text table. */
    public String render() {
      StringBuilder out = new StringBuilder();
      String corpus = "";
      for (Row r : rows) {
        if (!r.corpus().equals(corpus)) {
          corpus = r.corpus();
          int documents =
              switch (corpus) {
                case "re3d" -> re3dDocuments;
                case RE3D_TEST, RE3D_TEST_GIVEN -> re3dTestDocuments;
                case MUC_DEV, MUC_TEST -> -1;
                default -> mucDocuments;
              };
          out.append(
              String.format(
                  Locale.ROOT,
                  "%n%s%s%n  %-44s %-7s %6s %6s %6s %6s %6s %6s%n",
                  corpus,
                  documents < 0 ? "" : " (" + documents + " documents)",
                  "what",
                  "match",
                  "gold",
                  "pred",
                  "found",
                  "P",
                  "R",
                  "F1"));
        }
        Counts c = r.counts();
        out.append(
            String.format(
                Locale.ROOT,
                "  %-44s %-7s %6d %6d %6d %6.3f %6.3f %6.3f%n",
                r.what(),
                r.mode().name().toLowerCase(Locale.ROOT),
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

  /** Runs {@code extractor} over every document there. */
  public Report run(Extractor extractor) throws IOException {
    return run(extractor, true, true);
  }

  /** Runs {@code extractor} over re3d's documents, MUC-4's, or both. */
  public Report run(Extractor extractor, boolean withRe3d, boolean withMuc) throws IOException {
    List<Row> rows = new ArrayList<>();
    int re3dDocuments = 0;
    int re3dTestDocuments = 0;
    Map<String, Counts> re3d = new LinkedHashMap<>();
    Map<String, Counts> re3dTest = new LinkedHashMap<>();
    for (String kind : List.of(MEMBERSHIP, LEADING, ANY)) {
      re3d.put(kind, Counts.ZERO);
      re3dTest.put(kind, Counts.ZERO);
    }
    for (Path source : withRe3d ? Re3dCorpus.sources(re3d()) : List.<Path>of()) {
      for (Re3dDocument d : Re3dCorpus.read(source)) {
        re3dDocuments++;
        re3dTestDocuments += d.development() ? 0 : 1;
        List<Relation> predicted = extractor.extract(d.document().text()).relations();
        for (String kind : List.of(MEMBERSHIP, LEADING, ANY)) {
          Counts c = scoreRelations(kind, d.relations(), predicted);
          re3d.merge(kind, c, Counts::plus);
          if (!d.development()) {
            re3dTest.merge(kind, c, Counts::plus);
          }
        }
      }
    }
    if (re3dDocuments > 0) {
      re3d.forEach((k, v) -> rows.add(new Row("re3d", k, MatchMode.OVERLAP, v)));
      // The relation model trains on the development half: its figure is the test half's.
      re3dTest.forEach((k, v) -> rows.add(new Row(RE3D_TEST, k, MatchMode.OVERLAP, v)));
    }
    int mucDocuments = 0;
    if (withMuc && Files.isRegularFile(muc4())) {
      List<JsonNode> docs = mucDocuments(muc4());
      mucDocuments = docs.size();
      rows.addAll(mucRows("MUC-4", docs, AttackRoles::find));
      if (DependencyParser.isAvailable()) {
        EventRuleFillers rules = new EventRuleFillers(DependencyParser.shared());
        Map<String, List<AttackRoles.Filler>> read = new HashMap<>();
        Function<String, List<AttackRoles.Filler>> once = t -> read.computeIfAbsent(t, rules::find);
        rows.addAll(mucRows("MUC-4 event rules", docs, once));
        rows.addAll(mucRows(MUC_DEV, half(docs, MUC_DEV_PREFIX, true), once));
        rows.addAll(mucRows(MUC_TEST, half(docs, MUC_DEV_PREFIX, false), once));
      }
    }
    return new Report(rows, re3dDocuments, re3dTestDocuments, mucDocuments);
  }

  /**
   * re3d's test half with its gold entities given ({@link Extractor#readAmong}): re3d, like DocRED,
   * defines relation extraction over annotated entities, many of them descriptions ("coalition
   * forces", "senior Iraqi officials"), so this measures the reading of relations alone. Every gold
   * Person, Organisation and Location is a mention; a gold end of another type (a weapon, a
   * platform) is none, as in {@link #run}, whose scoring counts only people and organisations in an
   * organisation.
   */
  public Report runGiven(Extractor extractor) throws IOException {
    Map<String, Counts> counts = new LinkedHashMap<>();
    for (String kind : List.of(MEMBERSHIP, LEADING, ANY)) {
      counts.put(kind, Counts.ZERO);
    }
    int documents = 0;
    for (Path source : Re3dCorpus.sources(re3d())) {
      for (Re3dDocument d : Re3dCorpus.read(source)) {
        if (d.development()) {
          continue;
        }
        documents++;
        String text = d.document().text();
        List<Mention> given = new ArrayList<>();
        for (TypedSpan e : d.document().entities()) {
          MentionType type =
              switch (e.type()) {
                case PERSON -> MentionType.PERSON;
                case ORGANISATION -> MentionType.ORGANIZATION;
                case LOCATION -> MentionType.LOCATION;
              };
          given.add(SentenceCorpora.given(text, e.start(), e.end(), type));
        }
        List<Relation> predicted = extractor.readAmong(text, given).relations();
        for (String kind : List.of(MEMBERSHIP, LEADING, ANY)) {
          counts.merge(kind, scoreRelations(kind, d.relations(), predicted), Counts::plus);
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach((k, v) -> rows.add(new Row(RE3D_TEST_GIVEN, k, MatchMode.OVERLAP, v)));
    return new Report(rows, 0, documents, 0);
  }

  /** MUC-4's rows for one system of role fillers: each role, then all roles, in both modes. */
  private static List<Row> mucRows(
      String corpus, List<JsonNode> docs, Function<String, List<AttackRoles.Filler>> system) {
    Map<MatchMode, Map<AttackRoles.Role, Counts>> muc = new EnumMap<>(MatchMode.class);
    for (MatchMode mode : MatchMode.values()) {
      Map<AttackRoles.Role, Counts> byRole = new EnumMap<>(AttackRoles.Role.class);
      for (AttackRoles.Role role : AttackRoles.Role.values()) {
        byRole.put(role, Counts.ZERO);
      }
      muc.put(mode, byRole);
    }
    for (JsonNode doc : docs) {
      List<AttackRoles.Filler> fillers = system.apply(doc.path("doctext").asText());
      for (Map.Entry<String, AttackRoles.Role> role : MUC_ROLES.entrySet()) {
        List<List<String>> gold = new ArrayList<>();
        for (JsonNode entity : doc.path("extracts").path(role.getKey())) {
          List<String> forms = new ArrayList<>();
          for (JsonNode mention : entity) {
            forms.add(normalise(mention.path(0).asText()));
          }
          gold.add(forms);
        }
        List<String> predicted =
            fillers.stream()
                .filter(f -> f.role() == role.getValue())
                .map(f -> normalise(f.text()))
                .distinct()
                .toList();
        for (MatchMode mode : MatchMode.values()) {
          muc.get(mode).merge(role.getValue(), scoreFillers(gold, predicted, mode), Counts::plus);
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (MatchMode mode : MatchMode.values()) {
      Counts all = Counts.ZERO;
      for (AttackRoles.Role role : AttackRoles.Role.values()) {
        Counts c = muc.get(mode).get(role);
        all = all.plus(c);
        rows.add(new Row(corpus, label(role), mode, c));
      }
      rows.add(new Row(corpus, "all roles", mode, all));
    }
    return rows;
  }

  /**
   * MUC-4's split for the event rules: its two test sets as published, TST3 (documents whose id
   * starts with TST3) to develop the rules on, TST4 never looked at while writing them.
   */
  static final String MUC_DEV_PREFIX = "TST3-";

  public static final String MUC_DEV = "MUC-4 event rules, development half (TST3)";
  public static final String MUC_TEST = "MUC-4 event rules, test half (TST4)";

  private static List<JsonNode> half(List<JsonNode> docs, String prefix, boolean development) {
    return docs.stream()
        .filter(d -> d.path("docid").asText().startsWith(prefix) == development)
        .toList();
  }

  /** The corpus name of re3d's test half with its gold entities given as the mentions. */
  public static final String RE3D_TEST_GIVEN = "re3d test half, gold mentions";

  /** The corpus name of re3d's test half, the documents the relation model never trains on. */
  public static final String RE3D_TEST = "re3d test half";

  static final String MEMBERSHIP = "BelongsTo as Membership";
  static final String LEADING = "InChargeOf as Employment (leading role)";
  static final String ANY = "either, kind aside";

  private static String label(AttackRoles.Role role) {
    return switch (role) {
      case PERPETRATOR_INDIVIDUAL -> "perpetrator individual";
      case PERPETRATOR_ORGANIZATION -> "perpetrator organisation";
      case TARGET -> "target";
      case VICTIM -> "victim";
      case WEAPON -> "weapon";
    };
  }

  static Counts scoreRelations(String kind, List<Re3dRelation> gold, List<Relation> predicted) {
    List<Re3dRelation> g =
        gold.stream()
            .filter(
                r ->
                    ACTORS.contains(r.source().entityType())
                        && r.target().entityType().equals("Organisation"))
            .filter(
                r ->
                    switch (kind) {
                      case MEMBERSHIP -> r.type().equals("BelongsTo");
                      case LEADING -> r.type().equals("InChargeOf");
                      default -> r.type().equals("BelongsTo") || r.type().equals("InChargeOf");
                    })
            .toList();
    List<Relation> p =
        predicted.stream()
            .filter(r -> r.schema() == Schema.MEMBERSHIP || r.schema() == Schema.EMPLOYMENT)
            .filter(
                r ->
                    switch (kind) {
                      case MEMBERSHIP -> !leading(r);
                      case LEADING -> leading(r);
                      default -> true;
                    })
            .toList();
    boolean[] used = new boolean[g.size()];
    int matched = 0;
    for (Relation r : p) {
      for (int j = 0; j < g.size(); j++) {
        Re3dRelation x = g.get(j);
        if (!used[j]
            && x.source().overlaps(r.source().start(), r.source().end())
            && x.target().overlaps(r.target().start(), r.target().end())) {
          used[j] = true;
          matched++;
          break;
        }
      }
    }
    return new Counts(g.size(), p.size(), matched);
  }

  private static boolean leading(Relation r) {
    return r.schema() == Schema.EMPLOYMENT
        && r.role().map(role -> LEADING_ROLE.matcher(role).find()).orElse(false);
  }

  static Counts scoreFillers(List<List<String>> gold, List<String> predicted, MatchMode mode) {
    boolean[] used = new boolean[gold.size()];
    int matched = 0;
    for (String p : predicted) {
      for (int j = 0; j < gold.size(); j++) {
        if (!used[j] && gold.get(j).stream().anyMatch(form -> same(form, p, mode))) {
          used[j] = true;
          matched++;
          break;
        }
      }
    }
    return new Counts(gold.size(), predicted.size(), matched);
  }

  private static boolean same(String gold, String predicted, MatchMode mode) {
    if (gold.equals(predicted)) {
      return true;
    }
    if (mode == MatchMode.EXACT) {
      return false;
    }
    String g = " " + gold + " ";
    String p = " " + predicted + " ";
    return g.contains(p) || p.contains(g);
  }

  static String normalise(String text) {
    String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    return t.startsWith("the ") ? t.substring(4) : t;
  }

  private static List<JsonNode> mucDocuments(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new IOException(file + " line " + number + ": not JSON: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }
}
