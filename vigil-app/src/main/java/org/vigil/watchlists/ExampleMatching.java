/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.lists.ListEntry;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;

/**
 * Query by example against the lists in force: an entity described by its schema, names, birth date
 * and country is screened under each of its names, and the list entries that come close are
 * answered once each, best first, under their store ids ({@link SanctionsLists#storeId}). The
 * screening front door behind the yente-compatible {@code /match} and the reconciliation API.
 *
 * <p>Thread-safe: it holds only the process's {@link ListScreening}.
 */
public final class ExampleMatching {
  /** The name of every list in force together, as yente's "default" collection. */
  public static final String ALL_LISTS = "default";

  /** At most this many names of one example are screened. */
  public static final int MAX_NAMES = 10;

  private final ListScreening screening;

  public ExampleMatching(ListScreening screening) {
    this.screening = requireNonNull(screening, "screening");
  }

  /**
   * An entity to look for.
   *
   * @param schema its FtM schema when known
   * @param names its names, 1 to {@value #MAX_NAMES}
   */
  public record Example(
      Optional<Schema> schema,
      List<String> names,
      Optional<PartialDate> birthDate,
      Optional<String> country) {
    public Example {
      requireNonNull(schema, "schema");
      names = List.copyOf(names);
      requireNonNull(birthDate, "birthDate");
      requireNonNull(country, "country");
      if (names.isEmpty()) {
        throw new InvalidValueException("an example needs a name");
      }
      if (names.size() > MAX_NAMES) {
        throw new InvalidValueException(
            "an example has " + names.size() + " names; the limit is " + MAX_NAMES);
      }
    }
  }

  /**
   * How to answer.
   *
   * @param datasets the dataset keys ("un-sc", ...) to answer from; empty for every list
   * @param excluded dataset keys never to answer from
   * @param excludedSchemata FtM schema names never to answer
   * @param limit at most this many candidates, 1 to {@value ScreeningQuery#MAX_LIMIT}
   * @param cutoff the lowest score a candidate may have to be answered at all
   * @param threshold the lowest score of a candidate said to match
   */
  public record Options(
      Set<String> datasets,
      Set<String> excluded,
      Set<String> excludedSchemata,
      int limit,
      double cutoff,
      double threshold) {
    public Options {
      datasets = Set.copyOf(datasets);
      excluded = Set.copyOf(excluded);
      excludedSchemata = Set.copyOf(excludedSchemata);
      if (limit < 1 || limit > ScreeningQuery.MAX_LIMIT) {
        throw new InvalidValueException(
            "limit " + limit + " is outside 1-" + ScreeningQuery.MAX_LIMIT);
      }
      for (double v : new double[] {cutoff, threshold}) {
        if (!(v >= 0.0 && v <= 1.0)) {
          throw new InvalidValueException("a threshold of " + v + " is outside [0, 1]");
        }
      }
    }
  }

  /**
   * A list entry that may be the example.
   *
   * @param id the entry's store id ("un-sc-QDi.123")
   * @param datasetKey the list's key, such as "un-sc"
   * @param queried the example's name that came closest
   * @param match the screening match of that name, with its explanation
   * @param matches whether its score reaches the options' threshold
   */
  public record Candidate(
      String id,
      String datasetKey,
      ListEntry entry,
      String queried,
      ScreeningMatch match,
      boolean matches) {
    public Candidate {
      requireNonNull(id, "id");
      requireNonNull(datasetKey, "datasetKey");
      requireNonNull(entry, "entry");
      requireNonNull(queried, "queried");
      requireNonNull(match, "match");
    }
  }

  /** The list keys in force ("ofac-sdn", "un-sc", ...), in the order of the releases. */
  public List<String> datasetKeys() {
    return current().releases().stream().map(ReleaseManifest::datasetKey).distinct().toList();
  }

  /** Whether {@code name} is {@value #ALL_LISTS} or the key of a list in force. */
  public boolean knows(String name) {
    return ALL_LISTS.equals(name) || datasetKeys().contains(name);
  }

