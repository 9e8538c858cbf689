/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.vigil.access.Permission;

/**
 * Serves the hand-written OpenAPI 3.1 document. A test holds it equal to the registered routes, so
 * it cannot drift from the code.
 */
final class OpenApiRoutes {
  static final String RESOURCE = "/org/vigil/http/openapi.json";

  private final byte[] document;

  OpenApiRoutes() {
    this.document = load();
  }

  static byte[] load() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is not packaged");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  void register(Routes routes) {
    routes.get(
        "/openapi.json",
        Permission.ANONYMOUS,
        ctx -> ctx.contentType("application/json; charset=utf-8").result(document));
  }
}
