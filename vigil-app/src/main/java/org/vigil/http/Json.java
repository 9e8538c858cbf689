/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * JSON at the edge: the one mapper the API uses, and reading of request bodies that refuses to
 * buffer more than the configured limit, however the client frames the body.
 */
final class Json {
  /** Deeper nesting than any Vigil request needs; bounds the parser's stack. */
  private static final int MAX_DEPTH = 32;

  private Json() {}

  static ObjectMapper mapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    return new ObjectMapper(factory)
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  /**
   * Reads the request body as a JSON object.
   *
   * @throws ApiException 413 when the body is over {@code maxBytes}, 400 when it is not a JSON
   *     object
   */
  static JsonNode readObject(Context ctx, ObjectMapper mapper, long maxBytes) {
    byte[] body = readBounded(ctx, maxBytes);
    if (body.length == 0) {
      throw ApiException.badRequest("the request has no body; send a JSON object");
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("malformed JSON" + where(e.getLocation()) + ": " + reason(e));
    } catch (IOException e) {
      throw ApiException.badRequest("the request body could not be read");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("the request body must be a JSON object");
    }
    return node;
  }

  static byte[] readBounded(Context ctx, long maxBytes) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw ApiException.tooLarge(maxBytes);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    try (InputStream in = ctx.req().getInputStream()) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > maxBytes) {
          throw ApiException.tooLarge(maxBytes);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw ApiException.badRequest("the request body could not be read");
    }
    return out.toByteArray();
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String reason(JsonProcessingException e) {
    // Jackson's original message is about the syntax; it carries no server detail.
    String message = Optional.ofNullable(e.getOriginalMessage()).orElse("syntax error");
    int cut = message.indexOf('\n');
    return cut >= 0 ? message.substring(0, cut) : message;
  }

  static Optional<String> optionalText(JsonNode object, String field, String path) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest(path + field + " must be a string");
    }
    return Optional.of(value.asText());
  }

  static String text(JsonNode object, String field, String path) {
    return optionalText(object, field, path)
        .orElseThrow(() -> ApiException.badRequest(path + field + " is missing"));
  }
}
