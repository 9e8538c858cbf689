/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.model.Schema;

/**
 * Readers of the sentence-level relation corpora: CoNLL04 (SpERT's JSON: tokens, BILOU tags,
 * relations between the tagged entities by index) and Re-DocRED (documents of tokenised sentences;
 * a fact counts for a sentence where a mention of its head and one of its tail both lie in it).
 * Tokens are joined by single spaces; gold spans are char spans of that text.
 */
public final class SentenceCorpora {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The Re-DocRED relations evaluated, by Wikidata id. */
  public static final Map<String, String> RE_DOCRED_RELATIONS =
      Map.of(
          "P108", "employer",
          "P463", "member of",
          "P112", "founded by",
          "P127", "owned by",
          "P159", "headquarters location",
          "P551", "residence");

  private SentenceCorpora() {}

  private record Joined(String text, int[] starts, int[] ends) {}

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

  /** The sentences of a CoNLL04 split file, at most {@code limit}. */
  public static List<LabelledSentence> conll04(Path file, int limit) throws IOException {
    List<LabelledSentence> out = new ArrayList<>();
    for (JsonNode s : JSON.readTree(file.toFile())) {
      if (out.size() >= limit) {
        break;
      }
      Joined j = join(s.path("tokens"));
      List<int[]> entities = new ArrayList<>();
      int begin = -1;
      JsonNode tags = s.path("tags");
      for (int i = 0; i < tags.size(); i++) {
        String tag = tags.get(i).asText();
        if (tag.startsWith("U-")) {
          entities.add(new int[] {i, i + 1});
        } else if (tag.startsWith("B-")) {
          begin = i;
        } else if (tag.startsWith("L-") && begin >= 0) {
          entities.add(new int[] {begin, i + 1});
          begin = -1;
        }
      }
      List<Mention> mentions = new ArrayList<>();
      for (int[] e : entities) {
        mentions.add(
            given(
                j.text(),
                j.starts()[e[0]],
                j.ends()[e[1] - 1],
                conll04Type(tags.get(e[0]).asText())));
      }
      List<GoldPair> gold = new ArrayList<>();
      for (JsonNode r : s.path("relations")) {
        int[] h = entities.get(r.path("head").asInt());
        int[] t = entities.get(r.path("tail").asInt());
        gold.add(
            new GoldPair(
                r.path("type").asText(),
                j.starts()[h[0]],
                j.ends()[h[1] - 1],
                j.starts()[t[0]],
                j.ends()[t[1] - 1]));
      }
      out.add(new LabelledSentence(j.text(), gold, mentions));
    }
    return out;
  }

  /**
   * The sentences of Re-DocRED's documents, at most {@code limit} documents, with the facts of the
   * evaluated relations whose ends share the sentence.
   */
  public static List<LabelledSentence> reDocred(Path file, int limit) throws IOException {
    return reDocred(file, limit, title -> true);
  }

  /**
   * Like {@link #reDocred(Path, int)}, over the documents whose title {@code kept} accepts only
   * (such as those {@link org.vigil.extract.relations.learned.ReDocredSplit} holds out).
   */
  public static List<LabelledSentence> reDocred(Path file, int limit, Predicate<String> kept)
      throws IOException {
    List<LabelledSentence> out = new ArrayList<>();
    int documents = 0;
    for (JsonNode d : JSON.readTree(file.toFile())) {
      if (!kept.test(d.path("title").asText())) {
        continue;
      }
      if (documents++ >= limit) {
        break;
      }
      JsonNode sents = d.path("sents");
      List<Joined> joined = new ArrayList<>();
      List<List<GoldPair>> gold = new ArrayList<>();
      for (JsonNode s : sents) {
        joined.add(join(s));
        gold.add(new ArrayList<>());
      }
      for (JsonNode label : d.path("labels")) {
        String relation = label.path("r").asText();
        if (!RE_DOCRED_RELATIONS.containsKey(relation)) {
          continue;
        }
        JsonNode heads = d.path("vertexSet").get(label.path("h").asInt());
        JsonNode tails = d.path("vertexSet").get(label.path("t").asInt());
        for (int sid = 0; sid < sents.size(); sid++) {
          JsonNode h = first(heads, sid);
          JsonNode t = first(tails, sid);
          if (h != null && t != null) {
            Joined j = joined.get(sid);
            gold.get(sid)
                .add(
                    new GoldPair(
                        relation,
                        j.starts()[h.path("pos").get(0).asInt()],
                        j.ends()[h.path("pos").get(1).asInt() - 1],
                        j.starts()[t.path("pos").get(0).asInt()],
                        j.ends()[t.path("pos").get(1).asInt() - 1]));
          }
        }
      }
      for (int sid = 0; sid < sents.size(); sid++) {
        Joined j = joined.get(sid);
        out.add(new LabelledSentence(j.text(), gold.get(sid), reDocredMentions(d, sid, j)));
      }
    }
    return out;
  }

  /**
   * The gold entity mentions of sentence {@code sid}: every mention of a person, organisation,
   * place or other named thing (Re-DocRED's PER, ORG, LOC, MISC; its times and numbers are no
   * relation's ends here), the first of two that overlap.
   */
  private static List<Mention> reDocredMentions(JsonNode d, int sid, Joined j) {
    List<Mention> out = new ArrayList<>();
    for (JsonNode vertex : d.path("vertexSet")) {
      for (JsonNode m : vertex) {
        MentionType type =
            switch (m.path("type").asText()) {
              case "PER" -> MentionType.PERSON;
              case "ORG" -> MentionType.ORGANIZATION;
              case "LOC" -> MentionType.LOCATION;
              case "MISC" -> MentionType.MISC;
              default -> null;
            };
        int from = m.path("pos").get(0).asInt();
        int to = m.path("pos").get(1).asInt();
        if (type == null
            || m.path("sent_id").asInt() != sid
            || from >= to
            || to > j.starts().length) {
          continue;
        }
        int start = j.starts()[from];
        int end = j.ends()[to - 1];
        if (out.stream().noneMatch(o -> o.start() < end && start < o.end())) {
          out.add(given(j.text(), start, end, type));
        }
      }
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

  /** A gold mention, given to the reader ({@link Mention#GIVEN}). */
  static Mention given(String text, int start, int end, MentionType type) {
    String words = text.substring(start, end);
    return new Mention(
        words,
        type,
        start,
        end,
        "gold:" + type + ":" + start,
        switch (type) {
          case PERSON -> Optional.of(Schema.PERSON);
          case ORGANIZATION -> Optional.of(Schema.ORGANIZATION);
          case LOCATION, MISC -> Optional.empty();
        },
        Optional.empty(),
        Mention.GIVEN,
        1.0);
  }

  private static JsonNode first(JsonNode mentions, int sentence) {
    for (JsonNode m : mentions) {
      if (m.path("sent_id").asInt() == sentence) {
        return m;
      }
    }
    return null;
  }
}
