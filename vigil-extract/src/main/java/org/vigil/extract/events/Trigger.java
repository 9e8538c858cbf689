/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vigil.model.Schema;

/**
 * A kind of event and the roles its trigger's arguments play.
 *
 * @param kind the event's kind, such as "arrest"
 * @param schema Event, or Sanction for sanctions and designations
 * @param agent the role of the doer (the active subject, the "by" agent)
 * @param patient the role of the one done to (the object, the passive subject, the noun's "of")
 * @param obliques roles of the trigger's other arguments by relation: "obl:from" of a defection is
 *     its "from"
 */
record Trigger(
    String kind,
    Schema schema,
    String agent,
    Optional<String> patient,
    Map<String, String> obliques) {
  Trigger {
    requireNonNull(kind, "kind");
    requireNonNull(schema, "schema");
    requireNonNull(agent, "agent");
    requireNonNull(patient, "patient");
    // Sorted, so that participants come out in the same order on every run.
    obliques = Collections.unmodifiableSortedMap(new TreeMap<>(obliques));
  }

  private static Trigger of(
      String kind, String agent, String patient, Map<String, String> obliques) {
    return new Trigger(kind, Schema.EVENT, agent, Optional.of(patient), obliques);
  }

  static final Trigger KILLING = of("killing", "perpetrator", "victim", Map.of("with", "weapon"));

  /** "Gunmen wounded two guards with a machinegun": an attack told by what it did to people. */
  static final Trigger WOUNDING = of("attack", "perpetrator", "victim", Map.of("with", "weapon"));

  /** "The bomb exploded at the embassy": what exploded is the weapon, where it did the target. */
  private static final Trigger EXPLOSION =
      new Trigger(
          "attack",
          Schema.EVENT,
          "weapon",
          Optional.empty(),
          Map.of(
              "at",
              "target",
              "outside",
              "target",
              "in_front_of",
              "target",
              "inside",
              "target",
              "near",
              "target"));

  /** "They detonated a car bomb at the bank": the doer, the weapon, and where it went off. */
  private static final Trigger DETONATION =
      of("attack", "perpetrator", "weapon", Map.of("at", "target", "in_front_of", "target"));

  private static final Trigger ATTACK =
      of("attack", "perpetrator", "target", Map.of("with", "weapon", "on", "target"));
  private static final Trigger ARREST = of("arrest", "authority", "subject", Map.of());
  private static final Trigger SANCTION =
      new Trigger(
          "sanction",
          Schema.SANCTION,
          "authority",
          Optional.of("target"),
          Map.of("on", "target", "against", "target"));
  private static final Trigger RECRUITMENT =
      of(
          "recruitment",
          "recruiter",
          "recruit",
          Map.of("for", "on behalf of", "on_behalf_of", "on behalf of"));
  private static final Trigger DEFECTION =
      new Trigger(
          "defection",
          Schema.EVENT,
          "defector",
          Optional.empty(),
          Map.of("from", "from", "to", "to"));
  private static final Trigger KIDNAPPING = of("kidnapping", "perpetrator", "victim", Map.of());
  private static final Trigger PLOT =
      new Trigger(
          "assassination plot",
          Schema.EVENT,
          "plotter",
          Optional.empty(),
          Map.of("against", "target"));
  private static final Trigger MEETING =
      new Trigger(
          "meeting",
          Schema.EVENT,
          "participant",
          Optional.of("participant"),
          Map.of("with", "participant"));
  private static final Trigger TRAVEL =
      new Trigger(
          "travel", Schema.EVENT, "traveller", Optional.empty(), Map.of("to", "destination"));
  private static final Trigger VISIT = of("travel", "traveller", "destination", Map.of());
  private static final Trigger PAYMENT = of("payment", "payer", "payee", Map.of("to", "payee"));
  private static final Trigger FUNDING = of("funding", "payer", "payee", Map.of());
  private static final Trigger SMUGGLING =
      new Trigger(
          "smuggling",
          Schema.EVENT,
          "smuggler",
          Optional.of("goods"),
          Map.of("to", "destination", "from", "origin"));

  /** Verb lemmas that trigger an event. */
  static final Map<String, Trigger> VERBS =
      Map.ofEntries(
          Map.entry("kill", KILLING),
          Map.entry("murder", KILLING),
          Map.entry("assassinate", KILLING),
          Map.entry("execute", KILLING),
          Map.entry("shoot", KILLING),
          Map.entry("stab", KILLING),
          Map.entry("massacre", KILLING),
          Map.entry("slay", KILLING),
          Map.entry("wound", WOUNDING),
          Map.entry("injure", WOUNDING),
          Map.entry("explode", EXPLOSION),
          Map.entry("detonate", DETONATION),
          Map.entry("attack", ATTACK),
          Map.entry("bomb", ATTACK),
          Map.entry("dynamite", ATTACK),
          Map.entry("destroy", ATTACK),
          Map.entry("damage", ATTACK),
          Map.entry("burn", ATTACK),
          Map.entry("sabotage", ATTACK),
          Map.entry("target", ATTACK),
          Map.entry("ambush", ATTACK),
          Map.entry("arrest", ARREST),
          Map.entry("detain", ARREST),
          Map.entry("apprehend", ARREST),
          Map.entry("jail", ARREST),
          Map.entry("imprison", ARREST),
          Map.entry("capture", ARREST),
          Map.entry("sanction", SANCTION),
          Map.entry("designate", SANCTION),
          Map.entry("blacklist", SANCTION),
          Map.entry("recruit", RECRUITMENT),
          Map.entry("enlist", RECRUITMENT),
          Map.entry("defect", DEFECTION),
          Map.entry("kidnap", KIDNAPPING),
          Map.entry("abduct", KIDNAPPING),
          Map.entry("plot", PLOT),
          Map.entry("meet", MEETING),
          Map.entry("travel", TRAVEL),
          Map.entry("fly", TRAVEL),
          Map.entry("visit", VISIT),
          Map.entry("pay", PAYMENT),
          Map.entry("fund", FUNDING),
          Map.entry("finance", FUNDING),
          Map.entry("bankroll", FUNDING),
          Map.entry("smuggle", SMUGGLING),
          Map.entry("traffic", SMUGGLING));

  /** Noun lemmas that trigger an event ("the arrest of", "his abduction"). */
  static final Map<String, Trigger> NOUNS =
      Map.ofEntries(
          Map.entry("killing", KILLING),
          Map.entry("murder", KILLING),
          Map.entry("assassination", KILLING),
          Map.entry("execution", KILLING),
          Map.entry("massacre", KILLING),
          Map.entry("attack", ATTACK),
          Map.entry("bombing", ATTACK),
          Map.entry("ambush", ATTACK),
          Map.entry("sabotage", ATTACK),
          Map.entry("arson", ATTACK),
          Map.entry("shooting", ATTACK),
          Map.entry("explosion", EXPLOSION),
          Map.entry("blast", EXPLOSION),
          Map.entry("arrest", ARREST),
          Map.entry("detention", ARREST),
          Map.entry("capture", ARREST),
          Map.entry("designation", SANCTION),
          Map.entry("sanction", SANCTION),
          Map.entry("recruitment", RECRUITMENT),
          Map.entry("defection", DEFECTION),
          Map.entry("kidnapping", KIDNAPPING),
          Map.entry("abduction", KIDNAPPING),
          Map.entry("plot", PLOT),
          Map.entry("meeting", MEETING),
          Map.entry("visit", VISIT),
          Map.entry("trip", TRAVEL),
          Map.entry("payment", PAYMENT),
          Map.entry("funding", FUNDING),
          Map.entry("smuggling", SMUGGLING),
          Map.entry("trafficking", SMUGGLING));

  /** The trigger of a noun, taking "an assassination plot" as a plot, not a killing. */
  static Optional<Trigger> forNoun(String lemma) {
    return Optional.ofNullable(NOUNS.get(lemma));
  }
}
