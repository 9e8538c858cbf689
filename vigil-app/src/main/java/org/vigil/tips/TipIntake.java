/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.vigil.store.TipRepository;
import org.vigil.tips.attachments.AttachmentCleaner;
import org.vigil.tips.attachments.CleaningResult;

/**
 * What the public intake may do, and nothing more: seal a new tip to the team's key and hand the
 * tipster a receipt; with a receipt, read the replies sealed to the tipster and add to the thread.
 * It holds the team's sealing key only, so it cannot read a tip once written. It is given no
 * address, agent or precise time, and stores only the day.
 *
 * <p>Thread-safe.
 */
public final class TipIntake {
  /** The longest text accepted in one message, in characters. */
  public static final int MAX_TEXT_CHARS = 100_000;

  /** The most files accepted with one message. */
  public static final int MAX_ATTACHMENTS = 5;

  private static final int LOCATOR_ATTEMPTS = 8;

  /** The answer to a submission. */
  public sealed interface Outcome permits Accepted, Refused {}

  /** Stored; the receipt is to be shown once (empty when text was added to an existing tip). */
  public record Accepted(Optional<Receipt> receipt) implements Outcome {
    public Accepted {
      requireNonNull(receipt, "receipt");
    }
  }

  /**
   * Not stored, for a reason the tipster can fix; for a refused file, the cleaner's sentence (in
   * English, naming no file).
   */
  public record Refused(IntakeProblem problem, Optional<String> detail) implements Outcome {
    public Refused {
      requireNonNull(problem, "problem");
      requireNonNull(detail, "detail");
    }

    Refused(IntakeProblem problem) {
      this(problem, Optional.empty());
    }
  }

  /**
   * A file as uploaded: its bytes, and the name the browser sent, which is used only to compare its
   * extension with the real type and is never kept.
   */
  public record Upload(Optional<String> declaredName, byte[] bytes) {
    public Upload {
      requireNonNull(declaredName, "declaredName");
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The file's size in bytes. */
    public int size() {
      return bytes.length;
    }
  }

  /**
   * What a receipt opens for the tipster: the handlers' replies, and how many messages they sent
   * themselves (which are sealed to the team and cannot be shown back).
   */
  public record Thread(List<Reply> replies, int ownMessages) {
    public Thread {
      replies = List.copyOf(replies);
    }
  }

  /** A handler's reply as the tipster reads it. */
  public record Reply(LocalDate on, String text) {
    public Reply {
      requireNonNull(on, "on");
      requireNonNull(text, "text");
    }
  }

  private final TipRepository tips;
  private final String ownerOrg;
  private final AttachmentCleaner cleaner;
  private final SealingKey team;
  private final ReceiptHasher hasher;
  private final SealedBox box;
  private final SecureRandom random;
  private final Clock clock;

