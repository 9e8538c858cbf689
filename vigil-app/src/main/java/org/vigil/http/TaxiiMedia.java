/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * TAXII 2.1's media type on every answer under {@code /taxii2/}, errors included (exactly {@code
 * application/taxii+json;version=2.1}, which the OASIS client compares token by token), and the
 * checks of what a request accepts (406) and sends (415).
 */
final class TaxiiMedia {
  static final String TYPE = "application/taxii+json;version=2.1";
  private static final ObjectMapper JSON = Json.mapper();

  private TaxiiMedia() {}

  /** Whether the request is the TAXII server's. */
  static boolean concerns(Context ctx) {
    return ctx.path().equals(Routes.TAXII_PREFIX)
        || ctx.path().startsWith(Routes.TAXII_PREFIX + "/");
  }

  /** Sends {@code body} with TAXII's media type. */
  static void send(Context ctx, int status, JsonNode body) {
    try {
      byte[] bytes = JSON.writeValueAsBytes(body);
      ctx.status(status);
      ctx.result(bytes);
      // Set last: Javalin's result helpers would otherwise choose their own type.
      ctx.res().setContentType(TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a TAXII answer could not be written", e);
    }
  }

  /** A TAXII error message (section 3.6.1) with its HTTP status. */
  static void error(Context ctx, int status, String description) {
    ObjectNode body = JSON.createObjectNode();
    body.put("title", title(status));
    body.put("description", description);
    body.put("http_status", Integer.toString(status));
    send(ctx, status, body);
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Not authenticated";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 413 -> "Request too large";
      case 415 -> "Unsupported media type";
      case 422 -> "Unprocessable entity";
      case 429 -> "Too many requests";
      case 503 -> "Unavailable";
      default -> status >= 500 ? "Internal error" : "Refused";
    };
  }

  /**
   * Refuses (406) a request whose Accept admits no TAXII 2.1 answer: when sent, it must name {@code
   * application/taxii+json} with version 2.1 or no version, {@code application/*} or {@code
   * *}{@code /*}.
   */
  static void checkAccept(Context ctx) {
    Optional<String> header = Optional.ofNullable(ctx.header("Accept")).filter(a -> !a.isBlank());
    if (header.isEmpty()) {
      return; // no Accept at all: any media type will do (RFC 9110, 12.5.1)
    }
    for (String range : header.get().split(",")) {
      String[] parts = range.replace(" ", "").toLowerCase(Locale.ROOT).split(";");
      String type = parts[0];
      if (type.equals("*/*") || type.equals("application/*")) {
        return;
      }
      if (type.equals("application/taxii+json")) {
        boolean versionOk = true;
        for (int i = 1; i < parts.length; i++) {
          if (parts[i].startsWith("version=") && !parts[i].equals("version=2.1")) {
            versionOk = false;
          }
        }
        if (versionOk) {
          return;
        }
      }
    }
    throw new ApiException(
        406, "not_acceptable", "send Accept: " + TYPE + " (this server speaks TAXII 2.1 only)");
  }

  /** Refuses (415) a body that is not TAXII 2.1 JSON. */
  static void checkContentType(Context ctx) {
    String type = Optional.ofNullable(ctx.header("Content-Type")).orElse("");
    String[] parts = type.replace(" ", "").toLowerCase(Locale.ROOT).split(";");
    boolean ok = parts[0].equals("application/taxii+json");
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].startsWith("version=") && !parts[i].equals("version=2.1")) {
        ok = false;
      }
    }
    if (!ok) {
      throw new ApiException(
          415, "unsupported_media_type", "send the envelope as Content-Type: " + TYPE);
    }
  }
}
