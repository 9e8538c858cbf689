/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.cases.CasePlaces;
import org.vigil.cases.CaseView;
import org.vigil.cases.Citation;
import org.vigil.cases.CitedEvidence;
import org.vigil.cases.ReportNote;
import org.vigil.cases.ReportWork;
import org.vigil.documents.StoredDocument;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.PropertyType;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Span;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.network.Evidence;
import org.vigil.network.LinkFilter;
import org.vigil.network.NetworkEdge;
import org.vigil.network.NetworkNode;
import org.vigil.network.NetworkView;
import org.vigil.places.Geocoding;
import org.vigil.store.Store;

/**
 * Writes a report's contents from the store for one recipient, reading every statement, link and
 * source as both the recipient organisation and the exporting analyst may read it: the recipient
 * gets only what it may read, and the analyst hands over only what they can see themselves.
 */
final class ReportAssembly {
  /** The longest sentence quoted in an endnote. */
  static final int MAX_SENTENCE = 400;

  /** Timeline paragraphs at most. */
  static final int MAX_TIMELINE = 500;

  private final Store store;
  private final Viewer analyst;
  private final Viewer recipient;
  private final Map<String, Integer> noteNumbers = new LinkedHashMap<>();
  private final List<CaseReport.Endnote> endnotes = new ArrayList<>();
  private final List<Tlp> endnoteMarkings = new ArrayList<>();
  private final Map<String, Optional<Source>> sources = new HashMap<>();
  private final Map<String, Optional<String>> texts = new HashMap<>();
  private final Set<String> released = new LinkedHashSet<>();

  ReportAssembly(Store store, Viewer analyst, Viewer recipient) {
    this.store = store;
    this.analyst = analyst;
    this.recipient = recipient;
  }

  /** The entities of the report (ids in case order) with the statements both may read. */
  Map<String, Entity> readable(List<String> entityIds) {
    Map<String, Entity> seen = store.statements().entities(entityIds, recipient);
    Map<String, Entity> out = new LinkedHashMap<>();
    for (String id : entityIds) {
      Entity e = seen.get(id);
      if (e == null) {
        continue;
      }
      List<Statement> kept = e.statements().stream().filter(this::bothRead).toList();
      if (!kept.isEmpty()) {
        out.put(id, Entity.assemble(e.id(), e.memberIds(), kept));
      }
    }
    return out;
  }

  static int statementCount(Map<String, Entity> entities) {
    return entities.values().stream().mapToInt(e -> e.statements().size()).sum();
  }

  CaseReport assemble(
      String caseId,
      List<ReportNote> notes,
      Optional<ReportWork> work,
      String title,
      Tlp titleMarking,
      String recipientId,
      String recipientName,
      Optional<CaseReport.Portion> summary,
      Map<String, Entity> entities,
      Instant at) {
    List<CaseReport.Portion> findings = new ArrayList<>();
    List<Dated> dated = new ArrayList<>();
    for (Entity e : entities.values()) {
      findings.add(finding(e, entities, dated));
    }
    List<Link> links = links(entities);
    List<CaseReport.Portion> linkPortions = new ArrayList<>();
    for (Link l : links) {
      linkPortions.add(l.portion());
      l.edge().start().ifPresent(d -> dated.add(new Dated(d, l.portion(), "began")));
      l.edge().end().ifPresent(d -> dated.add(new Dated(d, l.portion(), "ended")));
    }
    List<CaseReport.Portion> timeline =
        dated.stream()
            .sorted(Comparator.comparing(Dated::date))
            .limit(MAX_TIMELINE)
            .map(Dated::portion)
            .toList();
    PictureAndMarking picture = picture(entities, findings, links);
    MapAndMarking map = map(entities, findings);
    List<CaseReport.Portion> notePortions = notes.stream().flatMap(n -> note(n).stream()).toList();
    ReportAnalysis.Portions analysis =
        ReportAnalysis.of(work, recipientName, at.atOffset(ZoneOffset.UTC).toLocalDate());
    work.ifPresent(w -> released.addAll(w.statements()));
    Tlp highest = titleMarking;
    List<CaseReport.Portion> all = new ArrayList<>(findings);
    all.addAll(notePortions);
    all.addAll(analysis.hypotheses());
    all.addAll(analysis.tasks());
    all.addAll(linkPortions);
    all.addAll(timeline);
    summary.ifPresent(all::add);
    for (CaseReport.Portion p : all) {
      highest = max(highest, p.marking());
    }
    highest = max(highest, picture.marking());
    highest = max(highest, map.marking());
    for (Tlp t : endnoteMarkings) {
      highest = max(highest, t);
    }
    return new CaseReport(
        caseId,
        title,
        titleMarking,
        recipientId,
        recipientName,
        analyst.username(),
        at,
        highest,
        summary,
        notePortions,
        analysis.hypotheses(),
        analysis.tasks(),
        findings,
        linkPortions,
        picture.picture(),
        picture.marking(),
        map.map(),
        map.marking(),
        timeline,
        markedEndnotes(),
        List.copyOf(released));
  }

