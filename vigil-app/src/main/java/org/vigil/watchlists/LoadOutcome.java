/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What loading one file did: a release put in force (or found in force already), or the error that
 * stopped it, in which case the dataset's previous release stays in force.
 *
 * @param file the file or folder as the user named it
 * @param release the release in force after the load, when it succeeded
 * @param unchanged whether that release was in force already (nothing was written)
 * @param statements how many statements were written to the store
 * @param error why the file was not loaded: file, line or element, and problem
 */
public record LoadOutcome(
    String file,
    Optional<ReleaseManifest> release,
    boolean unchanged,
    int statements,
    Optional<String> error) {
  public LoadOutcome {
    requireNonNull(file, "file");
    requireNonNull(release, "release");
    requireNonNull(error, "error");
    if (release.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("a load outcome has either a release or an error");
    }
  }

  static LoadOutcome failed(String file, String error) {
    return new LoadOutcome(file, Optional.empty(), false, 0, Optional.of(error));
  }

  public boolean succeeded() {
    return release.isPresent();
  }
}
