/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Permission;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Tlp;

/**
 * A case as stored: its title, marking level, owner, status and members. Its items and notes are
 * read apart ({@link CaseRepository#items}, {@link CaseRepository#notes}).
 *
 * <p>Who may read it: its owner and its members (a user named, or any user of an organisation
 * named), each only while the case's {@link #marking} lets them see it. Membership never widens
 * what a member may see of the evidence the case points at; that is checked item by item.
 *
 * @param ownerOrg the organisation that owns the case (its owner's)
 * @param ownerUser the id of the user who owns it
 */
public record StoredCase(
    String id,
    String title,
    Tlp tlp,
    String ownerOrg,
    String ownerUser,
    Status status,
    Instant createdAt,
    Instant updatedAt,
    List<CaseMember> members) {
  /** The longest title kept. */
  public static final int MAX_TITLE = 300;

  /** Whether the case is being worked or has been closed. */
  public enum Status {
    OPEN,
    CLOSED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws InvalidValueException naming the text
     */
    public static Status parse(String text) {
      for (Status s : values()) {
        if (s.code().equalsIgnoreCase(text.strip())) {
          return s;
        }
      }
      throw new InvalidValueException("unknown case status '" + text + "'; use open or closed");
    }
  }

  public StoredCase {
    requireNonNull(id, "id");
    title = checkedTitle(title);
    requireNonNull(tlp, "tlp");
    requireNonNull(ownerOrg, "ownerOrg");
    requireNonNull(ownerUser, "ownerUser");
    requireNonNull(status, "status");
    requireNonNull(createdAt, "createdAt");
    requireNonNull(updatedAt, "updatedAt");
    members = List.copyOf(members);
  }

  /**
   * A title as kept: stripped, not blank, at most {@link #MAX_TITLE} chars.
   *
   * @throws InvalidValueException when it is blank or too long
   */
  public static String checkedTitle(String title) {
    requireNonNull(title, "title");
    String t = title.strip();
    if (t.isEmpty()) {
      throw new InvalidValueException("a case needs a title");
    }
    if (t.length() > MAX_TITLE) {
      throw new InvalidValueException(
          "a case title has at most " + MAX_TITLE + " chars; this one has " + t.length());
    }
    return t;
  }

  /**
   * The case's marking: its level, owned by its owner's organisation; a TLP:RED case names its
   * owner and its user members as its only readers.
   */
  public Marking marking() {
    if (tlp == Tlp.RED) {
      TreeSet<String> named = new TreeSet<>();
      named.add(ownerUser);
      members.stream()
          .filter(m -> m.kind() == CaseMember.Kind.USER)
          .forEach(m -> named.add(m.memberId()));
      return Marking.red(ownerOrg, named);
    }
    return Marking.of(tlp, ownerOrg);
  }

  /** Whether {@code viewer} is the owner or a member, and its marking lets them see the case. */
  public boolean readableBy(Viewer viewer) {
    if (viewer.isSystem()) {
      return true;
    }
    boolean member =
        viewer.userId().equals(ownerUser) || members.stream().anyMatch(m -> m.names(viewer));
    return member && MarkingPolicy.canSee(viewer, marking());
  }

  /**
   * Whether {@code viewer} may add items and notes: a reader whose role writes, who owns the case
   * or is a member with write rights.
   */
  public boolean writableBy(Viewer viewer) {
    if (!readableBy(viewer) || !viewer.may(Permission.WRITE)) {
      return false;
    }
    return viewer.isSystem()
        || viewer.userId().equals(ownerUser)
        || members.stream().anyMatch(m -> m.names(viewer) && m.rights() == CaseMember.Rights.WRITE);
  }

  /** Whether {@code viewer} may share, close or delete the case: its owner only. */
  public boolean managedBy(Viewer viewer) {
    return readableBy(viewer)
        && viewer.may(Permission.WRITE)
        && (viewer.isSystem() || viewer.userId().equals(ownerUser));
  }
}
