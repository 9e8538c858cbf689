/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Walks audit rows in sequence order and reports every place the chain is broken: a row whose hash
 * does not match its content (changed), a row that does not chain to the one before it or a gap in
 * the sequence (deleted or inserted).
 */
public final class ChainVerification {
  private final List<String> problems = new ArrayList<>();
  private final Optional<Anchor> anchor;
  private boolean anchorSeen;
  private String expectedPrevious = AuditRecord.GENESIS;
  private long expectedSequence = 1;
  private long checked;

  /**
   * A row's hash written down outside the database at some earlier time. Someone able to write to
   * the database can cut the newest rows and rewrite the log's head to match, which the chain alone
   * cannot show; a verification against an anchor taken before the cut can.
   */
  public record Anchor(long sequence, String hash) {
    public Anchor {
      if (sequence < 1) {
        throw new IllegalArgumentException("an anchor names a row from 1 on: " + sequence);
      }
      if (!hash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("an anchor's hash is 64 hex digits: " + hash);
      }
    }

    /**
     * Reads "SEQUENCE:HASH" as {@code vigil audit verify} prints it.
     *
     * @throws IllegalArgumentException naming the text when it is not of that form
     */
    public static Anchor parse(String text) {
      int colon = text.indexOf(':');
      try {
        return new Anchor(
            Long.parseLong(text.substring(0, Math.max(colon, 0)).strip()),
            text.substring(colon + 1).strip().toLowerCase(Locale.ROOT));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is not an anchor; use ROW:HASH as audit verify prints it");
      }
    }

    @Override
    public String toString() {
      return sequence + ":" + hash;
    }
  }

  public ChainVerification() {
    this.anchor = Optional.empty();
  }

  /** A verification that also checks that row {@code anchor.sequence()} still has its hash. */
  public ChainVerification(Anchor anchor) {
    this.anchor = Optional.of(anchor);
  }

  /** Feeds the next row, in ascending sequence order. */
  public void accept(AuditRecord row) {
    checked++;
    if (row.sequence() != expectedSequence) {
      problems.add(
          "row "
              + row.sequence()
              + ": expected row "
              + expectedSequence
              + " here; rows "
              + expectedSequence
              + " to "
              + (row.sequence() - 1)
              + " are missing");
    }
    if (!row.isIntact()) {
      problems.add("row " + row.sequence() + ": its content does not match its hash (changed)");
    }
    if (!row.previousHash().equals(expectedPrevious)) {
      problems.add(
          "row "
              + row.sequence()
              + ": does not chain to the row before it (a row was changed or removed)");
    }
    if (anchor.isPresent() && anchor.get().sequence() == row.sequence()) {
      anchorSeen = true;
      if (!anchor.get().hash().equals(row.hash())) {
        problems.add(
            "row "
                + row.sequence()
                + ": its hash is not the one recorded outside the log (rewritten since)");
      }
    }
    expectedPrevious = row.hash();
    expectedSequence = row.sequence() + 1;
  }

  /**
   * Checks the seal stored with {@code row} (fed to {@link #accept} just before) against {@code
   * seal}'s key: a row without a seal, or with one that does not match, was written or rewritten by
   * someone who does not hold the audit key.
   */
  public void acceptSeal(AuditRecord row, Optional<String> stored, AuditSeal seal) {
    if (stored.isEmpty()) {
      problems.add(
          "row "
              + row.sequence()
              + ": it carries no seal (written outside Vigil, without the key)");
    } else if (!seal.matches(row, stored.get())) {
      problems.add(
          "row "
              + row.sequence()
              + ": its seal does not match (rewritten without the audit key, or the key is not"
              + " the one the log was sealed with)");
    }
  }

  /** The last row checked, as an anchor to keep outside the database; empty for an empty log. */
  public Optional<Anchor> lastRow() {
    return checked == 0
        ? Optional.empty()
        : Optional.of(new Anchor(expectedSequence - 1, expectedPrevious));
  }

  /**
   * After the last row: checks that the chain ends where the log's head says it does, at row {@code
   * lastSequence} with hash {@code lastHash}. This finds deleted newest rows, which the chain alone
   * cannot show.
   */
  public void expectEnd(long lastSequence, String lastHash) {
    long last = expectedSequence - 1;
    if (last < lastSequence) {
      problems.add(
          "the log ends at row "
              + last
              + " but its head names row "
              + lastSequence
              + "; rows "
              + (last + 1)
              + " to "
              + lastSequence
              + " are missing");
    } else if (last > lastSequence) {
      problems.add(
          "the log holds rows up to "
              + last
              + " but its head names row "
              + lastSequence
              + "; rows were added outside the log");
    } else if (!expectedPrevious.equals(lastHash)) {
      problems.add("row " + last + ": its hash is not the one the log's head holds (changed)");
    }
  }

  /** Call after the last row: reports an anchor whose row is gone. */
  public void finish() {
    if (anchor.isPresent() && !anchorSeen) {
      problems.add(
          "row "
              + anchor.get().sequence()
              + " recorded outside the log is gone: the log was cut back to row "
              + (expectedSequence - 1));
    }
  }

  public long checked() {
    return checked;
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public boolean intact() {
    return problems.isEmpty();
  }
}
