/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;

/**
 * A user or an organisation a case is shared with, with read or write rights.
 *
 * @param memberId a user's id, or an organisation's id
 * @param addedBy the username of who shared it
 */
public record CaseMember(
    Kind kind, String memberId, Rights rights, String addedBy, Instant addedAt) {

  /** Who a membership names. */
  public enum Kind {
    USER,
    ORG;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws InvalidValueException naming the text
     */
    public static Kind parse(String text) {
      for (Kind k : values()) {
        if (k.code().equalsIgnoreCase(text.strip())) {
          return k;
        }
      }
      throw new InvalidValueException("unknown member kind '" + text + "'; use user or org");
    }
  }

  /** What a member may do. */
  public enum Rights {
    READ,
    WRITE;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws InvalidValueException naming the text
     */
    public static Rights parse(String text) {
      for (Rights r : values()) {
        if (r.code().equalsIgnoreCase(text.strip())) {
          return r;
        }
      }
      throw new InvalidValueException("unknown rights '" + text + "'; use read or write");
    }
  }

  public CaseMember {
    requireNonNull(kind, "kind");
    requireNonNull(memberId, "memberId");
    if (memberId.isBlank() || memberId.length() > 128) {
      throw new InvalidValueException("'" + memberId + "' is not a user or organisation id");
    }
    requireNonNull(rights, "rights");
    requireNonNull(addedBy, "addedBy");
    requireNonNull(addedAt, "addedAt");
  }

  /** Whether this membership names {@code viewer}, themselves or their organisation. */
  boolean names(Viewer viewer) {
    return switch (kind) {
      case USER -> memberId.equals(viewer.userId());
      case ORG -> memberId.equals(viewer.orgId());
    };
  }
}
