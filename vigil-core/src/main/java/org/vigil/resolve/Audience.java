/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;

/**
 * Who may read a piece of data that resolution derived from statements (a judgement and its note, a
 * pair queued for review, a possible list match): the organisation that owns it and the users who
 * may see every statement it rests on, named one by one when it was made. It is a TLP:RED marking
 * in effect ({@link #marking()}): a user named later, or whose access grew since, sees it only
 * after the next resolution run derives it again for them.
 *
 * <p>The operator's audience (owner {@value #OPERATOR}, no readers) reaches no user; the process
 * itself ({@link Viewer#system()}) sees every audience.
 *
 * @param ownerOrg the organisation that owns the data: the only one that may undo a judgement
 * @param readers the ids of the users who may read it, sorted
 */
public record Audience(String ownerOrg, SortedSet<String> readers) {
  /** The owner of what the operator (the command line, an evaluation) derives for itself. */
  public static final String OPERATOR = "system";

  public Audience {
    requireNonNull(ownerOrg, "ownerOrg");
    if (ownerOrg.isBlank()) {
      throw new InvalidValueException("an audience needs the organisation that owns it");
    }
    TreeSet<String> copy = new TreeSet<>();
    for (String reader : requireNonNull(readers, "readers")) {
      if (reader == null || reader.isBlank() || reader.contains(",")) {
        throw new InvalidValueException("'" + reader + "' is not a user id");
      }
      copy.add(reader);
    }
    readers = Collections.unmodifiableSortedSet(copy);
  }

  public static Audience of(String ownerOrg, Set<String> readers) {
    return new Audience(ownerOrg, new TreeSet<>(readers));
  }

  /** What only the operator reads. */
  public static Audience operator() {
    return new Audience(OPERATOR, new TreeSet<>());
  }

  /** The marking this audience amounts to: TLP:RED for its readers. */
  public Marking marking() {
    return Marking.red(ownerOrg, readers);
  }

  /** Whether {@code viewer} is one of the readers (the process itself always is). */
  public boolean admits(Viewer viewer) {
    return MarkingPolicy.canSee(viewer, marking());
  }

  /** Whether {@code viewer} may undo what this audience owns: its organisation, or the operator. */
  public boolean ownedBy(Viewer viewer) {
    return viewer.isSystem() || viewer.orgId().equals(ownerOrg);
  }

  /** A short key that tells audiences apart (a hash of the owner and the readers). */
  public String key() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (ownerOrg + "\n" + String.join(",", readers)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
