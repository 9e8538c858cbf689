/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vigil.claims.Stance;
import org.vigil.model.Credibility;
import org.vigil.model.Tlp;

/**
 * STIX 2.1 {@code opinion} objects over the claims an export already holds, kept apart from the
 * objects' {@code confidence} (the credibility by the Admiralty mapping) and from the reports'
 * reliability labels:
 *
 * <ul>
 *   <li>an analyst's credibility grade in force on a claim is that analyst's opinion of the claim's
 *       object (1 strongly-agree, 2 agree, 3 neutral, 4 disagree, 5 strongly-disagree), with the
 *       grade's admiralty-scale label and reason, created by the analyst's {@code identity}; a
 *       grade of 6 ("cannot be judged") is no agreement either way, so it gives no opinion;
 *   <li>a named claimant's stance on a claim read from reporting ("claimant: Trump; stance: denies"
 *       in the claim's summary) is the claimant's opinion of what the claim's object tells (asserts
 *       strongly-agree, alleges agree, speculates neutral, denies strongly-disagree), the claimant
 *       named in {@code authors}.
 * </ul>
 *
 * <p>An opinion refers only to an object of the export and carries that object's markings, so it
 * leaves to no one who may not read the object; judgements on claims the export does not hold are
 * dropped. Ids are deterministic, like every other object's.
 */
public final class StixOpinions {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private StixOpinions() {}

  /**
   * {@code objects} with the opinions of {@code judgements} and of the claimants' stances added,
   * and an identity for each analyst who has an opinion among them.
   */
  public static StixObjects add(StixObjects objects, List<AnalystJudgement> judgements) {
    requireNonNull(objects, "objects");
    requireNonNull(judgements, "judgements");
    Map<String, ObjectNode> byEntity = new TreeMap<>();
    Map<String, ObjectNode> out = new TreeMap<>();
    for (ObjectNode o : objects.objects()) {
      out.put(o.get("id").asText(), o);
      // a sighting carries its event's entity id too, but opinions are of the event's own object
      if (o.hasNonNull("x_vigil_entity_id") && !o.path("type").asText().equals("sighting")) {
        byEntity.put(o.get("x_vigil_entity_id").asText(), o);
      }
    }
    for (ObjectNode o : byEntity.values()) {
      stance(o).ifPresent(opinion -> out.put(opinion.get("id").asText(), opinion));
    }
    Map<String, List<ObjectNode>> byAnalyst = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    for (AnalystJudgement j : judgements) {
      ObjectNode about = byEntity.get(j.claimId());
      Optional<String> agreement = agreement(j.credibility());
      if (about == null || agreement.isEmpty()) {
        continue;
      }
      ObjectNode opinion = judged(j, about, agreement.get());
      byAnalyst.computeIfAbsent(j.analystId(), k -> new ArrayList<>()).add(opinion);
      names.put(j.analystId(), j.analystName());
      out.put(opinion.get("id").asText(), opinion);
    }
    for (Map.Entry<String, List<ObjectNode>> a : byAnalyst.entrySet()) {
      ObjectNode identity = analyst(a.getKey(), names.get(a.getKey()), a.getValue());
      out.put(identity.get("id").asText(), identity);
    }
    return new StixObjects(List.copyOf(out.values()), objects.leftOut());
  }

  /** The STIX id of the identity that stands for the analyst {@code analystId}. */
  public static String analystIdentity(String analystId) {
    return StixIds.of("identity", "analyst:" + analystId);
  }

  /** The agreement an analyst's credibility grade expresses; none for 6, "cannot be judged". */
  static Optional<String> agreement(Credibility c) {
    return switch (c) {
      case CONFIRMED -> Optional.of("strongly-agree");
      case PROBABLY_TRUE -> Optional.of("agree");
      case POSSIBLY_TRUE -> Optional.of("neutral");
      case DOUBTFUL -> Optional.of("disagree");
      case IMPROBABLE -> Optional.of("strongly-disagree");
      case CANNOT_BE_JUDGED -> Optional.empty();
    };
  }

  /** The agreement a claimant's stance expresses with what it is said about. */
  static String agreement(Stance s) {
    return switch (s) {
      case ASSERTS -> "strongly-agree";
      case ALLEGES -> "agree";
      case SPECULATES -> "neutral";
      case DENIES -> "strongly-disagree";
    };
  }

