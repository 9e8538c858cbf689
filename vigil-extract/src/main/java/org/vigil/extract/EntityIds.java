/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Working ids for entities read from text: the same name and type give the same id, so that one
 * name in one text is one entity. They never leave the extractor: {@link Extractor#extract(String,
 * NameIdScope)} rewrites every one of them into its organisation's scope, whose ids no one without
 * the installation's key can compute from a guessed name.
 */
final class EntityIds {
  private EntityIds() {}

  static String forName(MentionType type, String name) {
    String key = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return "x-" + type.name().toLowerCase(Locale.ROOT) + "-" + hash(type.name() + "|" + key);
  }

  /** An id for something read at one place in one source: an edge, an event, a nominal. */
  static String forReading(String kind, String sourceId, int start, int end, String... parts) {
    // Kinds of two words ("at large", "assassination plot") join with a hyphen: ids have no spaces.
    return "x-"
        + kind.strip().replaceAll("\\s+", "-")
        + "-"
        + hash(sourceId + "|" + start + ":" + end + "|" + String.join("|", parts));
  }

  static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
