/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.lists.Alias;
import org.vigil.lists.Countries;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListRelease;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.names.NameMatcher;
import org.vigil.names.NameNormaliser;
import org.vigil.names.NamePart;
import org.vigil.names.Script;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;

/**
 * Computes screening quality from the files under a shared data directory, each part only when its
 * files are present: the name bench beside logic-v2's frozen scores, recall of yente's UN
 * positives, the false-positive rate of the validation negatives against SDN + UN + UK, and
 * cross-script recall between the UN list's Arabic-script and Latin names.
 */
public final class ScreeningEvaluation {

  /** Precision, recall and F1 at a threshold, with the confusion counts. */
  public record Classification(int tp, int fp, int fn, int tn, double threshold) {
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Recall at ranks 1 and 5 over queries whose true entry could be resolved. */
  public record Recall(int queries, int unresolved, int at1, int at5) {
    public double recallAt1() {
      return queries == 0 ? 0 : (double) at1 / queries;
    }

    public double recallAt5() {
      return queries == 0 ? 0 : (double) at5 / queries;
    }
  }

  /** Negatives that produced any match at or above the threshold. */
  public record FalsePositives(
      int queries, int withMatch, double threshold, List<String> examples) {
    public double rate() {
      return queries == 0 ? 0 : (double) withMatch / queries;
    }
  }

  /**
   * Recall of one script's queries of the UK cross-script development set against the list's
   * Latin-script entries: ranking (recall at 1 and 5) apart from blocking (whether the right entry
   * was among the candidates compared at all).
   *
   * @param script the queries' script as the set labels it (ARABIC, CYRILLIC, ...)
   * @param queries how many queries of that script
   * @param at1 right entry first
   * @param at5 right entry in the first five
   * @param candidates right entry among the candidates blocking handed to comparison
   * @param misses up to ten queries whose entry was not in the first five, for reading
   */
  public record ScriptRecall(
      String script, int queries, int at1, int at5, int candidates, List<String> misses) {
    public ScriptRecall {
      misses = List.copyOf(misses);
    }

    public double recallAt1() {
      return queries == 0 ? 0 : (double) at1 / queries;
    }

    public double recallAt5() {
      return queries == 0 ? 0 : (double) at5 / queries;
    }

    public double candidateRecall() {
      return queries == 0 ? 0 : (double) candidates / queries;
    }
  }

  /**
   * The name bench in two portions: a pair is held out when the hash of its two names (Java's
   * {@code String.hashCode} of name1, NUL, name2) is a multiple of four, about a quarter of the
   * pairs; the rest is the development portion that matcher changes are tuned on.
   */
  public record BenchSplit(Classification dev, Classification heldOut) {
    static boolean heldOut(String name1, String name2) {
      return Math.floorMod((name1 + "\u0000" + name2).hashCode(), 4) == 0;
    }
  }

