/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Deterministic STIX identifiers: a name-based UUID (version 5, RFC 9562) of the STIX type and a
 * Vigil key under one fixed namespace, so that the same Vigil entity gets the same STIX id in every
 * export, on every installation.
 */
public final class StixIds {
  /** Vigil's namespace for STIX ids. Never change it: partners key their copies by these ids. */
  public static final UUID NAMESPACE = UUID.fromString("89926528-477b-44b8-b821-b0e837e749f2");

  private static final Pattern STIX_ID =
      Pattern.compile(
          "[a-z0-9][a-z0-9-]{0,248}--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}"
              + "-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");

  private StixIds() {}

  /** The id of the STIX object of {@code type} that stands for {@code key}. */
  public static String of(String type, String key) {
    requireNonNull(type, "type");
    requireNonNull(key, "key");
    return type + "--" + uuid5(NAMESPACE, type + "\u001f" + key);
  }

  /**
   * Whether {@code id} has the shape of a STIX 2.1 identifier ({@code type--uuid}); the UUID's hex
   * digits may be of either case, as RFC 9562 reads them (an OASIS example has capitals).
   */
  public static boolean isValid(String id) {
    return id != null && STIX_ID.matcher(id).matches();
  }

  /** The type part of a valid STIX id. */
  public static String typeOf(String id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException("'" + id + "' is not a STIX identifier");
    }
    return id.substring(0, id.indexOf("--"));
  }

  static UUID uuid5(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      ByteBuffer ns = ByteBuffer.allocate(16);
      ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
      sha1.update(ns.array());
      byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
      return new UUID(bytes.getLong(), bytes.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }
}
