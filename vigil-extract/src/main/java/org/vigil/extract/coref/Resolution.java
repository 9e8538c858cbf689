/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.extract.Mention;

/**
 * A pronoun or description and the named mention it stands for, when one was safe to choose.
 *
 * @param anaphor the pronoun or description as written, at its span
 * @param antecedent the named mention it stands for; empty when no single candidate fits, and then
 *     the anaphor is left out of what is read
 */
record Resolution(Mention anaphor, Optional<Mention> antecedent) {
  Resolution {
    requireNonNull(anaphor, "anaphor");
    requireNonNull(antecedent, "antecedent");
  }

  /** The anaphor as a mention of its antecedent's entity, if resolved. */
  Optional<Mention> resolved(String reader) {
    return antecedent.map(a -> anaphor.standingFor(a, reader));
  }
}
