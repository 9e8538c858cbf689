/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.extract.syntax.ParseOutcome;
import org.vigil.model.Schema;

/**
 * A sentence with its mentions marked in place, "[P Ali Rezaei], the spokesman of the [O IRGC]" (P
 * person, O organisation, L place, M other, T a person named by office: "the commander", D a party
 * named by description: "a peasant"), parsed by the real parser; and the assertions the rule tests
 * read with.
 */
public final class Marked {
  private static final Pattern MARK = Pattern.compile("\\[([POLMTD]) ([^\\]]+)\\]");

  private Marked() {}

  public static MentionedSentence sentence(String marked) {
    StringBuilder text = new StringBuilder();
    List<Mention> mentions = new ArrayList<>();
    Matcher m = MARK.matcher(marked);
    int last = 0;
    while (m.find()) {
      text.append(marked, last, m.start());
      int start = text.length();
      text.append(m.group(2));
      MentionType type =
          switch (m.group(1)) {
            case "P", "T", "D" -> MentionType.PERSON;
            case "O" -> MentionType.ORGANIZATION;
            case "L" -> MentionType.LOCATION;
            default -> MentionType.MISC;
          };
      Optional<Schema> schema =
          m.group(1).equals("D")
              ? Optional.<Schema>empty()
              : switch (type) {
                case PERSON -> Optional.of(Schema.PERSON);
                case ORGANIZATION -> Optional.of(Schema.ORGANIZATION);
                case LOCATION, MISC -> Optional.empty();
              };
      mentions.add(
          new Mention(
              m.group(2),
              type,
              start,
              text.length(),
              "test:" + m.group(2).toLowerCase(Locale.ROOT),
              schema,
              Optional.empty(),
              m.group(1).equals("T") ? "pattern:title" : "test",
              1.0));
      last = m.end();
    }
    text.append(marked.substring(last));
    ParseOutcome outcome = DependencyParser.shared().parse(text.toString(), 0);
    assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
    return new MentionedSentence(((ParseOutcome.Parsed) outcome).sentence(), mentions);
  }

  /** A relation as the tests write it: "Employment Ali Rezaei -> IRGC (spokesman)". */
  public static String link(Relation r) {
    return r.schema().ftmName()
        + " "
        + r.source().text()
        + " -> "
        + r.target().text()
        + r.role().map(role -> " (" + role + ")").orElse("");
  }

  /** A property as the tests write it: "IRGC address Tehran". */
  public static String property(ExtractedProperty p) {
    return p.entity().text() + " " + p.property() + " " + p.value();
  }

  static void assertReads(RelationRule rule, String marked, String... expected) {
    List<String> read = rule.read(sentence(marked)).stream().map(Marked::link).toList();
    assertThat(read).as(marked).containsExactlyInAnyOrder(expected);
  }

  static void assertReads(PropertyRule rule, String marked, String... expected) {
    List<String> read = rule.read(sentence(marked)).stream().map(Marked::property).toList();
    assertThat(read).as(marked).containsExactlyInAnyOrder(expected);
  }
}
