/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRouting;
import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Permission;

/**
 * The only way routes are added: each names the {@link Permission} it needs, which the request
 * guard enforces before the handler runs, and each is recorded so that tests can list them all.
 */
public final class Routes {
  /** Every API route lives under this prefix. */
  public static final String PREFIX = "/api/v1";

  /** TAXII 2.1 lives under this prefix, with its own media type and error shape. */
  public static final String TAXII_PREFIX = "/taxii2";

  /** A registered route: its HTTP method, full path pattern and required permission. */
  public record Route(String method, String path, Permission permission) {
    public Route {
      requireNonNull(method, "method");
      requireNonNull(path, "path");
      requireNonNull(permission, "permission");
    }
  }

  /** Carries a route's permission to the guard through Javalin's route roles. */
  record Requires(Permission permission) implements RouteRole {}

  private final JavalinDefaultRouting router;
  private final List<Route> registered = new ArrayList<>();

  Routes(JavalinDefaultRouting router) {
    this.router = requireNonNull(router, "router");
  }

  /** Adds {@code GET PREFIX+path}. */
  public void get(String path, Permission permission, Handler handler) {
    add(HandlerType.GET, path, permission, handler);
  }

  /** Adds {@code POST PREFIX+path}. */
  public void post(String path, Permission permission, Handler handler) {
    add(HandlerType.POST, path, permission, handler);
  }

  /**
   * Adds {@code GET path} for a page of the web UI, outside the API prefix. Pages answer HTML and
   * are guarded like API routes.
   */
  public void page(String path, Permission permission, Handler handler) {
    add(HandlerType.GET, "", path, permission, handler);
  }

  /** Adds {@code POST path} for a form of the web UI, outside the API prefix. */
  public void pagePost(String path, Permission permission, Handler handler) {
    add(HandlerType.POST, "", path, permission, handler);
  }

  /** Adds {@code method TAXII_PREFIX+path} for the TAXII 2.1 server. */
  public void taxii(HandlerType method, String path, Permission permission, Handler handler) {
    add(method, TAXII_PREFIX, path, permission, handler);
  }

  /** Whether a route belongs to the TAXII 2.1 server. */
  public static boolean isTaxii(Route route) {
    return route.path().startsWith(TAXII_PREFIX + "/");
  }

  /** Whether a route is part of the JSON API (and so of the OpenAPI document). */
  public static boolean isApi(Route route) {
    return route.path().startsWith(PREFIX + "/");
  }

  /** Every route added so far, in order. */
  public List<Route> registered() {
    return List.copyOf(registered);
  }

  /** The permission a matched request needs, from the roles Javalin attached to its route. */
  static Optional<Permission> required(Set<RouteRole> roles) {
    return roles.stream()
        .filter(Requires.class::isInstance)
        .map(r -> ((Requires) r).permission())
        .findFirst();
  }

  private void add(HandlerType method, String path, Permission permission, Handler handler) {
    add(method, PREFIX, path, permission, handler);
  }

  private void add(
      HandlerType method, String prefix, String path, Permission permission, Handler handler) {
    requireNonNull(permission, () -> "route " + method + " " + path + " names no permission");
    requireNonNull(handler, "handler");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a route path starts with '/': " + path);
    }
    String full = prefix + path;
    router.addHttpHandler(method, full, handler, new Requires(permission));
    registered.add(new Route(method.name(), full, permission));
  }
}
