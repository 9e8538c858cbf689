/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.Schema;

/**
 * Finds the names of known entities in text, all at once (Aho–Corasick). Acronyms match only in
 * capitals ("MOIS", not "mois"); other names match in any case but must start with a capital, so
 * "treasury" in running text is not the US Treasury, unless the dictionary itself writes the name
 * in lower case ("al-Qaida"), which then matches as written. A match must stand between word
 * boundaries; a possessive ("MOIS’s") or a hyphenated compound ("MOIS-orchestrated") still matches.
 * Where matches overlap, the leftmost longest wins.
 *
 * <p>Immutable and safe for concurrent use.
 */
public final class Gazetteer {
  private static final String DOMAIN_DICTIONARY = "domain-dictionary.tsv";

  private final String version;
  private final String extractor;
  private final List<GazetteerEntry> entries;
  private final List<Integer> caseSensitiveOwner = new ArrayList<>();
  private final List<Integer> foldedOwner = new ArrayList<>();
  private final AhoCorasick caseSensitive;
  private final AhoCorasick folded;
  private final Map<String, GazetteerEntry> byFoldedName = new HashMap<>();
  private final java.util.Set<String> lowerCaseNames = new java.util.HashSet<>();

  private Gazetteer(String version, String extractor, List<GazetteerEntry> entries) {
    this.version = version;
    this.extractor = extractor;
    this.entries = List.copyOf(entries);
    List<String> exactKeys = new ArrayList<>();
    List<String> foldedKeys = new ArrayList<>();
    for (int e = 0; e < this.entries.size(); e++) {
      for (String name : this.entries.get(e).allNames()) {
        byFoldedName.putIfAbsent(fold(name), this.entries.get(e));
        if (GazetteerEntry.isAcronym(name)) {
          exactKeys.add(name);
          caseSensitiveOwner.add(e);
        } else {
          if (Character.isLowerCase(name.charAt(0))) {
            lowerCaseNames.add(name);
          }
          foldedKeys.add(fold(name));
          foldedOwner.add(e);
        }
      }
    }
    this.caseSensitive = new AhoCorasick(exactKeys);
    this.folded = new AhoCorasick(foldedKeys);
  }

  /** A gazetteer of the given entries, such as names from loaded sanctions lists. */
  public static Gazetteer of(String version, List<GazetteerEntry> entries) {
    return new Gazetteer(version, "gazetteer", entries);
  }

  /**
   * A gazetteer of the given entries whose mentions name {@code extractor} as what found them, such
   * as "gazetteer:lists".
   */
  public static Gazetteer of(String version, String extractor, List<GazetteerEntry> entries) {
    return new Gazetteer(version, extractor, entries);
  }

  /** The curated domain dictionary that ships with Vigil. */
  public static Gazetteer domain() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(DOMAIN_DICTIONARY)) {
      if (in == null) {
        throw new IllegalStateException("the domain dictionary is missing from the class path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the domain dictionary", e);
    }
  }

  /**
   * Reads a dictionary: tab-separated id, FtM schema, name and |-separated variants; lines that
   * start with # are comments, and "# version" TAB value names the version. The caller closes the
   * stream.
   */
  public static Gazetteer read(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String version = "unversioned";
    List<GazetteerEntry> entries = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.startsWith("# version\t")) {
        version = line.substring("# version\t".length()).strip();
        continue;
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < 3) {
        throw new IllegalArgumentException("dictionary line " + number + " has too few columns");
      }
      List<String> variants = new ArrayList<>();
      if (cols.length > 3) {
        for (String v : cols[3].split("\\|")) {
          if (!v.isBlank()) {
            variants.add(v.strip());
          }
        }
      }
      entries.add(
          new GazetteerEntry(
              cols[0].strip(), Schema.expect(cols[1].strip()), cols[2].strip(), variants));
    }
    return new Gazetteer(version, "gazetteer", entries);
  }

  public String version() {
    return version;
  }

  public List<GazetteerEntry> entries() {
    return entries;
  }

  /** The entry one of whose names is {@code name}, case aside. */
  public Optional<GazetteerEntry> lookup(String name) {
    return Optional.ofNullable(byFoldedName.get(fold(name.strip())));
  }

  /** Every known name in {@code text}, in text order, none overlapping. */
  public List<Mention> find(String text) {
    List<Candidate> candidates = new ArrayList<>();
    for (AhoCorasick.Hit hit : caseSensitive.find(text)) {
      candidates.add(new Candidate(caseSensitiveOwner.get(hit.key()), hit.start(), hit.end()));
    }
    for (AhoCorasick.Hit hit : folded.find(fold(text))) {
      // A name starting in lower case is a word unless the dictionary writes it so; scripts
      // without case (Persian, Arabic) have no capital to tell a name by.
      if (!Character.isLowerCase(text.charAt(hit.start()))
          || lowerCaseNames.contains(text.substring(hit.start(), hit.end()))) {
        candidates.add(new Candidate(foldedOwner.get(hit.key()), hit.start(), hit.end()));
      }
    }
    candidates.removeIf(c -> !atWordBoundaries(text, c.start, c.end));
    candidates.sort(
        Comparator.comparingInt(Candidate::start)
            .thenComparing(Comparator.comparingInt(Candidate::length).reversed()));
    List<Mention> mentions = new ArrayList<>();
    int covered = 0;
    for (Candidate c : candidates) {
      if (c.start < covered) {
        continue;
      }
      GazetteerEntry entry = entries.get(c.entry);
      mentions.add(
          new Mention(
              text.substring(c.start, c.end),
              entry.schema() == Schema.PERSON ? MentionType.PERSON : MentionType.ORGANIZATION,
              c.start,
              c.end,
              entry.id(),
              Optional.of(entry.schema()),
              Optional.of(entry.name()),
              extractor,
              0.95));
      covered = c.end;
    }
    return mentions;
  }

  private record Candidate(int entry, int start, int end) {
    int length() {
      return end - start;
    }
  }

  private static boolean atWordBoundaries(String text, int start, int end) {
    boolean before = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
    boolean after = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
    return before && after;
  }

  /** Lower-cases char by char, so that offsets in the folded text are offsets in the original. */
  static String fold(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = chars[i] == '’' ? '\'' : Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }
}
