/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ie.util.RelationTriple;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.vigil.model.Schema;

/**
 * CoreNLP's KBP relation extractor (TAC KBP slot filling), opt-in: it runs a part-of-speech tagger,
 * CoreNLP's default named-entity recogniser with its fine-grained rules (which tag titles such as
 * "minister"), a neural dependency parser and the KBP classifier, rules and patterns, at a few
 * hundred tokens/s, and needs CoreNLP's full models jar on the system class path (Vigil's runnable
 * jar carries only one CRF model). Coreference is left out: the KBP annotator runs without it, only
 * a pronoun then does not stand for the name it refers to.
 *
 * <p>Three of KBP's relations are mapped; every other one is left out:
 *
 * <ul>
 *   <li>per:employee_or_member_of: an Employment (employee, employer) when the object is a
 *       government body or a company, or a country, state or city (read as its government);
 *       otherwise a Membership (member, organization). See {@link #employer}.
 *   <li>org:top_members/employees: an Employment of the person by the organisation, with the
 *       person's title in that sentence as the role, else "top member".
 *   <li>per:title: the person's position property.
 * </ul>
 *
 * <p>A per:employee_or_member_of relation takes the person's title in the same sentence as its
 * role. Loads on first use (a minute or so); safe for concurrent use.
 */
public final class KbpRelations {
  /** The extractor name on what this finds. */
  public static final String EXTRACTOR = "corenlp:kbp";

  /** Model files the pipeline needs; present when the full models jar is on the class path. */
  static final List<String> REQUIRED_MODELS =
      List.of(
          "edu/stanford/nlp/models/kbp/english/tac-re-lr.ser.gz",
          "edu/stanford/nlp/models/parser/nndep/english_UD.gz",
          "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger",
          "edu/stanford/nlp/models/ner/english.muc.7class.distsim.crf.ser.gz");

  static final String EMPLOYEE_OR_MEMBER_OF = "per:employee_or_member_of";
  static final String TOP_MEMBERS = "org:top_members/employees";
  static final String TITLE = "per:title";

  /** Words that name a state body: ministries, armed forces, agencies, courts, legislatures. */
  private static final Pattern GOVERNMENT_BODY =
      Pattern.compile(
          "(?i)\\b(?:government|ministry|department|agency|bureau|directorate|office|cabinet"
              + "|council|parliament|assembly|senate|congress|majlis|court|judiciary|police"
              + "|army|navy|air force|armed forces|military|guard corps|revolutionary guards?"
              + "|intelligence service|security service|embassy|consulate|commission"
              + "|administration|presidency|state department)\\b");

  /** A company's legal form at the end of its name, or a trade word anywhere in it. */
  private static final Pattern COMPANY =
      Pattern.compile(
          "(?i)\\b(?:inc|incorporated|corp|corporation|company|co|ltd|limited|llc|plc|gmbh|ag"
              + "|s\\.?a|n\\.?v|b\\.?v)\\.?$"
              + "|\\b(?:bank|holdings?|airlines?|airways|industries|enterprises?|trading"
              + "|shipping)\\b");

  private volatile StanfordCoreNLP pipeline;

  /** Whether CoreNLP's full models jar is on the system class path, where CoreNLP looks. */
  public static boolean isAvailable() {
    return missingModel().isEmpty();
  }

  /** The first model file that is not on the system class path, if any. */
  public static Optional<String> missingModel() {
    return REQUIRED_MODELS.stream()
        .filter(m -> ClassLoader.getSystemResource(m) == null)
        .findFirst();
  }

