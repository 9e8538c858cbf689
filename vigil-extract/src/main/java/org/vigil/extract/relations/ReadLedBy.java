/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.extract.syntax.Dependency;
import org.vigil.model.Schema;

/**
 * Leadership told by a participle or a passive verb: "a ring led by X", "the cell, founded by X and
 * spearheaded by Y", "the unit was commanded by X", "a Wagner-led force", "the government,
 * represented by X". A person who leads is the led body's leader (Employment); a body that leads
 * has the led one under it (Membership, "unit").
 */
public final class ReadLedBy implements RelationRule {
  private static final Map<String, String> VERBS =
      Map.ofEntries(
          Map.entry("lead", "leader"),
          Map.entry("spearhead", "leader"),
          Map.entry("head", "head"),
          Map.entry("run", "head"),
          Map.entry("command", "commander"),
          Map.entry("direct", "director"),
          Map.entry("control", "head"),
          Map.entry("mastermind", "leader"),
          Map.entry("found", "founder"),
          Map.entry("represent", "representative"),
          Map.entry("co-found", "founder"));

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (int w = 0; w < s.parse().tokens().size(); w++) {
      String role = VERBS.get(s.lemma(w));
      if (role == null || !s.parse().token(w).tag().equals("VBN")) {
        continue;
      }
      List<Mention> led = led(s, w);
      List<Mention> leaders = leaders(s, w);
      if (leaders.isEmpty()) {
        // "a ring led by X", where the parser hangs "by X" on the ring rather than the participle.
        for (int noun : modified(s, w)) {
          for (int d : s.parse().dependents(noun, "nmod:by")) {
            byName(s, d).ifPresent(leaders::add);
          }
        }
      }
      for (Mention m : led) {
        for (Mention leader : leaders) {
          link(s, leader, m, role).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /** The "by" agents, or the name joined to the participle by a hyphen ("Wagner-led"). */
  private static List<Mention> leaders(MentionedSentence s, int verb) {
    List<Mention> out = new ArrayList<>();
    for (String rel : List.of("obl:agent", "obl:by")) {
      for (int d : s.parse().dependents(verb, rel)) {
        byName(s, d).filter(m -> !out.contains(m)).ifPresent(out::add);
      }
    }
    if (out.isEmpty() && isHyphenated(s, verb)) {
      for (int d : s.parse().dependents(verb, "obl")) {
        s.mentionAt(d).ifPresent(out::add);
      }
      for (int d : s.parse().dependents(verb, "compound")) {
        s.mentionAt(d).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The name at a word, or set after it as a name ("the smuggler Luis Ortega"). */
  private static Optional<Mention> byName(MentionedSentence s, int word) {
    Optional<Mention> m = s.named(word);
    if (m.isPresent()) {
      return m;
    }
    for (String rel : List.of("dep", "flat", "compound")) {
      for (int d : s.parse().dependents(word, rel)) {
        Optional<Mention> name = s.mentionAt(d);
        if (name.isPresent()) {
          return name;
        }
      }
    }
    return Optional.empty();
  }

  /** The nouns a participle modifies. */
  private static List<Integer> modified(MentionedSentence s, int verb) {
    return s.parse().governors(verb).stream()
        .filter(g -> g.governor() >= 0 && s.parse().token(g.governor()).isNoun())
        .filter(g -> g.is("acl") || g.is("amod") || g.is("dep"))
        .map(Dependency::governor)
        .toList();
  }

  private static boolean isHyphenated(MentionedSentence s, int verb) {
    return verb > 0 && s.parse().token(verb - 1).word().equals("-");
  }

  /**
   * The body led: the passive subject, or the noun the participle modifies (as "acl" or "amod", or
   * as a conjunct, which the parser makes of a participle set off by commas), through a participle
   * it is coordinated with ("founded by X and led by Y").
   */
  private static List<Mention> led(MentionedSentence s, int verb) {
    List<Mention> out = new ArrayList<>();
    // With a "by" agent the participle is passive even where the parser gives it a plain subject
    // ("This network, led by X, has been ...").
    for (String rel : List.of("nsubj:pass", "nsubj")) {
      for (int d : s.parse().dependents(verb, rel)) {
        if (s.parse().token(d).isNoun()) {
          s.named(d).filter(m -> !out.contains(m)).ifPresent(out::add);
        }
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    int at = verb;
    for (int step = 0; step < 2; step++) {
      Optional<Dependency> up =
          s.parse().governors(at).stream()
              .filter(g -> g.governor() >= 0)
              .filter(g -> g.is("acl") || g.is("amod") || g.is("conj") || g.is("dep"))
              .findFirst();
      if (up.isEmpty()) {
        break;
      }
      int governor = up.get().governor();
      if (s.parse().token(governor).isNoun()) {
        s.named(governor).ifPresent(out::add);
        break;
      }
      if (!s.parse().token(governor).tag().equals("VBN")) {
        break;
      }
      at = governor;
    }
    if (out.isEmpty()) {
      bodyBeforeComma(s, verb).ifPresent(out::add);
    }
    return out;
  }

  /**
   * "the Federal Government of Iraq, led by X, and ...": a participle set off by a comma right
   * after a body, which the parser hung elsewhere (on the main verb, as a conjunct), still tells of
   * that body.
   */
  private static Optional<Mention> bodyBeforeComma(MentionedSentence s, int verb) {
    if (verb < 2 || !s.parse().token(verb - 1).word().equals(",")) {
      return Optional.empty();
    }
    int before = s.parse().token(verb - 2).end();
    return s.mentions().stream()
        .filter(m -> m.end() == before && m.type() == MentionType.ORGANIZATION)
        .findFirst();
  }

  private static Optional<Relation> link(
      MentionedSentence s, Mention leader, Mention led, String role) {
    if (leader.entityId().equals(led.entityId()) || led.type() != MentionType.ORGANIZATION) {
      return Optional.empty();
    }
    if (leader.type() == MentionType.PERSON) {
      return Optional.of(
          Links.relation(s, Schema.EMPLOYMENT, leader, led, Optional.of(role), "led-by", 0.8));
    }
    if (leader.type() == MentionType.ORGANIZATION) {
      return Optional.of(
          Links.relation(s, Schema.MEMBERSHIP, led, leader, Optional.of("unit"), "led-by", 0.6));
    }
    return Optional.empty();
  }
}
