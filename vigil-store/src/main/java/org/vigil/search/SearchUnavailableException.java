/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

/**
 * The search engine cannot answer now (an OpenSearch cluster that is down, unreachable or
 * overloaded): a search fails with this and can be tried again; the statements are not affected.
 */
public final class SearchUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SearchUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
