/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks audit rows in sequence order and reports every place the chain is broken: a row whose hash
 * does not match its content (changed), a row that does not chain to the one before it or a gap in
 * the sequence (deleted or inserted).
 */
public final class ChainVerification {
  private final List<String> problems = new ArrayList<>();
  private String expectedPrevious = AuditRecord.GENESIS;
  private long expectedSequence = 1;
  private long checked;

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
    expectedPrevious = row.hash();
    expectedSequence = row.sequence() + 1;
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