  /**
   * An analyst's note as portions, each under its own marking: its paragraphs under the note's
   * marking (the first led by its author and date), then one per citation with the words of its
   * source, the source and its marking (the note's or the evidence's, the higher). The statements
   * it cites are released with the report.
   */
  private List<CaseReport.Portion> note(ReportNote n) {
    Tlp own = n.marking().tlp();
    List<CaseReport.Portion> out = new ArrayList<>();
    String lead =
        "Note by "
            + n.author()
            + ", "
            + n.writtenAt().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    for (String p : n.text().paragraphs()) {
      out.add(
          new CaseReport.Portion(
              own, out.isEmpty() ? lead : "", List.of(new CaseReport.Fact(p, List.of()))));
    }
    int number = 0;
    for (CitedEvidence e : n.text().citations()) {
      number++;
      StringBuilder line = new StringBuilder("[").append(number).append("] ").append(e.label());
      e.quote().ifPresent(q -> line.append(": \u201c").append(q).append('\u201d'));
      e.source().ifPresent(src -> line.append(" \u2014 ").append(src));
      Tlp marking = e.marking().map(m -> max(own, m.tlp())).orElse(own);
      if (e.citation() instanceof Citation.OfStatement st) {
        released.add(st.statementId());
      }
      out.add(
          new CaseReport.Portion(
              marking, "", List.of(new CaseReport.Fact(line.toString(), List.of()))));
    }
    return out;
  }

  /** A dated fact; as a timeline paragraph its lead is the date, its words say what happened. */
  private record Dated(String date, CaseReport.Portion fact, String what) {
    CaseReport.Portion portion() {
      CaseReport.Portion portion = fact;
      return new CaseReport.Portion(
          portion.marking(),
          date,
          portion.facts().stream()
              .map(f -> new CaseReport.Fact(what + ": " + f.text(), f.notes()))
              .toList());
    }
  }

  private CaseReport.Portion finding(Entity e, Map<String, Entity> entities, List<Dated> dated) {
    Tlp marking = Tlp.CLEAR;
    Map<String, List<CaseReport.Fact>> byProperty = new TreeMap<>();
    for (Statement s : e.statements()) {
      marking = max(marking, s.marking().tlp());
      String value = s.value();
      if (s.isReference()) {
        Entity other = entities.get(value);
        if (other == null) {
          continue; // a reference to an entity outside the report names nothing the reader has
        }
        value = other.caption();
      }
      int note = note(s);
      released.add(s.id());
      byProperty
          .computeIfAbsent(s.property(), p -> new ArrayList<>())
          .add(new CaseReport.Fact(value, List.of(note)));
      if (s.schema().expectProperty(s.property()).type() == PropertyType.DATE) {
        dated.add(
            new Dated(
                s.value(),
                new CaseReport.Portion(
                    s.marking().tlp(),
                    "",
                    List.of(new CaseReport.Fact(e.caption(), List.of(note)))),
                s.property()));
      }
    }
    List<CaseReport.Fact> facts = new ArrayList<>();
    byProperty.forEach(
        (property, values) -> {
          for (int i = 0; i < values.size(); i++) {
            CaseReport.Fact f = values.get(i);
            String text = (i == 0 ? property + ": " : "") + f.text();
            facts.add(new CaseReport.Fact(text, f.notes()));
          }
        });
    return new CaseReport.Portion(marking, e.caption() + " (" + e.schema().ftmName() + ")", facts);
  }

  private record Link(NetworkEdge edge, String from, String to, CaseReport.Portion portion) {}

