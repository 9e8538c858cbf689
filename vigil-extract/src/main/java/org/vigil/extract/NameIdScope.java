/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whose ids the names read from a text get: one organisation's. The same name read by one
 * organisation gives the same entity id in every text it reads; read by another organisation it
 * gives another id, so that what two organisations read of one name lands on two records, by
 * construction, and an id never tells one organisation that another holds statements about a name.
 * Records of different organisations that name one person are joined only by resolution, under its
 * audience rules.
 *
 * <p>A scope's key is derived from the installation's {@link NameIdKey} and the organisation's id
 * (HMAC-SHA-256), so that no one without the installation key can compute an organisation's id of a
 * guessed name. The installation key in force when the scope is made is the one it keeps. Immutable
 * and safe for concurrent use.
 */
public final class NameIdScope {
  /** The organisation of what the operator reads for itself (the command line, evaluations). */
  public static final String OPERATOR = "system";

  private final String organisation;
  private final byte[] key;

  private NameIdScope(String organisation, byte[] key) {
    this.organisation = organisation;
    this.key = key;
  }

  /**
   * The scope of the organisation {@code orgId}: the owner of the document being read.
   *
   * @throws IllegalArgumentException if {@code orgId} is blank
   */
  public static NameIdScope organisation(String orgId) {
    requireNonNull(orgId, "orgId");
    if (orgId.isBlank()) {
      throw new IllegalArgumentException(
          "a name id scope needs an organisation, not '" + orgId + "'");
    }
    return new NameIdScope(orgId, hmac(NameIdKey.current(), "vigil name id scope\n" + orgId, 32));
  }

  /**
   * The operator's scope ({@value #OPERATOR}), for reading that stores nothing of an organisation.
   */
  public static NameIdScope operator() {
    return organisation(OPERATOR);
  }

  /** The organisation whose ids these are. */
  public String organisation() {
    return organisation;
  }

  /**
   * The scope's id for a working id of the extractor ({@code x-<kind>-<hash>}, computed from a name
   * or a place in the text): the same kind, with the hash keyed by this scope. Other ids (a
   * dictionary entry's, a list entry's) name shared, published entities and are kept as they are.
   */
  String id(String workingId) {
    if (!workingId.startsWith("x-")) {
      return workingId;
    }
    int cut = workingId.lastIndexOf('-') + 1;
    return workingId.substring(0, cut) + HexFormat.of().formatHex(hmac(key, workingId, 8));
  }

  private static byte[] hmac(byte[] key, String text, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] full = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return java.util.Arrays.copyOf(full, length);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has HMAC-SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "NameIdScope[" + organisation + "]";
  }
}
