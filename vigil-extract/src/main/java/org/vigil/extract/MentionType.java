/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

/** What kind of thing a mention names, in the four classes of the CoNLL task. */
public enum MentionType {
  PERSON,
  ORGANIZATION,
  LOCATION,
  MISC
}