  /** Everything measured; a part is empty when its files were missing. */
  public record Report(
      Optional<Classification> nameBench,
      Optional<Classification> nameBenchLogicV2,
      Optional<Recall> unClean,
      Optional<Recall> unTreated,
      Optional<FalsePositives> negatives,
      Optional<Recall> arabicToLatin,
      Optional<Recall> latinToArabic,
      List<ScriptRecall> ukDev,
      Optional<BenchSplit> nameBenchSplit) {

    public Report {
      ukDev = List.copyOf(ukDev);
    }

    /** The UK development set's figures for one script label, when that script was measured. */
    public Optional<ScriptRecall> ukDev(String script) {
      return ukDev.stream().filter(r -> r.script().equals(script)).findFirst();
    }

    /** A plain-text report, one figure per line. */
    public String render() {
      StringBuilder out = new StringBuilder();
      nameBench.ifPresent(c -> out.append(line("name bench (Vigil)", c)));
      nameBenchSplit.ifPresent(
          split -> {
            out.append(line("name bench dev portion, tuned on (Vigil)", split.dev()));
            out.append(line("name bench held-out portion (Vigil)", split.heldOut()));
          });
      nameBenchLogicV2.ifPresent(c -> out.append(line("name bench (logic-v2 frozen)", c)));
      unClean.ifPresent(r -> out.append(line("UN positives clean", r)));
      unTreated.ifPresent(r -> out.append(line("UN positives treated", r)));
      negatives.ifPresent(
          f ->
              out.append(
                  String.format(
                      Locale.ROOT,
                      "validation negatives vs SDN+UN+UK: FPR %.4f (%d of %d at %.2f)%n",
                      f.rate(),
                      f.withMatch(),
                      f.queries(),
                      f.threshold())));
      arabicToLatin.ifPresent(
          r -> out.append(line("UN Arabic-script queries -> Latin entries", r)));
      latinToArabic.ifPresent(
          r -> out.append(line("UN Latin queries -> Arabic-script entries", r)));
      for (ScriptRecall r : ukDev) {
        out.append(
            String.format(
                Locale.ROOT,
                "UK dev %s queries -> Latin entries: recall@1 %.3f recall@5 %.3f"
                    + " candidate recall %.3f (%d queries)%n",
                r.script(),
                r.recallAt1(),
                r.recallAt5(),
                r.candidateRecall(),
                r.queries()));
      }
      return out.toString();
    }

    private static String line(String what, Classification c) {
      return String.format(
          Locale.ROOT,
          "%s: P %.3f R %.3f F1 %.3f at %.2f (TP %d FP %d FN %d TN %d)%n",
          what,
          c.precision(),
          c.recall(),
          c.f1(),
          c.threshold(),
          c.tp(),
          c.fp(),
          c.fn(),
          c.tn());
    }

    private static String line(String what, Recall r) {
      return String.format(
          Locale.ROOT,
          "%s: recall@1 %.3f recall@5 %.3f (%d queries, %d unresolved)%n",
          what,
          r.recallAt1(),
          r.recallAt5(),
          r.queries(),
          r.unresolved());
    }
  }

  private final Path data;
  private final double threshold;

  public ScreeningEvaluation(Path sharedData, double threshold) {
    this.data = sharedData;
    this.threshold = threshold;
  }

