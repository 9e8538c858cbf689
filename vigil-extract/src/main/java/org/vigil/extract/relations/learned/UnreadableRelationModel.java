/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

/**
 * A relation model file that this Vigil cannot use: not a model file, or one trained on another
 * version of the features. The message names the file and says how to make a usable one ({@code
 * vigil train relations}).
 */
public final class UnreadableRelationModel extends RuntimeException {
  UnreadableRelationModel(String message) {
    super(message, null, false, false);
  }
}
