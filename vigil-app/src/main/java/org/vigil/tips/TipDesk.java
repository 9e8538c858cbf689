/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.store.Store;
import org.vigil.store.TipRepository;

/**
 * The tip handlers' side: the queue, a tip opened with the team's private key, replies sealed to
 * both the team and the tipster, priorities. Only the analyst server builds one, and only with the
 * private key; every open and write is audited under the handler's name. Callers check that the
 * caller is a tip handler (the routes do, by permission).
 *
 * <p>Thread-safe.
 */
public final class TipDesk {
  /** The longest reply accepted, in characters. */
  public static final int MAX_REPLY_CHARS = 20_000;

  /**
   * A tip handler: who the audit names, their organisation (whose tip line's tips alone they see)
   * and the address of their request.
   */
  public record Handler(String auditId, String org, String address) {
    public Handler {
      requireNonNull(auditId, "auditId");
      requireNonNull(org, "org");
      requireNonNull(address, "address");
    }
  }

  /** A tip as a handler reads it. */
  public record OpenedTip(
      TipRepository.Tip tip, List<OpenedMessage> messages, List<OpenedOriginal> originals) {
    public OpenedTip {
      requireNonNull(tip, "tip");
      messages = List.copyOf(messages);
      originals = List.copyOf(originals);
    }
  }

  /** One message of the thread, opened. */
  public record OpenedMessage(int seq, TipRepository.Author author, LocalDate on, String text) {
    public OpenedMessage {
      requireNonNull(author, "author");
      requireNonNull(on, "on");
      requireNonNull(text, "text");
    }
  }

  /**
   * An attachment, still sealed: its original and working copy are opened only when a handler asks
   * for one of them.
   *
   * @param mediaType the type told from its bytes, when the cleaner could check it
   * @param hasWorkingCopy whether a copy with the metadata removed exists; when not, {@code note}
   *     says why (the cleaner's code) and only the original, with its metadata, can be read
   */
  public record OpenedOriginal(
      int seq,
      LocalDate on,
      long sizeBytes,
      Optional<String> mediaType,
      boolean hasWorkingCopy,
      String note) {
    public OpenedOriginal {
      requireNonNull(on, "on");
      requireNonNull(mediaType, "mediaType");
      requireNonNull(note, "note");
    }
  }

  private final Store store;
  private final OpeningKey team;
  private final SealedBox box;
  private final Clock clock;

  public TipDesk(Store store, OpeningKey team, SecureRandom random, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.team = requireNonNull(team, "team");
    this.box = new SealedBox(requireNonNull(random, "random"));
    this.clock = requireNonNull(clock, "clock");
  }

  /** The tips waiting, highest priority first; no content, so no audit of a read of content. */
  public List<TipRepository.Tip> queue(Handler by) {
    return store.tips().queue(by.org());
  }

  /** The tip if it is of {@code by}'s organisation's tip line; another's is as absent as none. */
  private Optional<TipRepository.Tip> visible(String tipId, Handler by) {
    return store.tips().find(tipId).filter(t -> t.ownerOrg().equals(by.org()));
  }

  /** Opens a tip's thread with the team's key, and records that {@code by} read it. */
  public Optional<OpenedTip> open(String tipId, Handler by) {
    Optional<TipRepository.Tip> tip = visible(tipId, by);
    if (tip.isEmpty()) {
      return Optional.empty();
    }
    List<OpenedMessage> messages =
        store.tips().messages(tipId).stream()
            .map(
                m ->
                    new OpenedMessage(
                        m.seq(),
                        m.author(),
                        m.receivedOn(),
                        new String(SealedBox.open(team, m.sealed()), StandardCharsets.UTF_8)))
            .toList();
    List<OpenedOriginal> originals =
        store.tips().attachments(tipId).stream()
            .map(
                a ->
                    new OpenedOriginal(
                        a.seq(),
                        a.receivedOn(),
                        a.sizeBytes(),
                        a.mediaType(),
                        a.hasWorkingCopy(),
                        a.note()))
            .toList();
    store.audit().append(event(by, tipId, "read"));
    return Optional.of(new OpenedTip(tip.get(), messages, originals));
  }

  /**
   * An attachment's original bytes as received, metadata and all, opened; recorded as a read of
   * evidence.
   */
  public Optional<byte[]> original(String tipId, int seq, Handler by) {
    if (visible(tipId, by).isEmpty()) {
      return Optional.empty();
    }
    Optional<byte[]> sealed = store.tips().sealedOriginal(tipId, seq);
    sealed.ifPresent(s -> store.audit().append(event(by, tipId, "read original " + seq)));
    return sealed.map(s -> SealedBox.open(team, s));
  }

  /** An attachment's working copy (metadata removed), opened, when one was made; audited. */
  public Optional<byte[]> workingCopy(String tipId, int seq, Handler by) {
    if (visible(tipId, by).isEmpty()) {
      return Optional.empty();
    }
    Optional<byte[]> sealed = store.tips().sealedWorkingCopy(tipId, seq);
    sealed.ifPresent(s -> store.audit().append(event(by, tipId, "read working copy " + seq)));
    return sealed.map(s -> SealedBox.open(team, s));
  }

  /**
   * Adds a reply, sealed to the team and to the tipster (who reads it with the receipt).
   *
   * @return false if there is no such tip
   * @throws IllegalArgumentException for an empty reply or one over {@link #MAX_REPLY_CHARS}
   */
  public boolean reply(String tipId, String text, Handler by) {
    requireNonNull(text, "text");
    String reply = text.strip();
    if (reply.isEmpty() || reply.length() > MAX_REPLY_CHARS) {
      throw new IllegalArgumentException(
          "a reply has 1 to " + MAX_REPLY_CHARS + " characters, not " + reply.length());
    }
    Optional<String> tipster = visible(tipId, by).flatMap(t -> store.tips().tipsterKey(t.id()));
    if (tipster.isEmpty()) {
      return false;
    }
    byte[] plain = reply.getBytes(StandardCharsets.UTF_8);
    byte[] forTeam = box.seal(team.sealingKey(), plain);
    byte[] forTipster = box.seal(SealingKey.fromHex(tipster.get()), plain);
    store.audited(
        () ->
            store
                .tips()
                .addMessage(
                    tipId, TipRepository.Author.HANDLER, today(), forTeam, Optional.of(forTipster)),
        event(by, tipId, "reply"));
    return true;
  }

  /** Sets a tip's priority (0 to 3); false if there is no such tip. */
  public boolean setPriority(String tipId, int priority, Handler by) {
    if (priority < 0 || priority > 3) {
      throw new IllegalArgumentException("a tip's priority is 0 to 3, not " + priority);
    }
    if (visible(tipId, by).isEmpty()) {
      return false;
    }
    return store.audited(
        () -> store.tips().setPriority(tipId, priority),
        done -> event(by, tipId, "priority " + priority + (done ? "" : " (no such tip)")));
  }

  private AuditEvent event(Handler by, String tipId, String what) {
    return new AuditEvent(
        by.auditId(), AuditAction.TIP, tipId, what, by.address(), clock.instant());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