  /** Runs every part whose files exist under the shared data directory. */
  public Report run() throws IOException {
    Path bench = data.resolve("matching/nomenklatura/name_bench_cases.csv");
    Path frozen = data.resolve("matching/nomenklatura/name_bench_logicv2-frozen.csv");
    Path un = data.resolve("lists/un/UN_consolidated_2026-02-27.xml");
    Path sdn = data.resolve("lists/ofac/sdn-json/ofac-sdn.json");
    Path uk = data.resolve("lists/uk/ConList-sample-2025-04-10.csv");
    Optional<Classification> nameBench = Optional.empty();
    Optional<BenchSplit> split = Optional.empty();
    if (Files.isRegularFile(bench)) {
      List<Map<String, String>> rows = readCsv(bench);
      nameBench = Optional.of(nameBench(rows));
      List<Map<String, String>> dev = new ArrayList<>();
      List<Map<String, String>> heldOut = new ArrayList<>();
      for (Map<String, String> row : rows) {
        (BenchSplit.heldOut(row.get("name1"), row.get("name2")) ? heldOut : dev).add(row);
      }
      split = Optional.of(new BenchSplit(nameBench(dev), nameBench(heldOut)));
    }
    Optional<Classification> logicV2 =
        Files.isRegularFile(frozen) ? Optional.of(frozen(frozen)) : Optional.empty();
    Optional<Recall> clean = Optional.empty();
    Optional<Recall> treated = Optional.empty();
    Optional<FalsePositives> negatives = Optional.empty();
    Optional<Recall> arabic = Optional.empty();
    Optional<Recall> latin = Optional.empty();
    if (Files.isRegularFile(un)) {
      ListRelease unRelease = SanctionsLists.read(un);
      Path untreated = data.resolve("matching/yente/cgb_positives_un_untreated.csv");
      Path treatedFile = data.resolve("matching/yente/cgb_positives_un_treated.csv");
      if (Files.isRegularFile(untreated) && Files.isRegularFile(treatedFile)) {
        Screener screener = Screener.build(List.of(unRelease));
        List<Map<String, String>> cleanRows = readCsv(untreated);
        List<Map<String, String>> treatedRows = readCsv(treatedFile);
        List<Set<String>> truth = resolve(cleanRows, unRelease);
        clean = Optional.of(recall(screener, cleanRows, truth));
        treated = Optional.of(recall(screener, treatedRows, truth));
      }
      arabic = Optional.of(crossScript(unRelease, true));
      latin = Optional.of(crossScript(unRelease, false));
      if (Files.isRegularFile(sdn) && Files.isRegularFile(uk)) {
        List<Path> files = new ArrayList<>();
        for (String name :
            List.of("validation_negatives_global.csv", "validation_negatives_us.csv")) {
          Path file = data.resolve("matching/yente/" + name);
          if (Files.isRegularFile(file)) {
            files.add(file);
          }
        }
        if (!files.isEmpty()) {
          Screener all =
              Screener.build(List.of(SanctionsLists.read(sdn), unRelease, SanctionsLists.read(uk)));
          negatives = Optional.of(negatives(all, files));
        }
      }
    }
    List<ScriptRecall> ukDev = List.of();
    Path devList = data.resolve("matching/uk-crossscript-dev/list.csv");
    Path devQueries = data.resolve("matching/uk-crossscript-dev/queries-dev.csv");
    if (Files.isRegularFile(devList) && Files.isRegularFile(devQueries)) {
      ukDev = ukDev(SanctionsLists.read(devList), readCsv(devQueries));
    }
    return new Report(nameBench, logicV2, clean, treated, negatives, arabic, latin, ukDev, split);
  }

