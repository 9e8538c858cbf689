/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.triage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.access.Organization;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.extract.Claim;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.Extraction;
import org.vigil.extract.Extractor;
import org.vigil.extract.Mention;
import org.vigil.extract.NameIdScope;
import org.vigil.extract.Relation;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.Entity;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;
import org.vigil.resolution.CrossReferencing;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;
import org.vigil.search.SearchQuery;
import org.vigil.store.Store;

/**
 * Triage of one opened tip, step by step: its language ({@link TipLanguage}); extraction with the
 * extractor documents use, under the tip line's organisation's name ids; the known entities its
 * names are read as or carry the names of, among those the organisation may read; the list entries
 * its people and organisations may match (entries the organisation may read); its group of copies
 * ({@link TipGroups}); signs of spam in the text. Safe for concurrent use if its extractor is.
 */
public final class TipTriager {
  /** The first characters read; a thread can be longer than one message. */
  static final int MAX_CHARS = 200_000;

  static final int MAX_NAMES = 50;
  static final int MAX_LINKS = 50;
  private static final int HITS_PER_NAME = 5;
  private static final int SPAM_LINKS = 5;
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

  private final Store store;
  private final Extractor extractor;
  private final Extractor namesOnly;
  private final Optional<Screener> screener;

  TipTriager(Store store, Extractor extractor, Optional<Screener> screener) {
    this.store = requireNonNull(store, "store");
    this.extractor = requireNonNull(extractor, "extractor");
    this.namesOnly = extractor.namesOnly();
    this.screener = requireNonNull(screener, "screener");
  }

  /** The part of a tip's text triage reads. */
  static String readPart(String text) {
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }

  /**
   * Triages the text of a tip of {@code org}'s tip line, in the group of copies {@code group}.
   * Persian and Arabic are read for the dictionary's and the lists' names only: the recogniser and
   * parser were made for English, and read nothing in them at the cost of an English parse.
   */
  TipTriage triage(String org, String text, String group) {
    String read = readPart(text);
    TipLanguage language = TipLanguage.of(read);
    Extractor reader =
        language == TipLanguage.FA || language == TipLanguage.AR ? namesOnly : extractor;
    Extraction extraction = reader.extract(read, NameIdScope.organisation(org));
    Viewer viewer = organisation(org);
    List<Mention> named = namedOnce(extraction);
    List<TipTriage.Link> links = links(named, viewer);
    List<TipTriage.Hit> hits = hits(named, viewer);
    List<String> spam = spamSignals(read);
    return new TipTriage(
        language,
        named.stream()
            .limit(MAX_NAMES)
            .map(m -> new TipTriage.Name(m.name(), m.type().name().toLowerCase(Locale.ROOT)))
            .toList(),
        extraction.relations().stream().map(TipTriager::caption).toList(),
        extraction.claims().stream().map(TipTriager::caption).toList(),
        links,
        hits,
        group,
        spam,
        !spam.isEmpty() ? 0 : !hits.isEmpty() ? 3 : !links.isEmpty() ? 2 : 1);
  }

  /**
   * What the organisation may read as a whole: its own statements at levels it holds and its
   * partners' shared ones; a TLP:RED statement names users, and no organisation reads it as such.
   */
  private Viewer organisation(String org) {
    TreeSet<String> partners =
        store
            .accounts()
            .organization(org)
            .map(Organization::partners)
            .map(TreeSet::new)
            .orElseGet(TreeSet::new);
    return new Viewer("org:" + org, "org:" + org, org, partners, Role.VIEWER);
  }

  /** The mentions of people, organisations and places, each entity once, in the text's order. */
  private static List<Mention> namedOnce(Extraction extraction) {
    Map<String, Mention> once = new LinkedHashMap<>();
    for (Mention m : extraction.mentions()) {
      if (m.schema().isPresent() || m.type() == org.vigil.extract.MentionType.LOCATION) {
        once.putIfAbsent(m.entityId(), m);
      }
    }
    return List.copyOf(once.values());
  }

