/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.vigil.access.Permission;

/**
 * The web UI's static files, all served by Vigil itself so that it works offline: {@code
 * /assets/{file}} from the classpath folder {@code org/vigil/http/assets/}, and {@code
 * /assets/lib/...} from the WebJars on the classpath ({@code META-INF/resources/webjars/}). Only
 * the style sheet, which the sign-in page needs, is served without signing in.
 *
 * <p>Names are checked against a strict pattern before any lookup (no "..", no absolute paths, no
 * backslashes), and only known file types are served, each with its content type.
 */
final class AssetRoutes {
  static final String STYLE_SHEET = "/assets/vigil.css";
  private static final String OWN = "org/vigil/http/assets/";
  private static final String WEBJARS = "META-INF/resources/webjars/";
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final int MAX_SEGMENTS = 8;
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "woff2", "font/woff2",
          "json", "application/json");

  /** A file read once from the classpath, with its type and a validator for caches. */
  private record Asset(byte[] bytes, String type, String etag) {}

  private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

  void register(Routes routes) {
    // Registered before the pattern below, so that it matches first.
    routes.page(STYLE_SHEET, Permission.ANONYMOUS, ctx -> serve(ctx, OWN + "vigil.css"));
    routes.page("/assets/lib/<path>", Permission.READ, this::library);
    routes.page("/assets/{file}", Permission.READ, this::own);
  }

  private void own(Context ctx) {
    String file = ctx.pathParam("file");
    if (!SEGMENT.matcher(file).matches() || file.contains("..")) {
      throw ApiException.notFound("no asset " + file);
    }
    serve(ctx, OWN + file);
  }

  private void library(Context ctx) {
    String path = ctx.pathParam("path");
    String[] segments = path.split("/", -1);
    if (segments.length < 2 || segments.length > MAX_SEGMENTS) {
      throw ApiException.notFound("no library file " + path);
    }
    for (String segment : segments) {
      if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
        throw ApiException.notFound("no library file " + path);
      }
    }
    serve(ctx, WEBJARS + path);
  }

  private void serve(Context ctx, String resource) {
    Asset asset =
        cache
            .computeIfAbsent(resource, AssetRoutes::load)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no asset " + resource.substring(resource.lastIndexOf('/') + 1)));
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.header("ETag", asset.etag());
    if (asset.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(asset.type());
    ctx.result(asset.bytes());
  }

  private static Optional<Asset> load(String resource) {
    String extension = resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String type = TYPES.get(extension);
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = AssetRoutes.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      return Optional.of(new Asset(bytes, type, etag(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the asset " + resource, e);
    }
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