  private static ObjectNode judged(AnalystJudgement j, ObjectNode about, String agreement) {
    String aboutId = about.get("id").asText();
    ObjectNode o = base("grade:" + j.analystId() + ":" + aboutId, j.gradedAt(), j.gradedAt());
    o.put("created_by_ref", analystIdentity(j.analystId()));
    o.put(
        "explanation",
        "Information credibility "
            + j.credibility().grade()
            + " ("
            + j.credibility().expanded()
            + ")"
            + (j.reason().isBlank() ? "" : ": " + j.reason().strip()));
    o.putArray("authors").add(j.analystName());
    o.putArray("object_refs").add(aboutId);
    o.put("opinion", agreement);
    o.putArray("labels").add(j.credibility().mispTag());
    return marked(o, about);
  }

  /** The claimant's opinion of the claim's object, when its summary names one and a stance. */
  private static Optional<ObjectNode> stance(ObjectNode about) {
    String claimant = "";
    Optional<Stance> stance = Optional.empty();
    for (JsonNode summary : about.path("x_vigil_properties").path("summary")) {
      for (String part : summary.asText().split("; ")) {
        if (part.startsWith("claimant: ")) {
          claimant = part.substring("claimant: ".length()).strip();
        } else if (part.startsWith("stance: ")) {
          stance = parse(part.substring("stance: ".length()));
        }
      }
    }
    if (claimant.isEmpty() || stance.isEmpty()) {
      return Optional.empty();
    }
    String aboutId = about.get("id").asText();
    Instant created = StixTime.parse(about.get("created").asText());
    Instant modified = StixTime.parse(about.path("modified").asText(about.get("created").asText()));
    ObjectNode o = base("stance:" + aboutId, created, modified);
    o.put("explanation", claimant + " " + stance.get().word() + " it, as reported");
    o.putArray("authors").add(claimant);
    o.putArray("object_refs").add(aboutId);
    o.put("opinion", agreement(stance.get()));
    return Optional.of(marked(o, about));
  }

  private static Optional<Stance> parse(String word) {
    try {
      return Optional.of(Stance.parse(word));
    } catch (IllegalArgumentException e) {
      // A summary written by hand may say something else after "stance:": no opinion then.
      return Optional.empty();
    }
  }

  private static ObjectNode base(String key, Instant created, Instant modified) {
    ObjectNode o = JSON.objectNode();
    o.put("type", "opinion");
    o.put("spec_version", "2.1");
    o.put("id", StixIds.of("opinion", key));
    o.put("created", StixTime.format(created));
    o.put("modified", StixTime.format(modified.isBefore(created) ? created : modified));
    return o;
  }

  /** The markings of the object an opinion is about: it may go only where that object goes. */
  private static ObjectNode marked(ObjectNode opinion, ObjectNode about) {
    ArrayNode refs = opinion.putArray("object_marking_refs");
    about.path("object_marking_refs").forEach(r -> refs.add(r.asText()));
    if (about.has("granular_markings")) {
      opinion.set("granular_markings", about.get("granular_markings").deepCopy());
    }
    return opinion;
  }

  /** The analyst's identity, as restricted as the most restricted of their opinions. */
  private static ObjectNode analyst(String analystId, String name, List<ObjectNode> opinions) {
    ObjectNode o = JSON.objectNode();
    o.put("type", "identity");
    o.put("spec_version", "2.1");
    o.put("id", analystIdentity(analystId));
    String first =
        opinions.stream()
            .map(p -> p.get("created").asText())
            .min(Comparator.naturalOrder())
            .orElseThrow();
    o.put("created", first);
    o.put("modified", first);
    o.put("name", name);
    o.put("identity_class", "individual");
    o.putArray("roles").add("analyst");
    Tlp strictest = Tlp.CLEAR;
    for (ObjectNode p : opinions) {
      for (JsonNode ref : p.path("object_marking_refs")) {
        Tlp tlp = TlpMarkings.levelOf(ref.asText()).orElse(Tlp.CLEAR);
        if (tlp.compareTo(strictest) > 0) {
          strictest = tlp;
        }
      }
    }
    o.putArray("object_marking_refs").add(TlpMarkings.id(strictest));
    return o;
  }
}