  /**
   * The known entities: those a name was read as (a dictionary or list entity, or the
   * organisation's record of the name) that the store holds, then those of the same name found by
   * search; all as the organisation reads them.
   */
  private List<TipTriage.Link> links(List<Mention> named, Viewer viewer) {
    Map<String, TipTriage.Link> found = new LinkedHashMap<>();
    List<String> ids =
        named.stream().filter(m -> m.schema().isPresent()).map(Mention::entityId).toList();
    Map<String, Entity> read = store.statements().entities(ids, viewer);
    for (String id : ids) {
      Entity e = read.get(id);
      if (e != null && e.schema() != Schema.DOCUMENT && !e.schema().isEdge()) {
        found.putIfAbsent(e.id(), new TipTriage.Link(e.id(), e.caption(), e.schema().ftmName()));
      }
    }
    for (Mention m : named) {
      if (found.size() >= MAX_LINKS) {
        break;
      }
      String name = m.name().strip();
      if (m.schema().isEmpty() || name.isEmpty() || name.length() > SearchQuery.MAX_TEXT) {
        continue;
      }
      String wanted = name.toLowerCase(Locale.ROOT);
      store.search().search(new SearchQuery(name, Optional.empty(), 20), viewer).hits().stream()
          .filter(h -> h.schema() != Schema.DOCUMENT && !h.schema().isEdge())
          .filter(h -> h.caption().strip().toLowerCase(Locale.ROOT).equals(wanted))
          .limit(HITS_PER_NAME)
          .forEach(
              h ->
                  found.putIfAbsent(
                      h.entityId(),
                      new TipTriage.Link(h.entityId(), h.caption(), h.schema().ftmName())));
    }
    return List.copyOf(found.values()).subList(0, Math.min(MAX_LINKS, found.size()));
  }

  /** The list entries the organisation may read that the tip's people and organisations match. */
  private List<TipTriage.Hit> hits(List<Mention> named, Viewer viewer) {
    if (screener.isEmpty()) {
      return List.of();
    }
    Map<String, TipTriage.Hit> found = new LinkedHashMap<>();
    for (Mention m : named) {
      Optional<Schema> schema = m.schema().filter(s -> s.isA("LegalEntity"));
      if (schema.isEmpty()) {
        continue;
      }
      ScreeningQuery query;
      try {
        query =
            ScreeningQuery.of(m.name())
                .withLimit(HITS_PER_NAME)
                .withThreshold(CrossReferencing.DEFAULT_THRESHOLD)
                .withSchema(schema.get());
      } catch (InvalidValueException badName) {
        continue;
      }
      for (ScreeningMatch hit : screener.get().screen(query).matches()) {
        String entryId = SanctionsLists.storeId(hit.dataset(), hit.entityId());
        Entity entry = store.statements().entities(List.of(entryId), viewer).get(entryId);
        if (entry != null) {
          found.putIfAbsent(
              m.name() + " " + entryId,
              new TipTriage.Hit(m.name(), entryId, entry.caption(), hit.dataset(), hit.score()));
        }
      }
    }
    return List.copyOf(found.values());
  }

  /** Why the text looks like spam: many links, or no words at all. */
  static List<String> spamSignals(String text) {
    List<String> signals = new ArrayList<>();
    Matcher urls = URL.matcher(text);
    int count = 0;
    while (urls.find()) {
      count++;
    }
    if (count >= SPAM_LINKS) {
      signals.add(count + " web links");
    }
    if (text.codePoints().filter(Character::isLetter).count() < 3) {
      signals.add("no words");
    }
    return signals;
  }

  private static String caption(Relation r) {
    return r.source().name() + " " + r.schema().linkLabel() + " " + r.target().name();
  }

  private static String caption(Claim c) {
    String what;
    if (c.claimed() instanceof Relation r) {
      what = caption(r);
    } else {
      ExtractedEvent e = (ExtractedEvent) c.claimed();
      what =
          e.kind()
              + ": "
              + String.join(", ", e.participants().stream().map(Mention::name).toList());
    }
    return c.claimant().name() + " (" + c.stance().name().toLowerCase(Locale.ROOT) + "): " + what;
  }
}