  /** The annotators: as few as CoreNLP's kbp annotator allows. */
  public static Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse,kbp");
    props.setProperty("tokenize.language", "en");
    return props;
  }

  /** Loads the models now. */
  public void load() {
    pipeline();
  }

  private StanfordCoreNLP pipeline() {
    StanfordCoreNLP p = pipeline;
    if (p == null) {
      synchronized (this) {
        p = pipeline;
        if (p == null) {
          Optional<String> missing = missingModel();
          if (missing.isPresent()) {
            throw new IllegalStateException(
                "CoreNLP's full models jar (stanford-corenlp-4.5.10-models.jar) is not on the"
                    + " class path; KBP relations need "
                    + missing.get());
          }
          p = new StanfordCoreNLP(properties());
          pipeline = p;
        }
      }
    }
    return p;
  }

  /** The mapped KBP relations and positions in {@code text}, in text order. */
  public KbpReading read(String text) {
    requireNonNull(text, "text");
    if (text.isBlank()) {
      return new KbpReading(List.of(), List.of());
    }
    CoreDocument document = new CoreDocument(text);
    pipeline().annotate(document);
    List<Triple> triples = new ArrayList<>();
    for (CoreSentence sentence : document.sentences()) {
      List<RelationTriple> found =
          sentence.coreMap().get(CoreAnnotations.KBPTriplesAnnotation.class);
      if (found == null) {
        continue;
      }
      Span evidence = new Span(sentence.charOffsets().first(), sentence.charOffsets().second(), "");
      for (RelationTriple t : found) {
        Optional<Span> subject = span(t.subject);
        Optional<Span> object = span(t.object);
        if (subject.isPresent() && object.isPresent()) {
          triples.add(
              new Triple(t.relationGloss(), subject.get(), object.get(), evidence, t.confidence));
        }
      }
    }
    return map(text, triples);
  }

  private static Optional<Span> span(List<CoreLabel> tokens) {
    if (tokens == null || tokens.isEmpty()) {
      return Optional.empty();
    }
    int start = tokens.get(0).beginPosition();
    int end = tokens.get(tokens.size() - 1).endPosition();
    String tag = tokens.get(0).ner() == null ? "O" : tokens.get(0).ner();
    return start >= 0 && end > start ? Optional.of(new Span(start, end, tag)) : Optional.empty();
  }

  /** A stretch of the text with the named-entity tag CoreNLP gave its first token. */
  record Span(int start, int end, String tag) {}

  /** One KBP triple: its relation name, its ends, its sentence and CoreNLP's confidence. */
  record Triple(String relation, Span subject, Span object, Span sentence, double confidence) {}

  /** Maps KBP triples found in {@code text} to relations and positions; the rest is left out. */
  static KbpReading map(String text, List<Triple> triples) {
    Map<String, PersonPosition> positions = new LinkedHashMap<>();
    for (Triple t : triples) {
      if (t.relation().equals(TITLE)) {
        Mention person = mention(text, t.subject(), MentionType.PERSON, t.confidence());
        String title = text.substring(t.object().start(), t.object().end());
        PersonPosition p =
            new PersonPosition(
                person,
                title,
                evidence(text, t),
                t.sentence().start(),
                t.sentence().end(),
                clamp(t.confidence()),
                EXTRACTOR);
        positions.merge(
            person.start() + ":" + title.toLowerCase(Locale.ROOT),
            p,
            (a, b) -> a.confidence() >= b.confidence() ? a : b);
      }
    }
    Map<String, Relation> relations = new LinkedHashMap<>();
    for (Triple t : triples) {
      Optional<Relation> r =
          switch (t.relation()) {
            case EMPLOYEE_OR_MEMBER_OF -> Optional.of(memberOrEmployee(text, t, positions));
            case TOP_MEMBERS -> Optional.of(topMember(text, t, positions));
            default -> Optional.empty();
          };
      r.ifPresent(
          rel ->
              relations.merge(
                  rel.schema()
                      + "|"
                      + rel.source().entityId()
                      + "|"
                      + rel.target().entityId()
                      + "|"
                      + rel.start(),
                  rel,
                  (a, b) -> a.confidence() >= b.confidence() ? a : b));
    }
    List<Relation> sorted = new ArrayList<>(relations.values());
    sorted.sort(
        java.util.Comparator.comparingInt(Relation::start)
            .thenComparingInt(r -> r.source().start()));
    List<PersonPosition> titles = new ArrayList<>(positions.values());
    titles.sort(java.util.Comparator.comparingInt(p -> p.person().start()));
    return new KbpReading(sorted, titles);
  }

  private static Relation memberOrEmployee(
      String text, Triple t, Map<String, PersonPosition> positions) {
    Mention person = mention(text, t.subject(), MentionType.PERSON, t.confidence());
    String name = text.substring(t.object().start(), t.object().end());
    boolean place = isPlace(t.object().tag());
    Mention organisation =
        place
            ? governmentOf(name, t.object(), t.confidence())
            : mention(text, t.object(), MentionType.ORGANIZATION, t.confidence());
    Schema schema = employer(name, t.object().tag()) ? Schema.EMPLOYMENT : Schema.MEMBERSHIP;
    return relation(schema, person, organisation, titleOf(person, t, positions), text, t);
  }

  private static Relation topMember(String text, Triple t, Map<String, PersonPosition> positions) {
    Mention organisation = mention(text, t.subject(), MentionType.ORGANIZATION, t.confidence());
    Mention person = mention(text, t.object(), MentionType.PERSON, t.confidence());
    String role = titleOf(person, t, positions).orElse("top member");
    return relation(Schema.EMPLOYMENT, person, organisation, Optional.of(role), text, t);
  }

  /**
   * The rule for per:employee_or_member_of: Employment when the object is a country, state or city
   * (its government), when its name carries a word of a state body ("Ministry", "Government",
   * "Army", "Police", "Agency", ...) or when it ends in a company's legal form or trade word
   * ("Inc", "Ltd", "Bank", "Airlines", ...); Membership otherwise (parties, militias, networks).
   */
  static boolean employer(String name, String tag) {
    return isPlace(tag) || GOVERNMENT_BODY.matcher(name).find() || COMPANY.matcher(name).find();
  }

  private static boolean isPlace(String tag) {
    return switch (tag) {
      case "COUNTRY", "STATE_OR_PROVINCE", "CITY", "LOCATION" -> true;
      default -> false;
    };
  }

  private static Optional<String> titleOf(
      Mention person, Triple t, Map<String, PersonPosition> positions) {
    return positions.values().stream()
        .filter(p -> p.person().entityId().equals(person.entityId()))
        .filter(p -> p.start() == t.sentence().start())
        .map(PersonPosition::position)
        .findFirst();
  }

  private static Relation relation(
      Schema schema, Mention source, Mention target, Optional<String> role, String text, Triple t) {
    return new Relation(
        schema,
        source,
        target,
        role,
        Optional.empty(),
        evidence(text, t),
        t.sentence().start(),
        t.sentence().end(),
        clamp(t.confidence()),
        EXTRACTOR,
        false);
  }

  private static Mention mention(String text, Span span, MentionType type, double confidence) {
    String name = text.substring(span.start(), span.end());
    return new Mention(
        name,
        type,
        span.start(),
        span.end(),
        EntityIds.forName(type, name),
        Optional.of(type == MentionType.PERSON ? Schema.PERSON : Schema.ORGANIZATION),
        Optional.empty(),
        EXTRACTOR,
        clamp(confidence));
  }

  /** "works for Iran": the government of that place, a public body. */
  private static Mention governmentOf(String place, Span span, double confidence) {
    String name = "Government of " + place;
    return new Mention(
        place,
        MentionType.ORGANIZATION,
        span.start(),
        span.end(),
        EntityIds.forName(MentionType.ORGANIZATION, name),
        Optional.of(Schema.PUBLIC_BODY),
        Optional.of(name),
        EXTRACTOR,
        clamp(confidence));
  }

  private static String evidence(String text, Triple t) {
    return text.substring(t.sentence().start(), t.sentence().end());
  }

  private static double clamp(double confidence) {
    return Double.isNaN(confidence) ? 0.5 : Math.max(0.0, Math.min(1.0, confidence));
  }
}
