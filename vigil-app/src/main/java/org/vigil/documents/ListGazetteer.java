/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.extract.Extractor;
import org.vigil.extract.Gazetteer;
import org.vigil.extract.GazetteerEntry;
import org.vigil.lists.Alias;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListRelease;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.Schema;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;

/**
 * The names of the loaded sanctions lists as a gazetteer, so that extraction finds a designated
 * organisation by any of its listed names and reads it as the list's entity. Organisations and
 * legal entities come with their names and strong aliases; people only by names of three words or
 * more ("Naji Ibrahim Sharifi-Zindashti"), since two common words name too many people. Names a
 * list writes in capitals are written as names ("BANK MELLI IRAN" as "Bank Melli Iran"), and
 * "SURNAME, Given" is turned round.
 */
public final class ListGazetteer {
  private static final Logger LOG = LoggerFactory.getLogger(ListGazetteer.class);
  private static final Set<Schema> ORGANISATIONS =
      Set.of(Schema.ORGANIZATION, Schema.LEGAL_ENTITY, Schema.COMPANY, Schema.PUBLIC_BODY);
  private static final int MIN_PERSON_WORDS = 3;
  private static final int MIN_NAME_LETTERS = 4;

  private ListGazetteer() {}

  /** The gazetteer of {@code releases}; its version names the releases' checksums. */
  public static Gazetteer of(List<ListRelease> releases) {
    List<GazetteerEntry> entries = new ArrayList<>();
    StringBuilder version = new StringBuilder("lists");
    for (ListRelease release : releases) {
      version.append(':').append(release.sha256(), 0, Math.min(12, release.sha256().length()));
      for (ListEntry entry : release.entries()) {
        boolean person = entry.schema() == Schema.PERSON;
        if (!person && !ORGANISATIONS.contains(entry.schema())) {
          continue;
        }
        Set<String> names = new LinkedHashSet<>();
        List<String> written = new ArrayList<>();
        written.add(entry.name());
        for (Alias alias : entry.aliases()) {
          if (!alias.weak()) {
            written.add(alias.name());
          }
        }
        for (String name : written) {
          String usable = asWritten(name, person);
          if (precise(usable, person)) {
            names.add(usable);
          }
        }
        if (names.isEmpty()) {
          continue;
        }
        List<String> all = new ArrayList<>(names);
        entries.add(
            new GazetteerEntry(
                SanctionsLists.storeId(release.dataset(), entry.id()),
                entry.schema(),
                all.get(0),
                all.subList(1, all.size())));
      }
    }
    return Gazetteer.of(version.toString(), "gazetteer:lists", entries);
  }

  /**
   * The standard extractor, with the names of the current releases of {@code library} when any is
   * loaded. A library that cannot be read gives the standard extractor and a warning.
   */
  public static Extractor extractor(ListLibrary library) {
    Extractor standard = Extractor.standard();
    try {
      List<ListRelease> releases = library.readCurrent();
      return releases.isEmpty() ? standard : standard.withListNames(of(releases));
    } catch (IOException | RuntimeException e) {
      LOG.warn("extracting without the lists' names: {}", e.getMessage());
      return standard;
    }
  }

  /**
   * The standard extractor, with the names of the current lists of {@code screening} when it has a
   * library.
   */
  public static Extractor extractor(ListScreening screening) {
    return screening.library().map(ListGazetteer::extractor).orElseGet(Extractor::standard);
  }

  /** "SHARIFI-ZINDASHTI, Naji Ibrahim" as "Naji Ibrahim Sharifi-Zindashti". */
  static String asWritten(String name, boolean person) {
    String n = name.strip().replaceAll("\\s+", " ");
    int comma = n.indexOf(", ");
    if (person && comma > 0 && n.indexOf(',', comma + 1) < 0) {
      n = n.substring(comma + 2) + " " + n.substring(0, comma);
    }
    StringBuilder out = new StringBuilder();
    for (String word : n.split(" ")) {
      if (out.length() > 0) {
        out.append(' ');
      }
      boolean capitals = word.chars().noneMatch(Character::isLowerCase);
      boolean acronym = capitals && word.length() <= 5 && n.split(" ").length == 1;
      out.append(capitals && !acronym ? titleCase(word) : word);
    }
    return out.toString();
  }

  private static String titleCase(String word) {
    StringBuilder out = new StringBuilder(word.length());
    boolean start = true;
    for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : c);
      start = c == '-' || c == '\'' || c == '’' || c == '.' || c == '(';
    }
    return out.toString();
  }

  private static boolean precise(String name, boolean person) {
    long letters = name.chars().filter(Character::isLetter).count();
    if (letters < MIN_NAME_LETTERS && !isAcronym(name)) {
      return false;
    }
    String[] words = name.split(" ");
    if (person) {
      return words.length >= MIN_PERSON_WORDS;
    }
    return words.length >= 2 || isAcronym(name) || letters >= 6;
  }

  private static boolean isAcronym(String name) {
    return name.length() >= 3
        && name.chars().noneMatch(Character::isLowerCase)
        && name.chars().anyMatch(Character::isUpperCase);
  }
}
