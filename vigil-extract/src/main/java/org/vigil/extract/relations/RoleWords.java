/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.Schema;

/** Nouns that name a place in an organisation or a family, and the link each one makes. */
final class RoleWords {
  private static final Set<String> EMPLOYMENT =
      Set.of(
          "spokesman",
          "spokeswoman",
          "spokesperson",
          "minister",
          "official",
          "officer",
          "agent",
          "employee",
          "adviser",
          "advisor",
          "ambassador",
          "envoy",
          "diplomat",
          "analyst",
          "correspondent",
          "reporter",
          "editor",
          "journalist",
          "secretary",
          "deputy",
          "aide",
          "head",
          "chief",
          "commander",
          "general",
          "colonel",
          "president",
          "leader",
          "governor",
          "prosecutor",
          "judge",
          "lawyer",
          "attorney",
          "spy",
          "operative",
          "staffer",
          "economist",
          "professor",
          "manager",
          "representative",
          "coordinator",
          "administrator",
          "inspector",
          "investigator",
          "detective",
          "lieutenant",
          "captain",
          "major",
          "sergeant",
          "brigadier",
          "mayor",
          "premier",
          "chancellor",
          "senator",
          "spymaster",
          "handler",
          "worker",
          "pilot",
          "consul",
          "attaché",
          "attache",
          "emissary",
          "strategist",
          "executive",
          "ceo",
          "boss",
          "coach",
          "scientist",
          "engineer",
          "researcher",
          "director",
          "chairman",
          "chairwoman",
          "chair",
          "founder",
          "co-founder",
          "cofounder",
          "owner");
  private static final Set<String> MEMBERSHIP =
      Set.of(
          "member",
          "fighter",
          "militant",
          "soldier",
          "activist",
          "supporter",
          "recruit",
          "loyalist",
          "affiliate",
          "commando",
          "volunteer",
          "cadre",
          "guerrilla",
          "insurgent");
  private static final Set<String> DIRECTORSHIP =
      Set.of("director", "chairman", "chairwoman", "chair", "ceo", "board");
  private static final Set<String> OWNERSHIP = Set.of("owner", "shareholder", "proprietor");
  private static final Set<String> FAMILY =
      Set.of(
          "brother",
          "sister",
          "son",
          "daughter",
          "father",
          "mother",
          "wife",
          "husband",
          "cousin",
          "nephew",
          "niece",
          "uncle",
          "aunt",
          "relative",
          "brother-in-law",
          "son-in-law",
          "father-in-law",
          "grandson",
          "granddaughter",
          "grandfather",
          "spouse",
          "sibling",
          "stepson",
          "stepfather",
          "widow");
  private static final Set<String> ASSOCIATE =
      Set.of(
          "associate",
          "partner",
          "ally",
          "friend",
          "colleague",
          "bodyguard",
          "accomplice",
          "confidant",
          "protégé",
          "protege",
          "mentor",
          "henchman",
          "lieutenant");
  private static final Map<String, Schema> ORGANISATION_LINK;

  static {
    var map = new java.util.HashMap<String, Schema>();
    EMPLOYMENT.forEach(w -> map.put(w, Schema.EMPLOYMENT));
    MEMBERSHIP.forEach(w -> map.put(w, Schema.MEMBERSHIP));
    DIRECTORSHIP.forEach(w -> map.put(w, Schema.DIRECTORSHIP));
    OWNERSHIP.forEach(w -> map.put(w, Schema.OWNERSHIP));
    ORGANISATION_LINK = Map.copyOf(map);
  }

  private RoleWords() {}

  /** The link a person with role {@code lemma} has to an organisation, if the word names one. */
  static Optional<Schema> toOrganisation(String lemma) {
    return Optional.ofNullable(ORGANISATION_LINK.get(lemma));
  }

  /** The link a person with role {@code lemma} has to another person, if the word names one. */
  static Optional<Schema> toPerson(String lemma) {
    if (FAMILY.contains(lemma)) {
      return Optional.of(Schema.FAMILY);
    }
    if (ASSOCIATE.contains(lemma)) {
      return Optional.of(Schema.ASSOCIATE);
    }
    return Optional.empty();
  }

  /** Whether {@code lemma} names a role at all. */
  static boolean isRole(String lemma) {
    return ORGANISATION_LINK.containsKey(lemma)
        || FAMILY.contains(lemma)
        || ASSOCIATE.contains(lemma);
  }
}
