/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.vigil.extract.MentionType;

/**
 * Readers of the training corpora into {@link GoldSentence}s, tokens joined by single spaces:
 * CoNLL04 (SpERT's JSON: tokens, BILOU tags, relations by entity index) and Re-DocRED (documents of
 * tokenised sentences; a fact is taught in every sentence where a mention of its head and one of
 * its tail both lie).
 */
public final class TrainingCorpora {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, RelationLabel> CONLL04 =
      Map.of(
          "Work_For", RelationLabel.WORK_FOR,
          "Kill", RelationLabel.KILL,
          "Live_In", RelationLabel.LIVE_IN,
          "OrgBased_In", RelationLabel.BASED_IN,
          "Located_In", RelationLabel.LOCATED_IN);

  /**
   * The Re-DocRED relations taught, by Wikidata id, in the corpus's direction; where a fact's types
   * could stand in several labels, the first that fits them. Its places have labels of their own
   * (residence, headquarters, birthplace, citizenship, territory): CoNLL04's Live_In and
   * OrgBased_In read any place tied to a person or an organisation, Re-DocRED tells them apart, and
   * teaching both under one label made the model call every such place a residence.
   */
  private static final Map<String, List<RelationLabel>> RE_DOCRED =
      Map.of(
          "P108", List.of(RelationLabel.WORK_FOR),
          "P463", List.of(RelationLabel.MEMBER_OF),
          "P112", List.of(RelationLabel.FOUNDED_BY),
          "P127", List.of(RelationLabel.OWNED_BY),
          "P159", List.of(RelationLabel.HEADQUARTERS),
          "P551", List.of(RelationLabel.RESIDENCE),
          "P19", List.of(RelationLabel.BORN_IN),
          "P27", List.of(RelationLabel.CITIZEN_OF),
          "P131", List.of(RelationLabel.LOCATED_IN, RelationLabel.IN_TERRITORY),
          "P17", List.of(RelationLabel.LOCATED_IN, RelationLabel.IN_TERRITORY));

  private TrainingCorpora() {}

  private record Joined(String text, int[] starts, int[] ends) {
    int start(int token) {
      return starts[token];
    }

    int end(int tokenAfter) {
      return ends[tokenAfter - 1];
    }
  }

  private static Joined join(JsonNode tokens) {
    StringBuilder text = new StringBuilder();
    int[] starts = new int[tokens.size()];
    int[] ends = new int[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        text.append(' ');
      }
      starts[i] = text.length();
      text.append(tokens.get(i).asText());
      ends[i] = text.length();
    }
    return new Joined(text.toString(), starts, ends);
  }

  /** The sentences of a CoNLL04 split file. */
  public static List<GoldSentence> conll04(Path file) throws IOException {
    List<GoldSentence> out = new ArrayList<>();
    for (JsonNode s : JSON.readTree(file.toFile())) {
      Joined j = join(s.path("tokens"));
      List<GoldSentence.Entity> entities = new ArrayList<>();
      int begin = -1;
      JsonNode tags = s.path("tags");
      for (int i = 0; i < tags.size(); i++) {
        String tag = tags.get(i).asText();
        if (tag.startsWith("U-")) {
          entities.add(new GoldSentence.Entity(j.start(i), j.end(i + 1), conll04Type(tag)));
        } else if (tag.startsWith("B-")) {
          begin = i;
        } else if (tag.startsWith("L-") && begin >= 0) {
          entities.add(new GoldSentence.Entity(j.start(begin), j.end(i + 1), conll04Type(tag)));
          begin = -1;
        }
      }
      List<GoldSentence.Link> links = new ArrayList<>();
      for (JsonNode r : s.path("relations")) {
        RelationLabel label = CONLL04.get(r.path("type").asText());
        if (label != null) {
          links.add(new GoldSentence.Link(r.path("head").asInt(), r.path("tail").asInt(), label));
        }
      }
      out.add(new GoldSentence(j.text(), entities, links, false));
    }
    return out;
  }

  private static MentionType conll04Type(String tag) {
    return switch (tag.substring(2)) {
      case "Peop" -> MentionType.PERSON;
      case "Org" -> MentionType.ORGANIZATION;
      case "Loc" -> MentionType.LOCATION;
      default -> MentionType.MISC;
    };
  }

  /** The sentences of the Re-DocRED documents whose title {@code kept} accepts. */
  public static List<GoldSentence> reDocred(Path file, Predicate<String> kept) throws IOException {
    List<GoldSentence> out = new ArrayList<>();
    for (JsonNode d : JSON.readTree(file.toFile())) {
      if (!kept.test(d.path("title").asText())) {
        continue;
      }
      JsonNode sents = d.path("sents");
      JsonNode vertices = d.path("vertexSet");
      for (int sid = 0; sid < sents.size(); sid++) {
        Joined j = join(sents.get(sid));
        List<GoldSentence.Entity> entities = new ArrayList<>();
        List<List<Integer>> byVertex = new ArrayList<>();
        for (JsonNode vertex : vertices) {
          List<Integer> here = new ArrayList<>();
          for (JsonNode m : vertex) {
            Optional<MentionType> type = reDocredType(m.path("type").asText());
            if (m.path("sent_id").asInt() == sid && type.isPresent()) {
              int from = m.path("pos").get(0).asInt();
              int to = m.path("pos").get(1).asInt();
              if (from < to && to <= j.starts().length && !overlapsAny(entities, j, from, to)) {
                here.add(entities.size());
                entities.add(new GoldSentence.Entity(j.start(from), j.end(to), type.get()));
              }
            }
          }
          byVertex.add(here);
        }
        List<GoldSentence.Link> links = new ArrayList<>();
        for (JsonNode label : d.path("labels")) {
          List<RelationLabel> relations =
              RE_DOCRED.getOrDefault(label.path("r").asText(), List.of());
          for (int h : byVertex.get(label.path("h").asInt())) {
            for (int t : byVertex.get(label.path("t").asInt())) {
              MentionType ht = entities.get(h).type();
              MentionType tt = entities.get(t).type();
              relations.stream()
                  .filter(r -> r.fits(ht, tt))
                  .findFirst()
                  .ifPresent(r -> links.add(new GoldSentence.Link(h, t, r)));
            }
          }
        }
        // Re-DocRED's revision labels the places of its entities, so an unlabelled pair is taught
        // as NONE like any other.
        out.add(new GoldSentence(j.text(), entities, links, false));
      }
    }
    return out;
  }

  private static boolean overlapsAny(
      List<GoldSentence.Entity> entities, Joined j, int from, int to) {
    int start = j.start(from);
    int end = j.end(to);
    return entities.stream().anyMatch(e -> e.start() < end && start < e.end());
  }

  private static Optional<MentionType> reDocredType(String type) {
    return switch (type) {
      case "PER" -> Optional.of(MentionType.PERSON);
      case "ORG" -> Optional.of(MentionType.ORGANIZATION);
      case "LOC" -> Optional.of(MentionType.LOCATION);
      case "MISC" -> Optional.of(MentionType.MISC);
      default -> Optional.empty();
    };
  }
}
