/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentIntake;
import org.vigil.extract.Extractor;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.resolution.BackgroundResolution;
import org.vigil.store.Store;

/**
 * What the analyst server's tip routes, handler pages and triage share: the team's key file, one
 * extractor (costly; built on first need) and the ingest that stores a released tip, resolved in
 * the background like an upload. Thread-safe.
 */
public final class TipHandling {
  private final TeamKeyFile key;
  private final Supplier<Extractor> extractorFactory;
  private final IngestLimits limits;
  private final BackgroundResolution resolution;
  private final Clock clock;
  private Extractor extractor;
  private DocumentIngest ingest;
  private Store ingestStore;

  public TipHandling(
      TeamKeyFile key,
      Supplier<Extractor> extractor,
      IngestLimits limits,
      BackgroundResolution resolution,
      Clock clock) {
    this.key = requireNonNull(key, "key");
    this.extractorFactory = requireNonNull(extractor, "extractor");
    this.limits = requireNonNull(limits, "limits");
    this.resolution = requireNonNull(resolution, "resolution");
    this.clock = requireNonNull(clock, "clock");
  }

  public TeamKeyFile key() {
    return key;
  }

  /**
   * A desk on {@code store} with the team's key.
   *
   * @throws TeamKeyFile.Unavailable when the server has no key to open tips with
   */
  public TipDesk desk(Store store) {
    return new TipDesk(store, key.open(), new SecureRandom(), clock);
  }

  /** The extractor tips are read with, built on the first call. */
  public synchronized Extractor extractor() {
    if (extractor == null) {
      extractor = extractorFactory.get();
    }
    return extractor;
  }

  /** The intake a released tip is stored through. */
  public synchronized DocumentIntake intake(Store store) {
    if (ingest == null || ingestStore != store) {
      ingest = new DocumentIngest(store, DocumentReader.create(limits), extractor(), clock);
      ingestStore = store;
    }
    return new DocumentIntake(store, ingest, new DocumentIntake.ResolveInBackground(resolution));
  }
}