  /**
   * @param ownerOrg the organisation whose tip line this is: only its tip handlers see the tips
   * @param cleaner makes each attachment's working copy (metadata removed, in a process of its own)
   *     and refuses hostile files
   */
  public TipIntake(
      TipRepository tips,
      String ownerOrg,
      AttachmentCleaner cleaner,
      SealingKey team,
      ReceiptHasher hasher,
      SecureRandom random,
      Clock clock) {
    this.tips = requireNonNull(tips, "tips");
    this.ownerOrg = requireNonNull(ownerOrg, "ownerOrg");
    this.cleaner = requireNonNull(cleaner, "cleaner");
    this.team = requireNonNull(team, "team");
    this.hasher = requireNonNull(hasher, "hasher");
    this.random = requireNonNull(random, "random");
    this.box = new SealedBox(random);
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * Stores a new tip from {@code text} and the files' bytes; the receipt comes back once. The
   * receipt's Argon2id work and the originals' sealing run on a thread of their own while the
   * cleaner's mat2 process makes the working copies: neither waits for the other.
   */
  public Outcome submit(String text, List<Upload> files) {
    Optional<IntakeProblem> problem = problem(text, files);
    if (problem.isPresent()) {
      return new Refused(problem.get());
    }
    CompletableFuture<Prepared> prepared = new CompletableFuture<>();
    java.lang.Thread aside =
        new java.lang.Thread(
            () -> {
              try {
                prepared.complete(prepare(files));
              } catch (RuntimeException | Error e) {
                prepared.completeExceptionally(e);
              }
            },
            "vigil-intake-seal");
    aside.setDaemon(true);
    aside.start();
    Cleaning cleaning = clean(files, () -> prepared.join().sealedOriginals());
    if (cleaning.refused().isPresent()) {
      return cleaning.refused().get();
    }
    byte[] sealedText = box.seal(team, text.strip().getBytes(StandardCharsets.UTF_8));
    List<TipRepository.SealedOriginal> originals = cleaning.sealed();
    LocalDate today = today();
    Prepared first = prepared.join();
    for (int attempt = 0; attempt < LOCATOR_ATTEMPTS; attempt++) {
      Receipt receipt = attempt == 0 ? first.receipt() : Receipt.generate(random);
      ReceiptHasher.Derived d = attempt == 0 ? first.derived() : hasher.derive(receipt);
      if (tips.submit(
          new TipRepository.NewTip(
              ownerOrg,
              receipt.locator(),
              d.salt(),
              d.verifier(),
              d.tipsterKey().sealingKey().hex(),
              today,
              sealedText,
              originals))) {
        return new Accepted(Optional.of(receipt));
      }
    }
    throw new IllegalStateException(
        "no free receipt locator in " + LOCATOR_ATTEMPTS + " draws of 40 bits");
  }

  /** A receipt drawn and derived, and the files' originals sealed, ahead of storing. */
  private record Prepared(
      Receipt receipt, ReceiptHasher.Derived derived, List<byte[]> sealedOriginals) {}

  private Prepared prepare(List<Upload> files) {
    Receipt receipt = Receipt.generate(random);
    return new Prepared(receipt, hasher.derive(receipt), sealOriginals(files));
  }

  private List<byte[]> sealOriginals(List<Upload> files) {
    List<byte[]> sealed = new ArrayList<>();
    for (Upload f : files) {
      sealed.add(box.seal(team, f.bytes()));
    }
    return sealed;
  }

  /**
   * What {@code typedReceipt} opens. A receipt that is malformed, unknown or wrong is empty, after
   * the same Argon2id work as a right one.
   */
  public Optional<Thread> follow(String typedReceipt) {
    return open(typedReceipt).map(o -> thread(o.tipId(), o.key()));
  }

  /** Adds text and files to the thread {@code typedReceipt} opens. */
  public Outcome addMore(String typedReceipt, String text, List<Upload> files) {
    Optional<Opened> opened = open(typedReceipt);
    if (opened.isEmpty()) {
      return new Refused(IntakeProblem.UNKNOWN_RECEIPT);
    }
    Optional<IntakeProblem> problem = problem(text, files);
    if (problem.isPresent()) {
      return new Refused(problem.get());
    }
    Cleaning cleaning = clean(files, () -> sealOriginals(files));
    if (cleaning.refused().isPresent()) {
      return cleaning.refused().get();
    }
    String tipId = opened.get().tipId();
    LocalDate today = today();
    if (!text.isBlank()) {
      tips.addMessage(
          tipId,
          TipRepository.Author.TIPSTER,
          today,
          box.seal(team, text.strip().getBytes(StandardCharsets.UTF_8)),
          Optional.empty());
    }
    tips.addOriginals(tipId, today, cleaning.sealed());
    return new Accepted(Optional.empty());
  }

  private record Opened(String tipId, OpeningKey key) {}

  private Optional<Opened> open(String typedReceipt) {
    Optional<Receipt> receipt = Receipt.parse(typedReceipt);
    if (receipt.isEmpty()) {
      hasher.decoy("0".repeat(Receipt.SECRET_CHARS));
      return Optional.empty();
    }
    Optional<TipRepository.ReceiptCheck> check = tips.byLocator(receipt.get().locator());
    if (check.isEmpty()) {
      hasher.decoy(receipt.get().secret());
      return Optional.empty();
    }
    TipRepository.ReceiptCheck c = check.get();
    return hasher
        .check(receipt.get().secret(), c.salt(), c.verifier())
        .map(key -> new Opened(c.tipId(), key));
  }

  private Thread thread(String tipId, OpeningKey key) {
    List<Reply> replies = new ArrayList<>();
    int own = 0;
    for (TipRepository.Message m : tips.messages(tipId)) {
      switch (m.author()) {
        case TIPSTER -> own++;
        case HANDLER ->
            m.sealedForTipster()
                .ifPresent(
                    s ->
                        replies.add(
                            new Reply(
                                m.receivedOn(),
                                new String(SealedBox.open(key, s), StandardCharsets.UTF_8))));
      }
    }
    return new Thread(replies, own);
  }

  private static Optional<IntakeProblem> problem(String text, List<Upload> files) {
    requireNonNull(text, "text");
    requireNonNull(files, "files");
    if (text.length() > MAX_TEXT_CHARS) {
      return Optional.of(IntakeProblem.TEXT_TOO_LONG);
    }
    if (files.size() > MAX_ATTACHMENTS) {
      return Optional.of(IntakeProblem.TOO_MANY_FILES);
    }
    if (text.isBlank() && files.isEmpty()) {
      return Optional.of(IntakeProblem.EMPTY);
    }
    return Optional.empty();
  }

  /** The files sealed, or the refusal of the first the tipster must fix. */
  private record Cleaning(List<TipRepository.SealedOriginal> sealed, Optional<Refused> refused) {}

  /**
   * Cleans every file, then seals the originals and working copies. A file the tipster can fix
   * refuses the whole message (nothing is kept); one the server failed to clean is kept sealed
   * without a working copy, so no accepted tip loses anything. Only the bytes are sealed: the
   * file's name, type and dates as the browser sent them are dropped here.
   */
  private Cleaning clean(List<Upload> files, Supplier<List<byte[]>> sealedOriginals) {
    List<CleaningResult> results = new ArrayList<>();
    for (Upload f : files) {
      CleaningResult r = cleaner.clean(f.declaredName(), new ByteArrayInputStream(f.bytes));
      if (r instanceof CleaningResult.Refused refused && refused.code().tipsterCanFix()) {
        return new Cleaning(
            List.of(),
            Optional.of(new Refused(IntakeProblem.BAD_FILE, Optional.of(refused.message()))));
      }
      results.add(r);
    }
    List<TipRepository.SealedOriginal> sealed = new ArrayList<>();
    List<byte[]> originals = files.isEmpty() ? List.of() : sealedOriginals.get();
    for (int i = 0; i < files.size(); i++) {
      int size = files.get(i).size();
      CleaningResult r = results.get(i);
      if (r instanceof CleaningResult.Cleaned c) {
        sealed.add(
            new TipRepository.SealedOriginal(
                size,
                originals.get(i),
                Optional.of(c.type().mediaType()),
                Optional.of(box.seal(team, c.workingCopy())),
                "cleaned"));
      } else if (r instanceof CleaningResult.Refused refused) {
        sealed.add(
            new TipRepository.SealedOriginal(
                size,
                originals.get(i),
                refused.checked().map(o -> o.type().mediaType()),
                Optional.empty(),
                refused.code().code()));
      }
    }
    return new Cleaning(sealed, Optional.empty());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
