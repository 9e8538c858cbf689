/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.vigil.model.InvalidValueException;

/**
 * Reads a STIX bundle from a stream one object at a time, so that a bundle of any size is never
 * held in memory whole: the bundle's own properties are read as they come, and each element of its
 * {@code objects} array is handed to the caller as soon as it is read. A document that is one STIX
 * object on its own (as some published examples are) is handed over as a bundle of one.
 */
public final class StixBundleStream {
  /**
   * The deepest nesting a bundle may have to be read at all; objects nested deeper than {@link
   * StixBundleReader#MAX_OBJECT_DEPTH} are then refused one by one, the others read.
   */
  public static final int MAX_DOCUMENT_DEPTH = 10_000;

  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // the caller reads on to the end
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxNestingDepth(MAX_DOCUMENT_DEPTH).build())
              .build());

  private StixBundleStream() {}

  /** Receives each element of the bundle's {@code objects} array, with its position there. */
  @FunctionalInterface
  public interface ObjectSink {
    void accept(JsonNode object, int position);
  }

  /**
   * Reads the bundle in {@code in} (named {@code name} in errors), handing {@code sink} each
   * object. A malformed document fails only when the reader comes to the fault, so a caller that
   * must not act on part of a bad document reads it once to the end before acting.
   *
   * @return how many objects were handed over
   * @throws InvalidValueException when the document is not JSON, nests deeper than {@link
   *     #MAX_DOCUMENT_DEPTH}, or is neither a bundle with an {@code objects} array nor one STIX
   *     object
   */
  public static int read(InputStream in, String name, ObjectSink sink) {
    try (JsonParser p = JSON.getFactory().createParser(in)) {
      JsonToken start = p.nextToken();
      if (start != JsonToken.START_OBJECT) {
        if (start != null) {
          p.skipChildren(); // malformed JSON and too deep nesting are said first
        }
        throw neither();
      }
      ObjectNode top = JSON.createObjectNode();
      boolean streamed = false;
      int count = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        boolean bundleSoFar = !top.has("type") || "bundle".equals(top.path("type").asText());
        if (field.equals("objects") && value == JsonToken.START_ARRAY && bundleSoFar) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode o = JSON.readTree(p);
            sink.accept(o, count++);
          }
          streamed = true;
        } else {
          top.set(field, JSON.readTree(p));
        }
      }
      boolean bundle = "bundle".equals(top.path("type").asText());
      if (bundle && !streamed) {
        throw new InvalidValueException("the bundle has no 'objects' array");
      }
      if (!bundle) {
        if (streamed || !StixIds.isValid(top.path("id").asText())) {
          throw neither();
        }
        sink.accept(top, count++);
      }
      return count;
    } catch (StreamConstraintsException e) {
      throw new InvalidValueException(
          name + " nests deeper than " + MAX_DOCUMENT_DEPTH + " levels; nothing was imported");
    } catch (JsonProcessingException e) {
      throw new InvalidValueException(
          name + " is not JSON (line " + e.getLocation().getLineNr() + ")");
    } catch (IOException e) {
      throw new InvalidValueException(name + " could not be read");
    }
  }

  private static InvalidValueException neither() {
    return new InvalidValueException(
        "the document is neither a STIX bundle nor a STIX object (its type is not 'bundle')");
  }
}
