/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

/**
 * One step of name normalisation on a whole name's text. Steps are pure functions of their input,
 * safe to call from several threads at once.
 */
public interface NameStep {

  /** The text after this step; never null, empty when nothing is left. */
  String apply(String text);
}