  // Each non-Latin variant of the UK list as a query against the list's Latin-script names, with
  // the schema the list gives it; per script label, the scripts with most queries first.
  private static List<ScriptRecall> ukDev(ListRelease list, List<Map<String, String>> rows) {
    Screener screener = Screener.build(List.of(list));
    Map<String, int[]> counts = new java.util.TreeMap<>();
    Map<String, List<String>> misses = new HashMap<>();
    for (Map<String, String> row : rows) {
      String script = row.get("script");
      String expected = row.get("expected");
      int[] c = counts.computeIfAbsent(script, k -> new int[4]);
      ScreeningQuery query = ScreeningQuery.of(row.get("name")).withLimit(5).withThreshold(0);
      Optional<Schema> schema = Schema.find(row.get("schema"));
      if (schema.isPresent()) {
        query = query.withSchema(schema.get());
      }
      c[0]++;
      List<ScreeningMatch> matches = screener.screen(query).matches();
      int rank = -1;
      for (int i = 0; i < matches.size(); i++) {
        if (matches.get(i).entityId().equals(expected)) {
          rank = i;
          break;
        }
      }
      if (rank == 0) {
        c[1]++;
      }
      if (rank >= 0) {
        c[2]++;
      } else {
        List<String> m = misses.computeIfAbsent(script, k -> new ArrayList<>());
        if (m.size() < 10) {
          m.add(
              row.get("name")
                  + " ("
                  + expected
                  + ") -> "
                  + (matches.isEmpty() ? "nothing" : matches.get(0).describe()));
        }
      }
      if (screener.candidateEntryIds(query).contains(expected)) {
        c[3]++;
      }
    }
    return counts.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]))
        .map(
            e ->
                new ScriptRecall(
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1],
                    e.getValue()[2],
                    e.getValue()[3],
                    misses.getOrDefault(e.getKey(), List.of())))
        .toList();
  }

  /**
   * The person queries the evaluation screens, for benchmarks that time the screener on realistic
   * input: yente's UN positives (clean, then treated), then the validation negatives, each with its
   * birth date and nationality when given, limit 5 and this evaluation's threshold. Only the files
   * present are read; empty when none is.
   */
  public List<ScreeningQuery> queries() throws IOException {
    List<ScreeningQuery> out = new ArrayList<>();
    for (String name :
        List.of(
            "cgb_positives_un_untreated.csv",
            "cgb_positives_un_treated.csv",
            "validation_negatives_global.csv",
            "validation_negatives_us.csv")) {
      Path file = data.resolve("matching/yente/" + name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      for (Map<String, String> row : readCsv(file)) {
        try {
          out.add(query(row, 5).withThreshold(threshold));
        } catch (InvalidValueException e) {
          // a row that is no valid query (an empty name) is not a benchmark query either
        }
      }
    }
    return out;
  }

  private Classification nameBench(List<Map<String, String>> rows) {
    NameMatcher matcher = new NameMatcher();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    for (Map<String, String> row : rows) {
      Schema schema = Schema.find(row.get("schema")).orElse(Schema.LEGAL_ENTITY);
      double score = matcher.compare(row.get("name1"), row.get("name2"), schema).score();
      boolean truth = row.get("is_match").equals("true");
      boolean predicted = score >= threshold;
      if (truth && predicted) {
        tp++;
      } else if (truth) {
        fn++;
      } else if (predicted) {
        fp++;
      } else {
        tn++;
      }
    }
    return new Classification(tp, fp, fn, tn, threshold);
  }

  private static Classification frozen(Path file) throws IOException {
    int[] counts = new int[4];
    for (Map<String, String> row : readCsv(file)) {
      switch (row.get("outcome")) {
        case "TP" -> counts[0]++;
        case "FP" -> counts[1]++;
        case "FN" -> counts[2]++;
        default -> counts[3]++;
      }
    }
    return new Classification(counts[0], counts[1], counts[2], counts[3], 0.7);
  }

  // The UN entries a clean query names: same multiset of name parts, birth year agreeing if given.
  private static List<Set<String>> resolve(List<Map<String, String>> rows, ListRelease release) {
    NameNormaliser normaliser = new NameNormaliser();
    Map<String, Set<String>> byKey = new HashMap<>();
    for (ListEntry entry : release.entries()) {
      for (String name : entry.allNames()) {
        byKey
            .computeIfAbsent(sortedKey(normaliser, name, entry.schema()), k -> new TreeSet<>())
            .add(entry.id());
      }
    }
    List<Set<String>> truth = new ArrayList<>();
    for (Map<String, String> row : rows) {
      truth.add(
          byKey.getOrDefault(sortedKey(normaliser, row.get("full_name"), Schema.PERSON), Set.of()));
    }
    return truth;
  }

  private static String sortedKey(NameNormaliser normaliser, String name, Schema schema) {
    return String.join(
        " ",
        new TreeSet<>(
            normaliser.normalise(name, schema).parts().stream().map(NamePart::form).toList()));
  }

  private static Recall recall(
      Screener screener, List<Map<String, String>> rows, List<Set<String>> truth) {
    int queries = 0;
    int unresolved = 0;
    int at1 = 0;
    int at5 = 0;
    for (int i = 0; i < rows.size(); i++) {
      Set<String> expected = truth.get(i);
      if (expected.isEmpty()) {
        unresolved++;
        continue;
      }
      queries++;
      List<ScreeningMatch> matches = screener.screen(query(rows.get(i), 5)).matches();
      for (int rank = 0; rank < matches.size(); rank++) {
        if (expected.contains(matches.get(rank).entityId())) {
          if (rank == 0) {
            at1++;
          }
          at5++;
          break;
        }
      }
    }
    return new Recall(queries, unresolved, at1, at5);
  }

  private static ScreeningQuery query(Map<String, String> row, int limit) {
    ScreeningQuery query =
        ScreeningQuery.of(row.get("full_name")).withSchema(Schema.PERSON).withLimit(limit);
    String dob = row.getOrDefault("date_of_birth", "");
    if (!dob.isBlank()) {
      try {
        query = query.withBirthDate(PartialDate.parse(dob));
      } catch (InvalidValueException e) {
        // an unreadable date in a benchmark row is left out, as a user would leave it out
      }
    }
    Optional<String> country = Countries.code(row.getOrDefault("nationality", ""));
    if (country.isPresent()) {
      query = query.withCountry(country.get());
    }
    return limit == 5 ? query.withThreshold(0.0) : query;
  }

  private FalsePositives negatives(Screener screener, List<Path> files) throws IOException {
    int queries = 0;
    int withMatch = 0;
    List<String> examples = new ArrayList<>();
    for (Path file : files) {
      for (Map<String, String> row : readCsv(file)) {
        queries++;
        ScreeningQuery query = query(row, 1).withThreshold(threshold);
        List<ScreeningMatch> matches = screener.screen(query).matches();
        if (!matches.isEmpty()) {
          withMatch++;
          if (examples.size() < 20) {
            examples.add(row.get("full_name") + " -> " + matches.get(0).describe());
          }
        }
      }
    }
    return new FalsePositives(queries, withMatch, threshold, examples);
  }

  // Arabic-script names of UN entries as queries against the entries stripped of every
  // non-Latin name, or the Latin primary names against entries that keep only the Arabic name.
  private static Recall crossScript(ListRelease release, boolean arabicQueries) {
    List<ListEntry> withArabic =
        release.entries().stream()
            .filter(e -> e.aliases().stream().anyMatch(a -> a.script() == Script.ARABIC))
            .toList();
    Map<String, String> queries = new HashMap<>();
    ListRelease indexed;
    if (arabicQueries) {
      for (ListEntry e : withArabic) {
        queries.put(e.id(), arabicName(e));
      }
      indexed =
          release.map(
              e ->
                  withAliases(
                      e, e.aliases().stream().filter(a -> a.script() == Script.LATIN).toList()));
    } else {
      Set<String> ids = new LinkedHashSet<>();
      for (ListEntry e : withArabic) {
        queries.put(e.id(), e.name());
        ids.add(e.id());
      }
      indexed =
          release
              .filter(e -> ids.contains(e.id()))
              .map(
                  e ->
                      new ListEntry(
                          e.id(),
                          e.schema(),
                          arabicName(e),
                          List.of(),
                          e.birthDates(),
                          e.countries(),
                          e.programs(),
                          e.listingDate(),
                          e.authority(),
                          e.remarks()));
    }
    Screener screener = Screener.build(List.of(indexed));
    int at1 = 0;
    int at5 = 0;
    for (ListEntry e : withArabic) {
      ScreeningQuery query =
          ScreeningQuery.of(queries.get(e.id()))
              .withSchema(e.schema())
              .withLimit(5)
              .withThreshold(0);
      List<ScreeningMatch> matches = screener.screen(query).matches();
      for (int rank = 0; rank < matches.size(); rank++) {
        if (matches.get(rank).entityId().equals(e.id())) {
          if (rank == 0) {
            at1++;
          }
          at5++;
          break;
        }
      }
    }
    return new Recall(withArabic.size(), 0, at1, at5);
  }

  private static String arabicName(ListEntry e) {
    return e.aliases().stream()
        .filter(a -> a.script() == Script.ARABIC)
        .map(Alias::name)
        .findFirst()
        .orElseThrow();
  }

  private static ListEntry withAliases(ListEntry e, List<Alias> aliases) {
    return new ListEntry(
        e.id(),
        e.schema(),
        e.name(),
        aliases,
        e.birthDates(),
        e.countries(),
        e.programs(),
        e.listingDate(),
        e.authority(),
        e.remarks());
  }

  /**
   * A small CSV reader for the benchmark files: a header, quoted fields, no line breaks in them.
   */
  static List<Map<String, String>> readCsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Map<String, String>> rows = new ArrayList<>();
    if (lines.isEmpty()) {
      return rows;
    }
    List<String> header = fields(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> values = fields(line);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < values.size() ? values.get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          current.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }
}
