/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.Attribution;
import org.vigil.extract.EventRole;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Stance;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Dependency;
import org.vigil.model.Schema;

/** What a trigger's arguments name, and the event they make. */
final class Arguments {
  private static final Set<String> NEGATIONS = Set.of("not", "never", "n't");
  private static final Set<String> PLACE_ROLES =
      Set.of("to", "from", "destination", "origin", "target");

  /** Nouns for people who act for a body: "agents of the ministry". */
  private static final Set<String> PROXIES =
      Set.of(
          "agent",
          "operative",
          "officer",
          "member",
          "man",
          "gunman",
          "force",
          "official",
          "employee",
          "spy",
          "proxy",
          "assassin",
          "hitman",
          "soldier",
          "fighter",
          "informant",
          "collaborator",
          "mercenary",
          "guerrilla",
          "rebel",
          "militant",
          "commando",
          "terrorist",
          "insurgent",
          "militiaman",
          "unit",
          "cell");

  /** Words for arms and explosives: only a phrase with one of them is a weapon. */
  static final Set<String> WEAPONS =
      Set.of(
          "bomb",
          "bombs",
          "car-bomb",
          "dynamite",
          "explosive",
          "explosives",
          "grenade",
          "grenades",
          "mortar",
          "mortars",
          "rocket",
          "rockets",
          "missile",
          "missiles",
          "launcher",
          "launchers",
          "mine",
          "mines",
          "rifle",
          "rifles",
          "gun",
          "guns",
          "machinegun",
          "machineguns",
          "machine-gun",
          "pistol",
          "pistols",
          "revolver",
          "knife",
          "knives",
          "machete",
          "machetes",
          "firearm",
          "firearms",
          "weapon",
          "weapons",
          "ammunition",
          "incendiary",
          "molotov",
          "tnt",
          "c-4",
          "semtex",
          "ak-47",
          "m-16",
          "uzi",
          "bazooka",
          "artillery");

  /** Heads that are arms by the word before them: "explosive devices", "machinegun fire". */
  private static final Set<String> ARMS_HEADS =
      Set.of("device", "fire", "charge", "round", "shell", "package", "attack");

  /** Roles of those an event is done to, whose body is their affiliation, not the role's holder. */
  private static final Set<String> DONE_TO = Set.of("subject", "victim", "target", "recruit");

  /** Nouns of joint action whose "with" names a partner: "in coordination with the UK". */
  private static final Set<String> JOINT =
      Set.of("coordination", "cooperation", "effort", "operation", "partnership", "concert");

  private final MentionedSentence s;
  private final List<EventRole> roles = new ArrayList<>();

  Arguments(MentionedSentence s) {
    this.s = s;
  }

  /** Adds the named mentions at the dependents of {@code word} by {@code rel} in {@code role}. */
  void add(int word, String rel, String role) {
    for (int d : s.parse().dependents(word, rel)) {
      if ((rel.equals("nsubj") && s.parse().dependents(word, "nsubj:pass").contains(d))
          || splitName(word, rel, d)) {
        continue;
      }
      // "A car bomb killed two guards": arms in the doer's place are what it was done with.
      add(d, role.equals("perpetrator") && armsAt(s, d) ? "weapon" : role);
    }
  }

  void add(int told, String role) {
    Optional<Integer> participant =
        DONE_TO.contains(role) ? PartsOfWholes.participant(s, told) : Optional.of(told);
    if (participant.isEmpty()) {
      return;
    }
    int word = participant.get();
    Optional<Mention> m = bracketed(word).or(() -> s.named(word)).map(n -> namedBeside(word, n));
    if (m.isEmpty() && PROXIES.contains(s.lemma(word))) {
      // "abducted by agents of the ministry": the agents act for the body they are of.
      m =
          s.parse().dependents(word, "nmod:of").stream()
              .map(of -> s.mentionAt(of, MentionType.ORGANIZATION))
              .flatMap(Optional::stream)
              .findFirst();
    }
    if (m.isEmpty() && PROXIES.contains(s.lemma(word))) {
      // "arrested 17 FSB agents": the agents are not named, their body is; it is the body they
      // act for, not the one arrested.
      Optional<Mention> body =
          s.parse().dependents(word, "compound").stream()
              .map(c -> s.mentionAt(c, MentionType.ORGANIZATION))
              .flatMap(Optional::stream)
              .findFirst();
      if (body.isPresent()) {
        add(body.get(), DONE_TO.contains(role) ? role + "'s affiliation" : role);
        return;
      }
    }
    if (m.isEmpty()) {
      return;
    }
    add(m.get(), role);
    for (int listed : alsoNamedBeside(word)) {
      s.named(listed).ifPresent(n -> add(n, role));
    }
  }

  /**
   * The names listed after the first one set beside a description: "two nationals, Pedro Linares
   * and Jose Marquez" names both.
   */
  private List<Integer> alsoNamedBeside(int word) {
    List<Integer> out = new ArrayList<>();
    if (s.mentionAt(word).filter(m -> m.schema().isPresent()).isPresent()) {
      return out;
    }
    for (int d : s.parse().dependents(word, "appos")) {
      if (s.mentionAt(d).filter(n -> n.schema().isPresent()).isPresent()) {
        out.add(d);
        out.addAll(s.parse().dependents(d, "conj"));
      }
    }
    return out;
  }

