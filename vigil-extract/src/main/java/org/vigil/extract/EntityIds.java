/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ids for entities read from text: the same name and type give the same id in every text of one
 * installation. A name's id is keyed with the installation's {@link NameIdKey}, so that no one
 * without the key can compute the id of a guessed name and ask whether it is stored.
 */
final class EntityIds {
  private EntityIds() {}

  static String forName(MentionType type, String name) {
    String key = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return "x-" + type.name().toLowerCase(Locale.ROOT) + "-" + keyed(type.name() + "|" + key);
  }

  /** An id for something read at one place in one source: an edge, an event, a nominal. */
  static String forReading(String kind, String sourceId, int start, int end, String... parts) {
    return "x-"
        + kind
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

  /** HMAC-SHA-256 under the installation's key, first 64 bits in hex. */
  static String keyed(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(NameIdKey.current(), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HMAC-SHA-256", e);
    }
  }
}
