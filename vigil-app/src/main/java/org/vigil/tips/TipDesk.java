/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.documents.DocumentIntake;
import org.vigil.documents.DocumentTerms;
import org.vigil.documents.IngestOutcome;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.store.CaseItem;
import org.vigil.store.Store;
import org.vigil.store.StoredCase;
import org.vigil.store.TipRepository;
import org.vigil.tips.triage.TipTriage;

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
  public record Handler(String auditId, String org, String address, Viewer viewer) {
    public Handler {
      requireNonNull(auditId, "auditId");
      requireNonNull(org, "org");
      requireNonNull(address, "address");
      requireNonNull(viewer, "viewer");
      if (!viewer.orgId().equals(org)) {
        throw new IllegalArgumentException(
            "a handler of " + org + " reads as a member of " + viewer.orgId());
      }
    }

    /** A handler who reads the store as a tip handler of {@code org} with no other rights. */
    public Handler(String auditId, String org, String address) {
      this(auditId, org, address, Viewer.of(auditId, auditId, org, Set.of(), Role.TIP_HANDLER));
    }
  }

  /**
   * A tip in the queue with its triage, once triage has read it.
   *
   * @param groupSize how many tips of the queue are in its group of copies (1 when alone)
   */
  public record QueuedTip(TipRepository.Tip tip, Optional<TipTriage> triage, int groupSize) {
    public QueuedTip {
      requireNonNull(tip, "tip");
      requireNonNull(triage, "triage");
    }

    /** Whether the tip looks like spam: its text, or a flood of copies of it. */
    public boolean spam() {
      return groupSize >= SPAM_GROUP || triage.map(t -> !t.spamSignals().isEmpty()).orElse(false);
    }
  }

  /** A group of this many copies or more in the queue is taken for a flood. */
  public static final int SPAM_GROUP = 5;

  /** What came of a release. */
  public sealed interface Released permits ReleasedAs, NotReleased {}

  /**
   * Released: the tip's text is document {@code documentId} of case {@code caseId}, and the working
   * copies of its attachments are {@code files} beside it, under the tip's marking.
   *
   * @param withheld the attachments not released, each with why (one with no working copy: its
   *     original keeps the metadata the cleaner could not remove, and is never released)
   */
  public record ReleasedAs(
      String caseId,
      String documentId,
      Tlp tlp,
      List<TipRepository.ReleasedFile> files,
      List<String> withheld)
      implements Released {
    public ReleasedAs {
      requireNonNull(caseId, "caseId");
      requireNonNull(documentId, "documentId");
      requireNonNull(tlp, "tlp");
      files = List.copyOf(files);
      withheld = List.copyOf(withheld);
    }
  }

  /** Not released, and why; nothing was written. */
  public record NotReleased(boolean noSuchTip, String reason) implements Released {
    public NotReleased {
      requireNonNull(reason, "reason");
    }
  }

  /** The name every released tip's document is stored under: it says nothing of its sender. */
  public static final String RELEASED_NAME = "anonymous-tip.txt";

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
  private final SecureRandom random;
  private final Clock clock;

  public TipDesk(Store store, OpeningKey team, SecureRandom random, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.team = requireNonNull(team, "team");
    this.random = requireNonNull(random, "random");
    this.box = new SealedBox(random);
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * The tips waiting, highest priority first, each with its triage opened and only the links and
   * list hits {@code by} may read. Recorded as one read of the queue, since triage tells of
   * content.
   */
  public List<QueuedTip> queue(Handler by) {
    List<TipRepository.Tip> tips = store.tips().queue(by.org());
    Map<String, TipTriage> triages = new HashMap<>();
    for (TipRepository.SealedTriage t : store.tips().triages(by.org())) {
      triages.put(t.tipId(), TipTriage.unseal(team, t.sealed()));
    }
    Set<String> ids = new HashSet<>();
    triages.values().forEach(t -> ids.addAll(t.entityIds()));
    Set<String> readable = store.statements().entities(List.copyOf(ids), by.viewer()).keySet();
    Map<String, Integer> groups = new HashMap<>();
    for (TipRepository.Tip tip : tips) {
      TipTriage t = triages.get(tip.id());
      if (t != null) {
        groups.merge(t.group(), 1, Integer::sum);
      }
    }
    store.audit().append(event(by, "queue", "read the queue (" + tips.size() + " tips)"));
    return tips.stream()
        .map(
            tip -> {
              Optional<TipTriage> t =
                  Optional.ofNullable(triages.get(tip.id())).map(x -> x.seenWith(readable));
              return new QueuedTip(tip, t, t.map(x -> groups.getOrDefault(x.group(), 1)).orElse(1));
            })
        .toList();
  }

  /** A tip's triage, once triage has read it, with only what {@code by} may read; not audited. */
  public Optional<TipTriage> triage(String tipId, Handler by) {
    if (visible(tipId, by).isEmpty()) {
      return Optional.empty();
    }
    return store
        .tips()
        .triage(tipId)
        .map(s -> TipTriage.unseal(team, s.sealed()))
        .map(t -> t.seenWith(store.statements().entities(t.entityIds(), by.viewer()).keySet()));
  }

  /** Where a released tip went, when it was released. */
  public Optional<TipRepository.Release> released(String tipId, Handler by) {
    return visible(tipId, by).flatMap(t -> store.tips().released(t.id()));
  }

  /**
   * The open cases a handler may release into: those of their own organisation that they are a
   * member of (the case's owner shares it with them).
   */
  public List<StoredCase> cases(Handler by) {
    return store.cases().readableBy(by.viewer()).stream()
        .filter(c -> c.ownerOrg().equals(by.org()))
        .filter(c -> c.status() == StoredCase.Status.OPEN)
        .toList();
  }

  /**
   * Releases a new tip into a case: the text the tipster sent (never a reply, a date or anything
   * else of the thread) is stored through {@code intake} as a document of the handler's
   * organisation under {@code tlp} (a TLP:RED one readable by the case's readers), from a source of
   * its own that says nothing of the tipster, with reliability F (cannot be judged); the cleaned
   * working copies of its attachments (never an original: it keeps the metadata) are kept in plain
   * beside that document under the same marking, named by random ids; the document joins the case,
   * and the tip leaves the queue. Analysts see it from then on, as the marking lets them. Identical
   * texts are one document, and so one origin when claims are weighed; near copies are linked as
   * copies by ingest, and so one origin too. Audited.
   */
  public Released release(String tipId, String caseId, Tlp tlp, Handler by, DocumentIntake intake) {
    requireNonNull(tlp, "tlp");
    Optional<TipRepository.Tip> tip = visible(tipId, by);
    if (tip.isEmpty()) {
      return new NotReleased(true, "no tip " + tipId);
    }
    if (tip.get().status() != TipRepository.Status.NEW) {
      return new NotReleased(
          false, "tip " + tipId + " is " + tip.get().status().code() + " already");
    }
    Optional<StoredCase> into = cases(by).stream().filter(c -> c.id().equals(caseId)).findFirst();
    if (into.isEmpty()) {
      return new NotReleased(
          false,
          "no open case "
              + caseId
              + " of your organisation that you are a member of: its owner shares it with you first");
    }
    Marking marking =
        tlp == Tlp.RED
            ? Marking.red(by.org(), into.get().marking().namedUsers())
            : Marking.of(tlp, by.org());
    String text = tipsterText(tipId);
    IngestOutcome stored =
        intake
            .add(
                DocumentIntake.Request.unaudited(
                    List.of(
                        new DocumentIntake.FromBytes(
                            RELEASED_NAME,
                            text.getBytes(StandardCharsets.UTF_8),
                            new DocumentTerms(marking, Reliability.F, by.viewer())))),
                o -> {})
            .documents()
            .get(0);
    if (stored.documentId().isEmpty()) {
      return new NotReleased(false, "the tip's text could not be stored: " + stored.reason());
    }
    String documentId = stored.documentId().get();
    Attachments attachments = workingCopies(tipId, documentId, marking);
    boolean released =
        store.audited(
            () -> {
              if (!store.tips().release(tipId, caseId, tlp.code())) {
                return false;
              }
              store.tips().keepReleasedFiles(attachments.files(), attachments.contents());
              store
                  .cases()
                  .addItems(caseId, CaseItem.Kind.DOCUMENT, List.of(documentId), by.auditId());
              return true;
            },
            done ->
                event(
                    by,
                    tipId,
                    done
                        ? "released into case "
                            + caseId
                            + " as document "
                            + documentId
                            + " under "
                            + tlp.label()
                            + attachments.describe()
                        : "release into case " + caseId + " refused: released already"));
    return released
        ? new ReleasedAs(caseId, documentId, tlp, attachments.files(), attachments.withheld())
        : new NotReleased(false, "tip " + tipId + " was released already");
  }

  /** The working copies a release takes along, opened, and the attachments it leaves behind. */
  private record Attachments(
      List<TipRepository.ReleasedFile> files, List<byte[]> contents, List<String> withheld) {
    String describe() {
      String taken =
          files.isEmpty()
              ? ""
              : ", with the working copies of attachments "
                  + files.stream()
                      .map(f -> f.seq() + " (file " + f.id() + ")")
                      .collect(Collectors.joining(", "));
      return taken + (withheld.isEmpty() ? "" : "; not released: " + String.join("; ", withheld));
    }
  }

  /**
   * The cleaned working copies of a tip's attachments, opened to be released in plain under {@code
   * marking}; an attachment without one stays sealed (its original still has its metadata).
   */
  private Attachments workingCopies(String tipId, String documentId, Marking marking) {
    List<TipRepository.ReleasedFile> files = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    List<String> withheld = new ArrayList<>();
    for (TipRepository.Attachment a : store.tips().attachments(tipId)) {
      Optional<byte[]> sealed =
          a.hasWorkingCopy() ? store.tips().sealedWorkingCopy(tipId, a.seq()) : Optional.empty();
      if (sealed.isEmpty()) {
        withheld.add("attachment " + a.seq() + " has no working copy (" + a.note() + ")");
        continue;
      }
      byte[] copy = SealedBox.open(team, sealed.get());
      files.add(
          new TipRepository.ReleasedFile(
              fileId(),
              documentId,
              tipId,
              a.seq(),
              a.mediaType().orElse("application/octet-stream"),
              copy.length,
              marking));
      contents.add(copy);
    }
    return new Attachments(files, contents, withheld);
  }

  private String fileId() {
    byte[] bits = new byte[16];
    random.nextBytes(bits);
    return "file-" + HexFormat.of().formatHex(bits);
  }

  /** What the tipster wrote, every message of theirs in order, opened. */
  private String tipsterText(String tipId) {
    return store.tips().messages(tipId).stream()
        .filter(m -> m.author() == TipRepository.Author.TIPSTER)
        .map(m -> new String(SealedBox.open(team, m.sealed()), StandardCharsets.UTF_8))
        .collect(Collectors.joining("\n\n"));
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