  /**
   * Whether {@code d} is the tail of a name the parser split into a list: in "an officer of the
   * Ministry of Intelligence and Security defected" it reads "Security" as a second subject beside
   * "officer", though it lies inside the name that the officer is "of".
   */
  private boolean splitName(int word, String rel, int d) {
    Optional<Mention> name = s.mentionAt(d);
    if (name.isEmpty()) {
      return false;
    }
    for (int x : s.parse().dependents(word, rel)) {
      boolean listed =
          x != d
              && s.parse().dependents(x).stream().anyMatch(c -> c.is("conj") && c.dependent() == d);
      if (listed
          && s.parse().dependents(x).stream()
              .anyMatch(n -> n.is("nmod") && s.inside(n.dependent(), name.get()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The name set beside a description: "kidnapped a peasant, Jose Posada" names Jose Posada, "a
   * senior officer, Colonel Ali Rezaei," the colonel, "Vladimir Escobar, an official who was shot"
   * Vladimir Escobar. A description is a mention without a schema (see {@link Mention#described});
   * a name in apposition to it takes its place.
   */
  private Mention namedBeside(int word, Mention found) {
    if (found.schema().isPresent()
        || found.type() == MentionType.LOCATION
        || found.type() == MentionType.MISC) {
      return found;
    }
    for (int d : s.parse().dependents(word, "appos")) {
      Optional<Mention> name = s.mentionAt(d).filter(n -> n.schema().isPresent());
      if (name.isPresent()) {
        return name.get();
      }
    }
    // "Vladimir Escobar, a municipal official who was shot": the description is set beside the
    // name, or both beside a third ("a party member, Vladimir Escobar, a municipal official").
    for (Dependency g : s.parse().governors(word)) {
      if (!g.is("appos") || g.governor() < 0) {
        continue;
      }
      List<Integer> beside = new ArrayList<>(List.of(g.governor()));
      beside.addAll(s.parse().dependents(g.governor(), "appos"));
      for (int b : beside) {
        Optional<Mention> name =
            s.mentionAt(b).filter(n -> n.schema().isPresent() && n.type() == found.type());
        if (b != word && name.isPresent()) {
          return name.get();
        }
      }
    }
    return found;
  }

  /**
   * The body a bracketed acronym names, set on the head of a longer name: in "the Treasury's Office
   * of Foreign Assets Control (OFAC)" the acronym names the whole phrase, whichever word the parser
   * made its head.
   */
  private Optional<Mention> bracketed(int word) {
    // "A senior officer of the Service (SEBIN)": the acronym names the body, not the described
    // officer, whose words reach it through "of".
    if (s.mentionAt(word).filter(m -> m.schema().isPresent()).isEmpty()) {
      return Optional.empty();
    }
    List<Integer> level = List.of(word);
    for (int depth = 0; depth < 3 && !level.isEmpty(); depth++) {
      List<Integer> next = new ArrayList<>();
      for (int at : level) {
        for (Dependency d : s.parse().dependents(at)) {
          int w = d.dependent();
          if ((d.is("dep") || d.is("appos"))
              && w > 0
              && s.parse().token(w - 1).word().equals("(")) {
            Optional<Mention> acronym = s.mentionAt(w, MentionType.ORGANIZATION);
            if (acronym.isPresent()) {
              return acronym;
            }
          }
          if (d.is("nmod") || d.is("compound") || d.is("flat")) {
            next.add(w);
          }
        }
      }
      level = next;
    }
    return Optional.empty();
  }

  /**
   * The partners of a joint action, in the role of its doer: "X, in coordination with the UK,
   * sanctioned", "X announced, in a joint operation with Y, ...".
   */
  void addPartners(int word, String role) {
    for (Dependency d : s.parse().dependents(word)) {
      if ((d.is("obl:in") || d.is("obl:with")) && JOINT.contains(s.lemma(d.dependent()))) {
        add(d.dependent(), "nmod:with", role);
      }
    }
  }

  private void add(Mention mention, String role) {
    Optional<Mention> m = Optional.of(mention);
    if (!fits(m.get(), role)) {
      return;
    }
    Mention found = m.get();
    if (roles.stream().noneMatch(x -> x.mention().equals(found))) {
      roles.add(new EventRole(role, found));
    }
  }

  boolean isEmpty() {
    return roles.isEmpty();
  }

  /** Whether someone already plays {@code role}. */
  boolean has(String role) {
    return roles.stream().anyMatch(r -> r.role().equals(role));
  }

  /** The event, or nothing when no participant is named (or a sanction names no target). */
  Optional<ExtractedEvent> event(Trigger t, int trigger, String rule, double confidence) {
    List<Mention> participants = new ArrayList<>();
    Optional<String> authority = Optional.empty();
    Optional<String> program = Optional.empty();
    if (t.schema() == Schema.SANCTION) {
      List<Mention> targets =
          roles.stream().filter(r -> r.role().equals("target")).map(EventRole::mention).toList();
      if (targets.isEmpty()) {
        return Optional.empty();
      }
      participants.addAll(targets);
      Set<String> authorities = new LinkedHashSet<>();
      roles.stream()
          .filter(r -> r.role().equals("authority"))
          .forEach(r -> authorities.add(asWritten(r.mention())));
      authority =
          authorities.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", authorities));
      for (int d : s.parse().dependents(trigger, "obl:under")) {
        program = Optional.of(s.roleAt(d));
      }
    }
    // A country that imposes or arrests is named in the authority; as a place it is no entity to
    // link the event to.
    roles.removeIf(r -> r.role().equals("authority") && r.mention().type() == MentionType.LOCATION);
    roles.stream()
        .map(EventRole::mention)
        .filter(m -> !participants.contains(m))
        .forEach(participants::add);
    if (participants.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> place = place(trigger);
    Attribution attribution =
        negated(trigger)
            ? new Attribution(Optional.empty(), Stance.DENIES, "not")
            : Attribution.SOURCE;
    return Optional.of(
        new ExtractedEvent(
            t.schema(),
            t.kind(),
            Optional.empty(),
            place,
            participants,
            authority,
            program,
            s.text(),
            s.start(),
            s.end(),
            confidence,
            "rule:" + rule,
            attribution.stance() == Stance.DENIES,
            roles,
            attribution));
  }

  /** An authority as the text names it ("OFAC"); a pronoun by the name it stands for. */
  private static String asWritten(Mention m) {
    return m.extractor().startsWith("coref:") ? m.name() : m.text();
  }

  private Optional<String> place(int trigger) {
    for (Dependency d : s.parse().dependents(trigger)) {
      if (d.is("obl:in")
          || d.is("obl:at")
          || d.is("obl:near")
          || d.is("obl:outside")
          || d.is("nmod:in")
          || d.is("nmod:at")
          || d.is("nmod:near")
          || d.is("obl:to")) {
        Optional<Mention> m = s.mentionAt(d.dependent(), MentionType.LOCATION);
        if (m.isPresent()) {
          return Optional.of(m.get().name());
        }
      }
    }
    return Optional.empty();
  }

  private boolean negated(int trigger) {
    return s.parse().dependents(trigger, "advmod").stream()
        .anyMatch(d -> NEGATIONS.contains(s.parse().token(d).word().toLowerCase(Locale.ROOT)));
  }

  /** People and organisations play any role; a place only one that can be a place. */
  private static boolean fits(Mention m, String role) {
    if (role.equals("weapon")) {
      return isWeapon(m.text());
    }
    return switch (m.type()) {
      case PERSON, ORGANIZATION -> true;
      // A country acts as a state where it imposes or arrests: "the UK sanctioned".
      case LOCATION -> PLACE_ROLES.contains(role) || role.equals("authority");
      case MISC -> false;
    };
  }

  /**
   * Whether the phrase headed by {@code word} names arms: the head or a word set before it is a
   * word for arms or explosives ("a car bomb", "three explosive devices").
   */
  static boolean armsAt(MentionedSentence s, int word) {
    if (isWeapon(s.parse().token(word).word())) {
      return true;
    }
    if (!ARMS_HEADS.contains(s.lemma(word))) {
      return false;
    }
    for (Dependency d : s.parse().dependents(word)) {
      if ((d.is("compound") || d.is("amod"))
          && d.dependent() < word
          && isWeapon(s.parse().token(d.dependent()).word())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The arms a trigger was done with when the text names them by "use": "guerrillas, using mortars,
   * attacked" (the trigger's own "using"), "the agency used a car bomb to kill him" (the trigger
   * says what "use" was for; the user is then the doer too).
   */
  void addInstruments(int trigger, String agent) {
    List<Integer> users = new ArrayList<>(List.of(trigger));
    // "guerrillas, using mortars, attacked": the parser often hangs "using" on the subject.
    users.addAll(s.parse().dependents(trigger, "nsubj"));
    for (int user : users) {
      for (Dependency d : s.parse().dependents(user)) {
        if ((d.is("advcl") || d.is("xcomp") || d.is("acl"))
            && s.lemma(d.dependent()).equals("use")) {
          add(d.dependent(), "obj", "weapon");
        }
      }
    }
    for (Dependency g : s.parse().governors(trigger)) {
      if (g.governor() >= 0
          && (g.is("advcl") || g.is("xcomp"))
          && s.lemma(g.governor()).equals("use")
          && s.parse().dependents(g.governor(), "obj").stream().anyMatch(o -> armsAt(s, o))) {
        add(g.governor(), "obj", "weapon");
        add(g.governor(), "nsubj", agent);
      }
    }
  }

  /** Whether {@code words} name arms: one of them is a word for arms or explosives. */
  static boolean isWeapon(String words) {
    for (String w : words.toLowerCase(Locale.ROOT).split("[\\s/]+")) {
      if (WEAPONS.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
