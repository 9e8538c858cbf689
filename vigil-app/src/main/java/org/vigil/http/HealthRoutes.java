/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import org.vigil.access.Permission;

/** The liveness check, for load balancers and the impatient. It touches no storage. */
final class HealthRoutes {
  record Health(String status, String version) {}

  private final String version;

  HealthRoutes(String version) {
    this.version = requireNonNull(version, "version");
  }

  void register(Routes routes) {
    routes.get("/health", Permission.ANONYMOUS, ctx -> ctx.json(new Health("ok", version)));
  }
}