  /**
   * The candidates for {@code example} from {@code collection} ({@value #ALL_LISTS} or a dataset
   * key), best first.
   *
   * @throws InvalidValueException when a name is not a valid screening name
   */
  public List<Candidate> match(String collection, Example example, Options options) {
    requireNonNull(collection, "collection");
    requireNonNull(example, "example");
    requireNonNull(options, "options");
    ListScreening.Built built = current();
    Map<String, String> keyOf = new HashMap<>();
    for (ReleaseManifest m : built.releases()) {
      keyOf.put(m.dataset(), m.datasetKey());
    }
    boolean filtered =
        !ALL_LISTS.equals(collection)
            || !options.datasets().isEmpty()
            || !options.excluded().isEmpty()
            || !options.excludedSchemata().isEmpty();
    // A filter is applied after screening, so a filtered query asks for every match it may keep.
    int asked = filtered ? ScreeningQuery.MAX_LIMIT : options.limit();
    double cutoff = Math.min(options.cutoff(), options.threshold());
    Map<String, Candidate> best = new LinkedHashMap<>();
    for (String name : example.names()) {
      ScreeningQuery query =
          new ScreeningQuery(
              name, example.schema(), example.birthDate(), example.country(), asked, cutoff);
      for (ScreeningMatch m : built.screener().screen(query).matches()) {
        String key = keyOf.getOrDefault(m.dataset(), SanctionsLists.datasetPrefix(m.dataset()));
        if (!ALL_LISTS.equals(collection) && !collection.equals(key)
            || !options.datasets().isEmpty() && !options.datasets().contains(key)
            || options.excluded().contains(key)
            || options.excludedSchemata().contains(m.schema().ftmName())) {
          continue;
        }
        String id = SanctionsLists.storeId(m.dataset(), m.entityId());
        Candidate known = best.get(id);
        if (known == null || known.match().score() < m.score()) {
          Optional<ListEntry> entry = built.screener().entry(m.dataset(), m.entityId());
          if (entry.isPresent()) {
            best.put(
                id, new Candidate(id, key, entry.get(), name, m, m.score() >= options.threshold()));
          }
        }
      }
    }
    return best.values().stream()
        .sorted(
            Comparator.comparingDouble((Candidate c) -> c.match().score())
                .reversed()
                .thenComparing(Candidate::id))
        .limit(options.limit())
        .toList();
  }

  /** A listed entity found by its store id, with the key of its list. */
  public record Listed(String id, String datasetKey, String dataset, ListEntry entry) {
    public Listed {
      requireNonNull(id, "id");
      requireNonNull(datasetKey, "datasetKey");
      requireNonNull(dataset, "dataset");
      requireNonNull(entry, "entry");
    }
  }

  /** The listed entities of the lists in force by their store ids, those that exist, in order. */
  public List<Listed> find(List<String> ids) {
    ListScreening.Built built = current();
    Map<String, Listed> byId = index(built);
    List<Listed> out = new ArrayList<>();
    for (String id : ids) {
      Optional.ofNullable(byId.get(id)).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Listed entities of {@code collection} ({@value #ALL_LISTS} or a dataset key) one of whose names
   * starts with {@code prefix} (compared case-blind), by primary name, from the {@code skip}-th, at
   * most {@code limit}: what a spreadsheet's auto-complete offers.
   */
  public List<Listed> suggest(String collection, String prefix, int skip, int limit) {
    String wanted = prefix.strip().toLowerCase(Locale.ROOT);
    if (wanted.isEmpty()) {
      return List.of();
    }
    return index(current()).values().stream()
        .filter(l -> ALL_LISTS.equals(collection) || collection.equals(l.datasetKey()))
        .filter(
            l ->
                l.entry().allNames().stream()
                    .anyMatch(n -> n.toLowerCase(Locale.ROOT).startsWith(wanted)))
        .sorted(Comparator.comparing((Listed l) -> l.entry().name()).thenComparing(Listed::id))
        .skip(skip)
        .limit(limit)
        .toList();
  }

  private final Map<String, Map<String, Listed>> indexes =
      new java.util.concurrent.ConcurrentHashMap<>();

  // One index per screener built; an old one is dropped when the lists change.
  private Map<String, Listed> index(ListScreening.Built built) {
    Map<String, Listed> known = indexes.get(built.fingerprint());
    if (known != null) {
      return known;
    }
    Map<String, String> keyOf = new HashMap<>();
    for (ReleaseManifest m : built.releases()) {
      keyOf.put(m.dataset(), m.datasetKey());
    }
    Map<String, Listed> byId = new LinkedHashMap<>();
    built
        .screener()
        .forEachEntry(
            (dataset, entryId) ->
                built
                    .screener()
                    .entry(dataset, entryId)
                    .ifPresent(
                        e -> {
                          String id = SanctionsLists.storeId(dataset, entryId);
                          byId.putIfAbsent(
                              id,
                              new Listed(
                                  id,
                                  keyOf.getOrDefault(
                                      dataset, SanctionsLists.datasetPrefix(dataset)),
                                  dataset,
                                  e));
                        }));
    Map<String, Listed> frozen = java.util.Collections.unmodifiableMap(byId);
    indexes.clear();
    indexes.put(built.fingerprint(), frozen);
    return frozen;
  }

  private ListScreening.Built current() {
    return screening.current();
  }
}