  /**
   * The links among the report's entities that both readers see, each with only the evidence both
   * may read.
   */
  private List<Link> links(Map<String, Entity> entities) {
    if (entities.size() < 2) {
      return List.of();
    }
    List<String> ids = List.copyOf(entities.keySet());
    NetworkView forRecipient = store.network().subgraph(ids, LinkFilter.ALL, recipient);
    NetworkView forAnalyst = store.network().subgraph(ids, LinkFilter.ALL, analyst);
    Map<String, Set<String>> analystEvidence = new HashMap<>();
    for (NetworkEdge edge : forAnalyst.edges()) {
      analystEvidence.put(
          edge.id(),
          edge.evidence().stream().map(Evidence::statementId).collect(Collectors.toSet()));
    }
    Map<String, String> captions = new HashMap<>();
    for (NetworkNode n : forRecipient.nodes()) {
      captions.put(n.id(), n.caption());
    }
    List<Link> out = new ArrayList<>();
    for (NetworkEdge edge : forRecipient.edges()) {
      Set<String> both = analystEvidence.getOrDefault(edge.id(), Set.of());
      List<Evidence> evidence =
          edge.evidence().stream().filter(ev -> both.contains(ev.statementId())).toList();
      if (evidence.isEmpty()
          || !captions.containsKey(edge.source())
          || !captions.containsKey(edge.target())) {
        continue;
      }
      Tlp marking = Tlp.parse(edge.tlp());
      List<Integer> notes = new ArrayList<>();
      for (Evidence ev : evidence) {
        int n = note(ev, marking);
        if (!notes.contains(n)) {
          notes.add(n);
        }
        released.add(ev.statementId());
      }
      StringBuilder text =
          new StringBuilder(captions.get(edge.source()))
              .append(" — ")
              .append(edge.label())
              .append(" — ")
              .append(captions.get(edge.target()));
      edge.role().ifPresent(r -> text.append(" (").append(r).append(')'));
      CaseReport.Portion portion =
          new CaseReport.Portion(
              marking, edge.schema(), List.of(new CaseReport.Fact(text.toString(), notes)));
      out.add(new Link(edge, edge.source(), edge.target(), portion));
    }
    return out;
  }

  private record PictureAndMarking(NetworkPicture picture, Tlp marking) {}

  private static PictureAndMarking picture(
      Map<String, Entity> entities, List<CaseReport.Portion> findings, List<Link> links) {
    List<String> ids = List.copyOf(entities.keySet());
    Map<String, Integer> degree = new HashMap<>();
    for (Link l : links) {
      degree.merge(l.from(), 1, Integer::sum);
      degree.merge(l.to(), 1, Integer::sum);
    }
    List<String> drawn =
        ids.stream()
            .sorted(Comparator.comparing((String id) -> -degree.getOrDefault(id, 0)))
            .limit(NetworkPicture.MAX_NODES)
            .toList();
    Map<String, Integer> index = new HashMap<>();
    List<String> labels = new ArrayList<>();
    List<Boolean> persons = new ArrayList<>();
    Tlp marking = Tlp.CLEAR;
    for (String id : drawn) {
      index.put(id, labels.size());
      labels.add(entities.get(id).caption());
      persons.add(entities.get(id).schema() == Schema.PERSON);
      marking = max(marking, findings.get(ids.indexOf(id)).marking());
    }
    List<int[]> pairs = new ArrayList<>();
    for (Link l : links) {
      Integer a = index.get(l.from());
      Integer b = index.get(l.to());
      if (a != null && b != null && !a.equals(b)) {
        pairs.add(new int[] {a, b});
        marking = max(marking, l.portion().marking());
      }
    }
    return new PictureAndMarking(
        NetworkPicture.layout(labels, persons, pairs, ids.size() - drawn.size()), marking);
  }

  private record MapAndMarking(ReportMap map, Tlp marking) {}

  /**
   * The map of the places the report's entities name, from their statements both readers may read
   * (the entities are already read so); its marking is the highest of the entities it places.
   */
  private static MapAndMarking map(
      Map<String, Entity> entities, List<CaseReport.Portion> findings) {
    CasePlaces.Found found = CasePlaces.of(List.copyOf(entities.values()));
    Map<String, Tlp> byEntity = new HashMap<>();
    int i = 0;
    for (String id : entities.keySet()) {
      byEntity.put(id, findings.get(i++).marking());
    }
    Tlp marking = Tlp.CLEAR;
    for (CaseView.Located l : found.places()) {
      if (l.geocoding() instanceof Geocoding.Placed) {
        marking = max(marking, byEntity.getOrDefault(l.entityId(), Tlp.CLEAR));
      }
    }
    for (CaseView.Path p : found.paths()) {
      marking = max(marking, byEntity.getOrDefault(p.entityId(), Tlp.CLEAR));
    }
    return new MapAndMarking(ReportMap.of(found.places(), found.paths()), marking);
  }

  private boolean bothRead(Statement s) {
    return MarkingPolicy.canSee(recipient, s.marking())
        && MarkingPolicy.canSee(analyst, s.marking());
  }

