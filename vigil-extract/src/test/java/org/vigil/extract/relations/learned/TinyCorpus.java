/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.extract.MentionType;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.DependencyParser;

/**
 * Hand-written training sentences, entities marked in place as the rule tests mark them ("[P Anna
 * Berg] works for [O Siemens]"), with their gold links; parsed by the real parser.
 */
final class TinyCorpus {
  private static final Pattern MARK = Pattern.compile("\\[([POLM]) ([^\\]]+)\\]");

  private TinyCorpus() {}

  /** A gold sentence; {@code links} are "0 WORK_FOR 1" triples by entity place. */
  static GoldSentence gold(String marked, String... links) {
    StringBuilder text = new StringBuilder();
    List<GoldSentence.Entity> entities = new ArrayList<>();
    Matcher m = MARK.matcher(marked);
    int last = 0;
    while (m.find()) {
      text.append(marked, last, m.start());
      int start = text.length();
      text.append(m.group(2));
      MentionType type =
          switch (m.group(1)) {
            case "P" -> MentionType.PERSON;
            case "O" -> MentionType.ORGANIZATION;
            case "L" -> MentionType.LOCATION;
            default -> MentionType.MISC;
          };
      entities.add(new GoldSentence.Entity(start, text.length(), type));
      last = m.end();
    }
    text.append(marked.substring(last));
    List<GoldSentence.Link> gold = new ArrayList<>();
    for (String l : links) {
      String[] parts = l.split(" ");
      gold.add(
          new GoldSentence.Link(
              Integer.parseInt(parts[0]),
              Integer.parseInt(parts[2]),
              RelationLabel.valueOf(parts[1])));
    }
    return new GoldSentence(text.toString(), entities, gold, false);
  }

  static MentionedSentence parsed(GoldSentence s) {
    Optional<MentionedSentence> parsed = s.parse(DependencyParser.shared());
    return parsed.orElseThrow(() -> new AssertionError("not parsed: " + s.text()));
  }

  static List<GoldSentence> sentences() {
    return List.of(
        gold("[P Anna Berg] works for [O Siemens] in [L Munich].", "0 WORK_FOR 1", "1 BASED_IN 2"),
        gold(
            "[P Omar Haddad] works for [O Reuters] in [L London].", "0 WORK_FOR 1", "1 BASED_IN 2"),
        gold("[P Lena Ortiz] works for [O Oxfam].", "0 WORK_FOR 1"),
        gold("[P Ivan Petrov] works for [O Gazprom] now.", "0 WORK_FOR 1"),
        gold("[P Jack Ruby] shot [P Lee Oswald] in [L Dallas].", "0 KILL 1"),
        gold("[P Brutus] killed [P Caesar] in [L Rome].", "0 KILL 1"),
        gold("[P Maria Silva] met [P John Doe] in [L Lisbon]."),
        gold("[P Tom Hale] visited [O Siemens] in [L Berlin]."),
        gold("[P Ali Rezaei] lives in [L Tehran].", "0 LIVE_IN 1"),
        gold("[P Sara Cohen] lives in [L Haifa] with [P Dan Cohen].", "0 LIVE_IN 1", "2 LIVE_IN 1"),
        gold("[L Aiken] is a town in [L South Carolina].", "0 LOCATED_IN 1"),
        gold("[L Bethany] is a town in [L Connecticut].", "0 LOCATED_IN 1"));
  }

  static List<TrainingExample> examples() {
    List<TrainingExample> out = new ArrayList<>();
    for (GoldSentence s : sentences()) {
      out.addAll(TrainingExamples.of(s, parsed(s)));
    }
    return out;
  }
}
