/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.store.Store;

/**
 * Loading lists: the one front door behind {@code vigil lists load}, {@code vigil lists update} and
 * the demo's bundled lists. A {@link Request} describes what to load and for whom; {@link #load}
 * puts each list in force in the library and the store, audits each change, rebuilds the search
 * index once, and, when anything changed, has the store's entities screened again. A list that
 * cannot be read, downloaded or verified is an outcome, and the others go on; a source that cannot
 * be updated also raises a list failure alert.
 *
 * <p>The library, the store and what runs after a change are the caller's; one load at a time.
 */
public final class ListLoading {

  /** Where the lists come from. */
  public sealed interface Origin permits Files, Sources {}

  /**
   * Files or folders on this machine.
   *
   * @param format the format's short name; empty to detect each file's
   * @param dataset the dataset to load under; empty for the name each list gives
   */
  public record Files(List<Path> files, Optional<String> format, Optional<String> dataset)
      implements Origin {
    public Files {
      files = List.copyOf(files);
      requireNonNull(format, "format");
      requireNonNull(dataset, "dataset");
    }
  }

  /** Official sources, downloaded now, each within {@code timeout}. */
  public record Sources(List<ListUpdater.ListSource> sources, Duration timeout) implements Origin {
    public Sources {
      sources = List.copyOf(sources);
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("a download timeout must be positive: " + timeout);
      }
    }
  }

  /**
   * A load to make.
   *
   * @param ownerOrg the organisation that owns the statements' TLP:CLEAR marking
   * @param actor who loads, as the audit log names them
   * @param channel how they came (the audit log's channel: "cli", say)
   */
  public record Request(Origin origin, String ownerOrg, String actor, String channel) {
    public Request {
      requireNonNull(origin, "origin");
      requireNonNull(ownerOrg, "ownerOrg");
      requireNonNull(actor, "actor");
      requireNonNull(channel, "channel");
    }
  }

  /**
   * What a load did.
   *
   * @param lists one outcome per file or source, in order
   * @param screenedAgain what screening the store's entities again said, when lists changed and
   *     this loading screens again
   */
  public record Outcome(List<LoadOutcome> lists, Optional<String> screenedAgain) {
    public Outcome {
      lists = List.copyOf(lists);
      requireNonNull(screenedAgain, "screenedAgain");
    }

    /** The outcomes of the lists that could not be loaded. */
    public List<LoadOutcome> failed() {
      return lists.stream().filter(o -> !o.succeeded()).toList();
    }

    /** Whether any list was put in force by this load. */
    public boolean changed() {
      return lists.stream().anyMatch(ListLoading::changed);
    }
  }

  /** What runs once lists changed: the store's entities screened again, in a line for people. */
  @FunctionalInterface
  public interface AfterChange {
    String screenAgain(Store store);
  }

  private final ListLibrary library;
  private final Store store;
  private final Clock clock;
  private final Optional<AfterChange> afterChange;

  /**
   * @param afterChange what runs when lists changed; empty when the caller resolves and screens
   *     everything afterwards anyway (the demo)
   */
  public ListLoading(
      ListLibrary library, Store store, Clock clock, Optional<AfterChange> afterChange) {
    this.library = requireNonNull(library, "library");
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    this.afterChange = requireNonNull(afterChange, "afterChange");
  }

  /**
   * Loads what {@code request} names, telling {@code progress} a line per step ({@link
   * ListLoader#describe} of each outcome among them; a failure's line starts with "FAILED ").
   */
  public Outcome load(Request request, Consumer<String> progress) {
    requireNonNull(progress, "progress");
    ListLoader loader = new ListLoader(library, Optional.of(store), request.ownerOrg(), clock);
    List<LoadOutcome> outcomes =
        request.origin() instanceof Files files
            ? loader.loadAll(files.files(), files.format(), files.dataset(), progress)
            : update(loader, (Sources) request.origin(), progress);
    for (LoadOutcome outcome : outcomes) {
      if (changed(outcome)) {
        store.audit().append(auditEvent(request, outcome));
      }
    }
    Optional<String> screened =
        outcomes.stream().anyMatch(ListLoading::changed)
            ? afterChange.map(after -> after.screenAgain(store))
            : Optional.empty();
    return new Outcome(outcomes, screened);
  }

  private List<LoadOutcome> update(ListLoader loader, Sources sources, Consumer<String> progress) {
    ListUpdater updater = new ListUpdater(library, loader, sources.timeout());
    List<LoadOutcome> outcomes = new ArrayList<>();
    int written = 0;
    for (ListUpdater.ListSource source : sources.sources()) {
      progress.accept(
          "Downloading " + source.name() + " (" + source.files().size() + " files) ...");
      LoadOutcome outcome = updater.update(source);
      outcomes.add(outcome);
      written += outcome.statements();
      progress.accept(ListLoader.describe(outcome));
      if (!outcome.succeeded()) {
        // An update that failed half way is an alert on the alert page, not only a line here.
        store
            .resolution()
            .raiseListFailure(
                source.name(),
                outcome.error().orElseThrow() + "; the release in force before the update is kept",
                clock.instant());
      }
    }
    if (written > 0) {
      progress.accept("Rebuilding the search index ...");
      progress.accept("Indexed " + store.reindex() + " entities.");
    }
    return outcomes;
  }

  private AuditEvent auditEvent(Request request, LoadOutcome outcome) {
    ReleaseManifest release = outcome.release().orElseThrow();
    String detail =
        request.origin() instanceof Files
            ? "list loaded from " + outcome.file() + ": " + release.entries() + " entries"
            : "list updated from source " + outcome.file();
    return new AuditEvent(
        request.actor(),
        AuditAction.ADMIN,
        "list:" + release.reference(),
        detail,
        request.channel(),
        clock.instant());
  }

  private static boolean changed(LoadOutcome outcome) {
    return outcome.succeeded() && !outcome.unchanged();
  }
}