  private boolean bothRead(Marking m) {
    return MarkingPolicy.canSee(recipient, m) && MarkingPolicy.canSee(analyst, m);
  }

  /** The source, if both readers may read it. */
  private Optional<Source> source(String id) {
    return sources.computeIfAbsent(
        id, k -> store.statements().source(k, recipient).filter(src -> bothRead(src.marking())));
  }

  /** The text of the document behind a source, if both readers may read it. */
  private Optional<String> text(String sourceId) {
    return texts.computeIfAbsent(
        sourceId,
        k -> {
          if (StoredDocument.find(store, analyst, k).isEmpty()) {
            return Optional.empty();
          }
          return StoredDocument.find(store, recipient, k).map(d -> d.document().text());
        });
  }

  private List<CaseReport.Endnote> markedEndnotes() {
    List<CaseReport.Endnote> out = new ArrayList<>();
    for (CaseReport.Endnote n : endnotes) {
      out.add(
          new CaseReport.Endnote(
              n.number(),
              endnoteMarkings.get(n.number() - 1),
              n.source(),
              n.date(),
              n.sentence(),
              n.grade()));
    }
    return out;
  }

  private int note(Statement s) {
    Optional<Source> src = source(s.sourceId());
    Optional<String> sentence =
        s.span().flatMap(span -> text(s.sourceId()).flatMap(t -> sentence(t, span)));
    String grade =
        src.map(x -> x.reliability().name()).orElse("?")
            + s.credibility().map(c -> String.valueOf(c.grade())).orElse("");
    return noted(s.sourceId(), s.span(), sentence, src, grade, s.marking().tlp());
  }

  /**
   * The number of the endnote of a source's sentence (or, without one, of the source's span): two
   * facts read in one sentence cite one note, raised to the higher of their markings.
   */
  private int noted(
      String sourceId,
      Optional<Span> span,
      Optional<String> sentence,
      Optional<Source> src,
      String grade,
      Tlp marking) {
    String key =
        sourceId
            + "\u001f"
            + sentence.orElseGet(() -> span.map(sp -> sp.start() + ":" + sp.end()).orElse(""))
            + "\u001f"
            + grade;
    Integer known = noteNumbers.get(key);
    if (known != null) {
      raise(known, marking);
      return known;
    }
    return add(key, src, sentence, grade, marking);
  }

  private void raise(int number, Tlp marking) {
    endnoteMarkings.set(number - 1, max(endnoteMarkings.get(number - 1), marking));
  }

  private int note(Evidence ev, Tlp marking) {
    Optional<Source> src = source(ev.sourceId());
    Optional<String> sentence =
        ev.span()
            .flatMap(span -> text(ev.sourceId()).flatMap(t -> sentence(t, span)))
            .or(() -> src.isPresent() ? ev.text().map(ReportAssembly::bounded) : Optional.empty());
    String grade = src.isPresent() ? ev.grade().orElse("?") : "?";
    return noted(ev.sourceId(), ev.span(), sentence, src, grade, marking);
  }

  private int add(
      String key, Optional<Source> src, Optional<String> sentence, String grade, Tlp marking) {
    int number = endnotes.size() + 1;
    endnoteMarkings.add(src.map(x -> max(x.marking().tlp(), marking)).orElse(marking));
    endnotes.add(
        new CaseReport.Endnote(
            number,
            marking,
            src.map(Source::title).orElse("a source the recipient may not see named"),
            src.map(x -> x.retrievedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString())
                .orElse("undated"),
            sentence,
            grade.isEmpty() ? "?" : grade));
    noteNumbers.put(key, number);
    return number;
  }

  /** The sentence of the text that holds the span, bounded. */
  static Optional<String> sentence(String text, Span span) {
    if (span.end() > text.length() || span.length() == 0) {
      return Optional.empty();
    }
    int start = span.start();
    while (start > 0 && span.start() - start < MAX_SENTENCE && !ends(text, start - 1)) {
      start--;
    }
    int end = span.end();
    while (end < text.length() && end - span.start() < MAX_SENTENCE && !ends(text, end - 1)) {
      end++;
    }
    String words = text.substring(start, end).strip().replaceAll("\\s+", " ");
    return words.isEmpty() ? Optional.empty() : Optional.of(bounded(words));
  }

  private static boolean ends(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n') {
      return true;
    }
    boolean stop = c == '.' || c == '!' || c == '?' || c == '\u061F' || c == '\u06D4';
    return stop && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
  }

  private static String bounded(String words) {
    return words.length() > MAX_SENTENCE ? words.substring(0, MAX_SENTENCE) + "…" : words;
  }

  static Tlp max(Tlp a, Tlp b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
