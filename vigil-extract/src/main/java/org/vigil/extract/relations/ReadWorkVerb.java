/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.model.Schema;

/**
 * Verbs of work, leadership and membership, active or passive, coordinated or not: "X works for Y",
 * "X joined Y", "X leads Y", "Y is headed by X", "Y hired X", "X belongs to Y".
 */
public final class ReadWorkVerb implements RelationRule {
  /** A verb, the link it makes from its subject to its object, and the role it gives. */
  private record Verb(Schema schema, Optional<String> role, List<String> objects) {}

  private static final List<String> OBJECT = List.of("obj");
  private static final Map<String, Verb> VERBS =
      Map.ofEntries(
          Map.entry(
              "work", new Verb(Schema.EMPLOYMENT, Optional.empty(), List.of("obl:for", "obl:at"))),
          Map.entry("join", new Verb(Schema.MEMBERSHIP, Optional.empty(), OBJECT)),
          Map.entry("rejoin", new Verb(Schema.MEMBERSHIP, Optional.empty(), OBJECT)),
          Map.entry("belong", new Verb(Schema.MEMBERSHIP, Optional.empty(), List.of("obl:to"))),
          Map.entry(
              "serve",
              new Verb(Schema.MEMBERSHIP, Optional.empty(), List.of("obl:in", "obl:with"))),
          Map.entry("lead", new Verb(Schema.EMPLOYMENT, Optional.of("leader"), OBJECT)),
          Map.entry("head", new Verb(Schema.EMPLOYMENT, Optional.of("head"), OBJECT)),
          Map.entry("command", new Verb(Schema.EMPLOYMENT, Optional.of("commander"), OBJECT)),
          Map.entry("run", new Verb(Schema.EMPLOYMENT, Optional.of("head"), OBJECT)),
          Map.entry("direct", new Verb(Schema.DIRECTORSHIP, Optional.of("director"), OBJECT)),
          Map.entry("chair", new Verb(Schema.DIRECTORSHIP, Optional.of("chairman"), OBJECT)),
          Map.entry("found", new Verb(Schema.EMPLOYMENT, Optional.of("founder"), OBJECT)),
          Map.entry("co-found", new Verb(Schema.EMPLOYMENT, Optional.of("founder"), OBJECT)),
          Map.entry(
              "represent", new Verb(Schema.EMPLOYMENT, Optional.of("representative"), OBJECT)),
          Map.entry("own", new Verb(Schema.OWNERSHIP, Optional.empty(), OBJECT)));

  /** Verbs whose subject takes on its object: "Y hired X" is X's employment by Y. */
  private static final Map<String, String> TAKING_ON =
      Map.of("hire", "hired", "employ", "employed", "recruit", "recruited", "appoint", "appointed");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (int verb = 0; verb < s.parse().tokens().size(); verb++) {
      String lemma = s.lemma(verb);
      Verb v = VERBS.get(lemma);
      if (v != null) {
        for (Mention subject : agents(s, verb)) {
          for (String rel : v.objects()) {
            for (int o : objects(s, verb, rel)) {
              s.mentionAt(o).ifPresent(object -> link(s, v, subject, object, out));
            }
          }
        }
      }
      String hired = TAKING_ON.get(lemma);
      if (hired != null) {
        for (Mention employer : agents(s, verb)) {
          for (int o : objects(s, verb, "obj")) {
            s.mentionAt(o).ifPresent(employee -> takeOn(s, employer, employee, hired, out));
          }
        }
      }
    }
    return out;
  }

  /** The doer: the active subject, or the passive verb's "by" agent. */
  private static List<Mention> agents(MentionedSentence s, int verb) {
    List<Mention> out = new ArrayList<>();
    for (int w : s.parse().dependents(verb, "nsubj")) {
      if (!s.parse().token(w).tag().equals("") && !isPassiveSubject(s, verb, w)) {
        s.mentionAt(w).ifPresent(out::add);
      }
    }
    for (int w : s.parse().dependents(verb, "obl:agent")) {
      s.mentionAt(w).ifPresent(out::add);
    }
    return out;
  }

  private static boolean isPassiveSubject(MentionedSentence s, int verb, int word) {
    return s.parse().dependents(verb, "nsubj:pass").contains(word);
  }

  /** The object by {@code rel}; a passive verb's subject stands for its object. */
  private static List<Integer> objects(MentionedSentence s, int verb, String rel) {
    List<Integer> out = new ArrayList<>(s.parse().dependents(verb, rel));
    if (rel.equals("obj")) {
      out.addAll(s.parse().dependents(verb, "nsubj:pass"));
    }
    return out;
  }

  private static void link(
      MentionedSentence s, Verb v, Mention subject, Mention object, List<Relation> out) {
    if (subject.equals(object) || object.type() != MentionType.ORGANIZATION) {
      return;
    }
    Schema schema = v.schema();
    if (subject.type() == MentionType.ORGANIZATION) {
      if (schema == Schema.OWNERSHIP) {
        out.add(Links.relation(s, schema, subject, object, v.role(), "work-verb", 0.7));
      } else if (v.role().isPresent()) {
        // "the IRGC runs the network": the network is the IRGC's, a body under it.
        out.add(
            Links.relation(
                s, Schema.MEMBERSHIP, object, subject, Optional.of("unit"), "work-verb", 0.6));
      } else {
        out.add(Links.relation(s, Schema.MEMBERSHIP, subject, object, v.role(), "work-verb", 0.6));
      }
    } else if (subject.type() == MentionType.PERSON) {
      out.add(Links.relation(s, schema, subject, object, v.role(), "work-verb", 0.7));
    }
  }

  private static void takeOn(
      MentionedSentence s, Mention employer, Mention employee, String how, List<Relation> out) {
    if (employer.equals(employee) || employee.type() != MentionType.PERSON) {
      if (employee.type() == MentionType.ORGANIZATION && !employer.equals(employee)) {
        out.add(
            Links.relation(
                s, Schema.UNKNOWN_LINK, employer, employee, Optional.of(how), "work-verb", 0.6));
      }
      return;
    }
    if (employer.type() == MentionType.ORGANIZATION) {
      out.add(
          Links.relation(
              s, Schema.EMPLOYMENT, employee, employer, Optional.empty(), "work-verb", 0.7));
    } else if (employer.type() == MentionType.PERSON) {
      out.add(
          Links.relation(
              s, Schema.ASSOCIATE, employer, employee, Optional.of(how), "work-verb", 0.6));
    }
  }
}
