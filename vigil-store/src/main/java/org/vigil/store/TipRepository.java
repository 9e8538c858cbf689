/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Viewer;
import org.vigil.model.Marking;

/**
 * The tip line's rows. The repository holds what the application hands it: sealed (encrypted) texts
 * and originals it cannot read, a receipt's salt and verifier, and the day each row came. Nothing
 * that identifies a tipster reaches it, and it never receives a precise time.
 */
public interface TipRepository {

  /** Where a tip is in its handling. */
  enum Status {
    NEW,
    RELEASED,
    CLOSED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Status parse(String code) {
      for (Status s : values()) {
        if (s.code().equals(code)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown tip status '" + code + "'");
    }
  }

  /** Who wrote a message of a tip's thread. */
  enum Author {
    TIPSTER,
    HANDLER;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Author parse(String code) {
      for (Author a : values()) {
        if (a.code().equals(code)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown tip author '" + code + "'");
    }
  }

  /** A tip as the queue lists it: no content, which is sealed. */
  record Tip(String id, String ownerOrg, LocalDate receivedOn, Status status, int priority) {
    public Tip {
      requireNonNull(id, "id");
      requireNonNull(ownerOrg, "ownerOrg");
      requireNonNull(receivedOn, "receivedOn");
      requireNonNull(status, "status");
      if (priority < 0 || priority > 3) {
        throw new IllegalArgumentException("tip priority " + priority + " is outside 0..3");
      }
    }
  }

  /**
   * What a receipt is checked against: the Argon2id salt and verifier of its secret, and the
   * tipster's public key derived from it (hex).
   */
  record ReceiptCheck(String tipId, String salt, String verifier, String tipsterKey) {
    public ReceiptCheck {
      requireNonNull(tipId, "tipId");
      requireNonNull(salt, "salt");
      requireNonNull(verifier, "verifier");
      requireNonNull(tipsterKey, "tipsterKey");
    }
  }

  /**
   * One message of a tip's thread, sealed to the team's key, and a handler's reply sealed to the
   * tipster's too.
   */
  record Message(
      int seq,
      Author author,
      LocalDate receivedOn,
      byte[] sealed,
      Optional<byte[]> sealedForTipster) {
    public Message {
      requireNonNull(author, "author");
      requireNonNull(receivedOn, "receivedOn");
      sealed = sealed.clone();
      sealedForTipster = sealedForTipster.map(byte[]::clone);
      if (seq < 1) {
        throw new IllegalArgumentException("message seq " + seq + " must be positive");
      }
    }

    @Override
    public byte[] sealed() {
      return sealed.clone();
    }
  }

  /**
   * An attachment, sealed; its name was never kept.
   *
   * @param mediaType the type told from its bytes, when the cleaner checked it
   * @param hasWorkingCopy whether a cleaned working copy is stored beside the original
   * @param note why there is no working copy, or "cleaned"
   */
  record Attachment(
      int seq,
      LocalDate receivedOn,
      long sizeBytes,
      Optional<String> mediaType,
      boolean hasWorkingCopy,
      String note) {
    public Attachment {
      requireNonNull(receivedOn, "receivedOn");
      requireNonNull(mediaType, "mediaType");
      requireNonNull(note, "note");
      if (seq < 1 || sizeBytes < 0) {
        throw new IllegalArgumentException("attachment " + seq + " of " + sizeBytes + " bytes");
      }
    }
  }

  /**
   * A new tip: its receipt's locator, salt, verifier and tipster key, its first text and attachment
   * originals, all sealed.
   *
   * @param originals the sealed originals with their plain sizes
   */
  record NewTip(
      String ownerOrg,
      String locator,
      String salt,
      String verifier,
      String tipsterKey,
      LocalDate receivedOn,
      byte[] sealedText,
      List<SealedOriginal> originals) {
    public NewTip {
      requireNonNull(ownerOrg, "ownerOrg");
      requireNonNull(locator, "locator");
      requireNonNull(salt, "salt");
      requireNonNull(verifier, "verifier");
      requireNonNull(tipsterKey, "tipsterKey");
      requireNonNull(receivedOn, "receivedOn");
      sealedText = sealedText.clone();
      originals = List.copyOf(originals);
    }
  }

  /**
   * An attachment as the application sealed it: the original with its plain size, and the cleaned
   * working copy when one could be made.
   *
   * @param note why there is no working copy (a cleaner's code), or "cleaned"
   */
  record SealedOriginal(
      long sizeBytes,
      byte[] sealed,
      Optional<String> mediaType,
      Optional<byte[]> sealedWorkingCopy,
      String note) {
    public SealedOriginal {
      sealed = sealed.clone();
      requireNonNull(mediaType, "mediaType");
      sealedWorkingCopy = sealedWorkingCopy.map(byte[]::clone);
      requireNonNull(note, "note");
      if (sizeBytes < 0) {
        throw new IllegalArgumentException("size " + sizeBytes);
      }
      if (note.length() > 100) {
        throw new IllegalArgumentException(
            "an attachment note has at most 100 characters: " + note);
      }
    }

    @Override
    public byte[] sealed() {
      return sealed.clone();
    }
  }

  /**
   * Stores a new tip as {@link Status#NEW}, priority 1, not yet audited.
   *
   * @return false when the locator is taken (the caller draws another receipt); nothing stored
   */
  boolean submit(NewTip tip);

  /** The receipt check of the tip with this locator. */
  Optional<ReceiptCheck> byLocator(String locator);

  /** The tipster's public key (hex) of a tip, which replies are sealed to. */
  Optional<String> tipsterKey(String tipId);

  /** Appends a message to a tip's thread; {@code sealedForTipster} only for a handler's reply. */
  void addMessage(
      String tipId, Author author, LocalDate on, byte[] sealed, Optional<byte[]> sealedForTipster);

  /** Appends attachment originals to a tip. */
  void addOriginals(String tipId, LocalDate on, List<SealedOriginal> originals);

  /** The tips of {@code ownerOrg}'s tip line waiting, highest priority first, then newest day. */
  List<Tip> queue(String ownerOrg);

  /** The tip, whatever its organisation: the caller checks it is the reader's. */
  Optional<Tip> find(String tipId);

  /** A tip's thread, oldest first. */
  List<Message> messages(String tipId);

  /** A tip's attachments, in the order received; their bytes stay in the database. */
  List<Attachment> attachments(String tipId);

  /** An attachment's sealed original. */
  Optional<byte[]> sealedOriginal(String tipId, int seq);

  /** An attachment's sealed working copy, when one was made. */
  Optional<byte[]> sealedWorkingCopy(String tipId, int seq);

  /** Sets a tip's priority (0 lowest, 3 highest); false if there is no such tip. */
  boolean setPriority(String tipId, int priority);

  /**
   * A tip waiting for triage: one never triaged, or one whose tipster has added text since.
   *
   * @param tipsterMessages how many of the tipster's messages it has now
   */
  record Untriaged(String tipId, String ownerOrg, int tipsterMessages) {
    public Untriaged {
      requireNonNull(tipId, "tipId");
      requireNonNull(ownerOrg, "ownerOrg");
    }
  }

  /**
   * A tip's triage, sealed to the team's key like the tip.
   *
   * @param messages how many of the tipster's messages it read
   */
  record SealedTriage(String tipId, int messages, byte[] sealed) {
    public SealedTriage {
      requireNonNull(tipId, "tipId");
      sealed = sealed.clone();
      if (messages < 1) {
        throw new IllegalArgumentException("a triage reads at least one message, not " + messages);
      }
    }

    @Override
    public byte[] sealed() {
      return sealed.clone();
    }
  }

  /** New tips whose triage is missing or stale, oldest first, at most {@code limit}. */
  List<Untriaged> untriaged(int limit);

  /** Stores a tip's triage in place of any earlier one; false if there is no such tip. */
  boolean saveTriage(SealedTriage triage);

  /** The triage of {@code ownerOrg}'s tips that have one, in no particular order. */
  List<SealedTriage> triages(String ownerOrg);

  /** A tip's triage, when it has one. */
  Optional<SealedTriage> triage(String tipId);

  /**
   * Marks a new tip released into {@code caseId} under {@code tlp} (its marking's code); false if
   * there is no such new tip (released or closed already, or none).
   */
  boolean release(String tipId, String caseId, String tlp);

  /**
   * A cleaned working copy released with its tip, in plain, under {@code marking}, beside the
   * document {@code documentId} that holds the tip's text.
   *
   * @param id a random id (the file's name in the routes)
   * @param seq the attachment's number in its tip
   * @param mediaType the type the cleaner told from the bytes
   */
  record ReleasedFile(
      String id,
      String documentId,
      String tipId,
      int seq,
      String mediaType,
      long sizeBytes,
      Marking marking) {
    public ReleasedFile {
      requireNonNull(id, "id");
      requireNonNull(documentId, "documentId");
      requireNonNull(tipId, "tipId");
      requireNonNull(mediaType, "mediaType");
      requireNonNull(marking, "marking");
      if (seq < 1 || sizeBytes < 0) {
        throw new IllegalArgumentException("released file " + seq + " of " + sizeBytes + " bytes");
      }
      if (id.isEmpty() || id.length() > 64 || mediaType.length() > 100) {
        throw new IllegalArgumentException("released file id '" + id + "', type " + mediaType);
      }
    }
  }

  /**
   * Keeps the working copies released with a tip, in the caller's transaction (a release's); each
   * {@code content} is the bytes of the file of the same position.
   *
   * @throws IllegalArgumentException when the two lists differ in length
   */
  void keepReleasedFiles(List<ReleasedFile> files, List<byte[]> contents);

  /**
   * The released files kept beside document {@code documentId} whose own marking {@code viewer} may
   * read, by tip and number. The caller checks that the viewer may read the document.
   */
  List<ReleasedFile> releasedFiles(String documentId, Viewer viewer);

  /**
   * The bytes of released file {@code fileId} of document {@code documentId}, when the file's own
   * marking lets {@code viewer} read it; empty as for a file that does not exist.
   */
  Optional<byte[]> releasedFile(String documentId, String fileId, Viewer viewer);

  /** The case a released tip went into, and the marking chosen for it there. */
  Optional<Release> released(String tipId);

  /** Where a released tip went. */
  record Release(String caseId, String tlp) {
    public Release {
      requireNonNull(caseId, "caseId");
      requireNonNull(tlp, "tlp");
    }
  }

  /**
   * Deletes every tip not released into a case that was received more than {@code days} days before
   * the database's own date, with its thread, attachments and triage; released tips stay.
   *
   * @return the ids deleted, sorted
   */
  List<String> deleteExpired(int days);

  /** The tips no intake audit row counts yet, by day received, ids sorted. */
  Map<LocalDate, List<String>> unaudited();

  /** Marks tips as counted by an intake audit row. */
  void markAudited(Set<String> tipIds);
}
