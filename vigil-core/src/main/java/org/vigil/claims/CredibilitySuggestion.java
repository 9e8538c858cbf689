/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

import org.vigil.model.Credibility;

/** The information credibility the evidence suggests for one claim, and why. */
public record CredibilitySuggestion(Credibility credibility, String why) {
  public CredibilitySuggestion {
    requireNonNull(credibility, "credibility");
    requireNonNull(why, "why");
  }
}
