/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.model.Schema;

/**
 * "A criminal network", "an arms-smuggling ring", "a sleeper cell": an indefinite description of a
 * group brings in a group of its own, which a later "the network" or "this ring" can stand for.
 * Each becomes an organisation mention with an entity of its own, kept to the text it was read in
 * (two texts' "a network" are not the same network).
 */
final class IntroduceGroupDescriptions {
  static final String EXTRACTOR = "coref:group";

  /** Heads that name a group of people acting together ("group" alone names other things too). */
  private static final String HEADS =
      "network|networks|cell|cells|ring|gang|syndicate|cartel|militia|militias|group"
          + "|organisation|organization|outfit";

  private static final Pattern INDEFINITE =
      Pattern.compile(
          "(?<![\\p{L}])(?:[Aa]n?)\\s+((?:(?!(?:and|or|of|the|a|an|that|which|who)\\s)[\\p{L}-]+\\s+){0,4}?)"
              + "("
              + HEADS
              + ")(?![\\p{L}-])(?!\\s+of\\b)");

  private IntroduceGroupDescriptions() {}

  /**
   * {@code mentions} and the groups {@code text} introduces by description, where no name stands;
   * in text order.
   */
  static List<Mention> apply(String text, List<Mention> mentions) {
    List<Mention> out = new ArrayList<>(mentions);
    Matcher m = INDEFINITE.matcher(text);
    while (m.find()) {
      // "a network" alone (often a headline's) says too little to track; "a criminal network" is
      // one the text goes on about.
      if (m.group(1).isBlank()) {
        continue;
      }
      int start = m.start();
      int end = m.end();
      // A name inside ("a Sinaloa Cartel cell") is what the text tracks; a nationality or a place
      // ("an Iranian network", "a Baltic ring") only describes the group.
      if (out.stream()
          .anyMatch(
              x ->
                  x.start() < end
                      && start < x.end()
                      && (x.type() == MentionType.PERSON
                          || x.type() == MentionType.ORGANIZATION))) {
        continue;
      }
      String head = m.group(2).toLowerCase(Locale.ROOT);
      out.add(
          new Mention(
              m.group(),
              MentionType.ORGANIZATION,
              start,
              end,
              "x-org-" + hash(text + "|" + start + ":" + end + "|" + head),
              Optional.of(Schema.ORGANIZATION),
              Optional.empty(),
              EXTRACTOR,
              0.6));
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  private static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
