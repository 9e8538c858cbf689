/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.store.Store;
import org.vigil.tips.attachments.AttachmentCleaner;
import org.vigil.tips.attachments.CleanerSettings;

/**
 * The public tip line's own listener: its own port and address, and only the intake's pages on it
 * (the form, the receipt, replies, adding more, one style sheet). No analyst route, page, asset or
 * API is registered here, so none is reachable. It never reads the peer's address or agent, logs
 * nothing about a request, sets no cookie, and answers every page with a Content-Security-Policy
 * that allows only its own style sheet and forms.
 *
 * <p>{@link #close} stops listening and writes the last intake audit rows; the store stays open.
 */
public final class IntakeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeServer.class);

  /** Sent with every answer. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self';"
          + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /** The proof-of-work's solver, our own, served from the listener itself. */
  static final String POW_JS = resource("pow.js");

  private static final int IN_MEMORY_PART_BYTES = 64 * 1024;
  private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

  private final Javalin app;
  private final ScheduledExecutorService auditor;
  private final Store store;

  private IntakeServer(Javalin app, ScheduledExecutorService auditor, Store store) {
    this.app = app;
    this.auditor = auditor;
    this.store = store;
  }

  /**
   * Empties the spool folder, writes the audit rows pending from an earlier run, and listens.
   *
   * @param team the team's public key, which every tip is sealed to
   */
  public static IntakeServer start(
      IntakeSettings settings, Store store, SealingKey team, Clock clock) {
    requireNonNull(settings, "settings");
    requireNonNull(store, "store");
    requireNonNull(team, "team");
    requireNonNull(clock, "clock");
    prepareSpool(settings.spoolDir());
    SecureRandom random = new SecureRandom();
    AttachmentCleaner cleaner =
        AttachmentCleaner.create(
            CleanerSettings.DEFAULT
                .withMaxBytes(settings.maxFileBytes())
                .withWorkRoot(settings.spoolDir()));
    cleaner
        .unavailableReason()
        .ifPresent(
            why ->
                LOG.warn("the tip line keeps attachments sealed without a working copy: {}", why));
    TipIntake intake =
        new TipIntake(
            store.tips(),
            settings.org(),
            cleaner,
            team,
            ReceiptHasher.standard(random),
            random,
            clock);
    Handlers handlers =
        new Handlers(intake, settings, new IntakeGuard(settings.limits(), random, clock));
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.http.maxRequestSize = settings.maxRequestBytes();
              config.jetty.modifyHttpConfiguration(
                  h -> {
                    h.setSendServerVersion(false);
                    h.setSendXPoweredBy(false);
                  });
              // Jetty counts multipart text fields against its form limit (200 kB by default).
              config.jetty.modifyServletContextHandler(
                  h ->
                      h.setMaxFormContentSize(
                          (int) Math.min(Integer.MAX_VALUE, settings.maxRequestBytes())));
              config.router.mount(
                  router -> {
                    router.before(IntakeServer::headers);
                    router.get("/", handlers::form);
                    router.post("/tip", handlers::submit);
                    router.get("/follow", handlers::followForm);
                    router.post("/follow", handlers::follow);
                    router.post("/more", handlers::more);
                    router.get("/intake.css", IntakeServer::css);
                    router.get("/pow.js", IntakeServer::js);
                  });
            });
    // Only a path with no page: a wrong receipt's 404 keeps its own page, in the tipster's
    // language.
    app.error(
        404,
        ctx -> {
          if (ctx.resultInputStream() == null) {
            ctx.contentType("text/plain; charset=utf-8").result("Not found");
          }
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          // The exception's class only: its message could quote what the tipster sent.
          LOG.warn("intake request failed: {}", e.getClass().getName());
          ctx.status(500).contentType("text/plain; charset=utf-8").result("Server error");
        });
    IntakeAudit.flush(store);
    ScheduledExecutorService auditor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-intake-audit");
              t.setDaemon(true);
              return t;
            });
    auditor.scheduleAtFixedRate(() -> flushQuietly(store), 1, 1, TimeUnit.HOURS);
    try {
      app.start(settings.bindAddress(), settings.port());
    } catch (RuntimeException e) {
      auditor.shutdownNow();
      throw e;
    }
    return new IntakeServer(app, auditor, store);
  }

  /** The port it listens on (the chosen one when started on port 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      auditor.shutdownNow();
      flushQuietly(store);
    }
  }

  private static void flushQuietly(Store store) {
    try {
      IntakeAudit.flush(store);
    } catch (RuntimeException e) {
      LOG.warn("intake audit rows not written yet: {}", e.getClass().getName());
    }
  }

  private static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header(
        "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  }

  private static void css(Context ctx) {
    ctx.contentType("text/css; charset=utf-8").result(IntakePages.CSS);
  }

  private static void js(Context ctx) {
    ctx.contentType("text/javascript; charset=utf-8").result(POW_JS);
  }

  private static String resource(String name) {
    try (InputStream in = IntakeServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the intake's " + name + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Empties (or makes) the spool folder, owner-only where the file system allows. */
  static void prepareSpool(Path spool) {
    try {
      if (Files.isDirectory(spool)) {
        try (Stream<Path> files = Files.walk(spool)) {
          for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            if (!p.equals(spool)) {
              Files.delete(p);
            }
          }
        }
      } else {
        Files.createDirectories(spool);
      }
      try {
        Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the data directory's own permissions apply.
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty the intake spool " + spool, e);
    }
  }

  /** The pages' handlers. */
  private record Handlers(TipIntake intake, IntakeSettings settings, IntakeGuard guard) {
    void form(Context ctx) {
      IntakeLanguage l = IntakeLanguage.of(Optional.ofNullable(ctx.queryParam("lang")));
      html(ctx, IntakePages.form(l, Optional.empty(), "", guard.challenge(IntakeGuard.Door.TIP)));
    }

    void followForm(Context ctx) {
      IntakeLanguage l = IntakeLanguage.of(Optional.ofNullable(ctx.queryParam("lang")));
      html(ctx, IntakePages.follow(l, Optional.empty(), guard.challenge(IntakeGuard.Door.READ)));
    }

    void submit(Context ctx) {
      Optional<Submission> read = read(ctx);
      if (read.isEmpty()) {
        tooLarge(ctx, l(ctx, Optional.empty()), false);
        return;
      }
      Submission s = read.get();
      IntakeGuard.Admission admission = guard.admit(IntakeGuard.Door.TIP, s.challenge(), s.proof());
      if (admission instanceof IntakeGuard.Turned t) {
        refuseTip(ctx, s, t.problem(), Optional.empty());
        return;
      }
      TipIntake.Outcome outcome = intake.submit(s.text(), s.files());
      if (outcome instanceof TipIntake.Accepted a) {
        html(ctx, IntakePages.receipt(s.language(), a.receipt().orElseThrow()));
      } else if (outcome instanceof TipIntake.Refused r) {
        guard.giveBack((IntakeGuard.Admitted) admission);
        refuseTip(ctx, s, r.problem(), r.detail());
      }
    }

    /** The form again, with the tipster's text, what to fix, and a new challenge. */
    private void refuseTip(
        Context ctx, Submission s, IntakeProblem problem, Optional<String> detail) {
      ctx.status(status(problem));
      html(
          ctx,
          IntakePages.form(
              s.language(),
              Optional.of(problem(s.language(), problem, detail)),
              s.text(),
              guard.challenge(IntakeGuard.Door.TIP)));
    }

    void follow(Context ctx) {
      Optional<Submission> read = read(ctx);
      if (read.isEmpty()) {
        tooLarge(ctx, l(ctx, Optional.empty()), true);
        return;
      }
      Submission s = read.get();
      IntakeGuard.Admission admission =
          guard.admit(IntakeGuard.Door.READ, s.challenge(), s.proof());
      if (admission instanceof IntakeGuard.Turned t) {
        refuseRead(ctx, s.language(), t.problem());
        return;
      }
      Optional<TipIntake.Thread> thread = intake.follow(s.receipt());
      if (thread.isEmpty()) {
        refuseRead(ctx, s.language(), IntakeProblem.UNKNOWN_RECEIPT);
      } else {
        html(ctx, threadPage(s.language(), s.receipt(), thread.get(), Optional.empty()));
      }
    }

    private void refuseRead(Context ctx, IntakeLanguage l, IntakeProblem problem) {
      ctx.status(status(problem));
      html(
          ctx,
          IntakePages.follow(
              l,
              Optional.of(problem(l, problem, Optional.empty())),
              guard.challenge(IntakeGuard.Door.READ)));
    }

    private String threadPage(
        IntakeLanguage l, String receipt, TipIntake.Thread thread, Optional<String> notice) {
      return IntakePages.thread(l, receipt, thread, notice, guard.challenge(IntakeGuard.Door.TIP));
    }

    void more(Context ctx) {
      Optional<Submission> read = read(ctx);
      if (read.isEmpty()) {
        tooLarge(ctx, l(ctx, Optional.empty()), true);
        return;
      }
      Submission s = read.get();
      IntakeGuard.Admission admission = guard.admit(IntakeGuard.Door.TIP, s.challenge(), s.proof());
      if (admission instanceof IntakeGuard.Turned t) {
        refuseRead(ctx, s.language(), t.problem());
        return;
      }
      TipIntake.Outcome outcome = intake.addMore(s.receipt(), s.text(), s.files());
      if (outcome instanceof TipIntake.Refused r) {
        guard.giveBack((IntakeGuard.Admitted) admission);
        if (r.problem() == IntakeProblem.UNKNOWN_RECEIPT) {
          refuseRead(ctx, s.language(), r.problem());
          return;
        }
        ctx.status(status(r.problem()));
      }
      String notice =
          outcome instanceof TipIntake.Refused r
              ? problem(s.language(), r.problem(), r.detail())
              : s.language().added;
      // The receipt was just checked: the thread opens (it costs a second Argon2id run).
      html(
          ctx,
          threadPage(
              s.language(),
              s.receipt(),
              intake.follow(s.receipt()).orElseThrow(),
              Optional.of(notice)));
    }

    private String problem(IntakeLanguage l, IntakeProblem p, Optional<String> detail) {
      return l.problem(
              p,
              settings.maxFileBytes() / (1024 * 1024),
              settings.maxRequestBytes() / (1024 * 1024))
          + detail.map(d -> " (" + d + ")").orElse("");
    }

    private void tooLarge(Context ctx, IntakeLanguage l, boolean follow) {
      ctx.status(HttpStatus.CONTENT_TOO_LARGE);
      String message = problem(l, IntakeProblem.TOO_LARGE, Optional.empty());
      html(
          ctx,
          follow
              ? IntakePages.follow(l, Optional.of(message), guard.challenge(IntakeGuard.Door.READ))
              : IntakePages.form(
                  l, Optional.of(message), "", guard.challenge(IntakeGuard.Door.TIP)));
    }

    /**
     * The form's fields and files, or empty when the request is over the caps. Files come as bytes
     * only; their names, types and dates are never read.
     */
    private Optional<Submission> read(Context ctx) {
      long length = ctx.req().getContentLengthLong();
      if (length > settings.maxRequestBytes()) {
        return Optional.empty();
      }
      ctx.req()
          .setAttribute(
              MULTIPART_CONFIG,
              new MultipartConfigElement(
                  settings.spoolDir().toString(),
                  settings.maxFileBytes(),
                  settings.maxRequestBytes(),
                  IN_MEMORY_PART_BYTES));
      Collection<Part> parts;
      try {
        parts = ctx.req().getParts();
      } catch (IllegalStateException e) {
        return Optional.empty();
      } catch (ServletException | IOException e) {
        // Not a multipart form (or cut short): read as an empty one, which the intake refuses.
        return Optional.of(new Submission(l(ctx, Optional.empty()), "", "", "", "", List.of()));
      }
      try {
        String lang = "";
        String text = "";
        String receipt = "";
        String challenge = "";
        String proof = "";
        List<TipIntake.Upload> files = new ArrayList<>();
        for (Part p : parts) {
          switch (p.getName()) {
            case "lang" -> lang = field(p, 16);
            case "text" -> text = field(p, TipIntake.MAX_TEXT_CHARS * 4L + 16);
            case "receipt" -> receipt = field(p, 200);
            case "challenge" -> challenge = field(p, 200);
            case "proof" -> proof = field(p, 400);
            case "files" -> {
              if (p.getSize() > 0) {
                // The name goes to the cleaner's extension check only, and no further.
                files.add(
                    new TipIntake.Upload(
                        Optional.ofNullable(p.getSubmittedFileName()),
                        bytes(p, settings.maxFileBytes())));
              }
            }
            default -> {
              // Unknown fields are ignored, never stored.
            }
          }
        }
        return Optional.of(
            new Submission(l(ctx, Optional.of(lang)), text, receipt, challenge, proof, files));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the intake form", e);
      } finally {
        for (Part p : parts) {
          try {
            p.delete();
          } catch (IOException e) {
            LOG.warn("an intake spool file was not deleted; it goes at the next start");
          }
        }
      }
    }

    private static IntakeLanguage l(Context ctx, Optional<String> field) {
      return IntakeLanguage.of(
          field.filter(f -> !f.isEmpty()).or(() -> Optional.ofNullable(ctx.queryParam("lang"))));
    }

    private static String field(Part p, long maxBytes) throws IOException {
      try (InputStream in = p.getInputStream()) {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return new String(b, StandardCharsets.UTF_8);
      }
    }

    private static byte[] bytes(Part p, long maxBytes) throws IOException {
      try (InputStream in = p.getInputStream()) {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
      }
    }

    private static int status(IntakeProblem p) {
      return switch (p) {
        case EMPTY, TEXT_TOO_LONG, TOO_MANY_FILES -> 400;
        case BAD_FILE -> 422;
        case TOO_LARGE -> 413;
        case BUSY, BUSY_UNPROVEN -> 429;
        case PROOF_REJECTED -> 400;
        case UNKNOWN_RECEIPT -> 404;
      };
    }

    private static void html(Context ctx, String page) {
      ctx.contentType("text/html; charset=utf-8").result(page);
    }
  }

  /** A form as read: its language, fields and files. */
  private record Submission(
      IntakeLanguage language,
      String text,
      String receipt,
      String challenge,
      String proof,
      List<TipIntake.Upload> files) {}
}
