/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.PropertyType;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;

/**
 * A partner's TAXII 2.1 collection that Vigil pulls: where it is, which organisation receives it,
 * where the token is, how often, and how the partner's markings become this store's.
 *
 * @param name the partner's name, unique in the configuration (the pull's key and its source)
 * @param apiRoot the partner's API root URL, ending in {@code /}
 * @param collection the collection's id
 * @param receivingOrg the organisation here that receives the objects
 * @param tokenFile a file whose first line is the token the partner issued
 * @param tokenEnv an environment variable that holds that token (read when no file is given)
 * @param every how often the server pulls it
 * @param pageSize the {@code limit} asked for each page
 * @param reliability the partner's Admiralty reliability, the grade of its source here
 * @param unmarked the level of objects the partner marks with no TLP level
 * @param redReaders usernames of the receiving organisation's users who may read what the partner
 *     marks TLP:RED; when empty, RED objects are refused
 */
public record TaxiiPartner(
    String name,
    URI apiRoot,
    String collection,
    String receivingOrg,
    Optional<Path> tokenFile,
    Optional<String> tokenEnv,
    Duration every,
    int pageSize,
    Reliability reliability,
    Tlp unmarked,
    Set<String> redReaders) {
  public TaxiiPartner {
    if (name == null || !PropertyType.isEntityId(name) || name.length() > 100) {
      throw new InvalidValueException("a partner needs a name of letters, digits, '-' or '_'");
    }
    requireNonNull(apiRoot, "apiRoot");
    if (!"https".equals(apiRoot.getScheme()) && !"http".equals(apiRoot.getScheme())) {
      throw new InvalidValueException("partner " + name + ": api_root must be an http(s) URL");
    }
    if (!apiRoot.getPath().endsWith("/")) {
      throw new InvalidValueException("partner " + name + ": api_root must end with '/'");
    }
    if (collection == null || !collection.matches("[A-Za-z0-9-]{1,64}")) {
      throw new InvalidValueException("partner " + name + ": collection must be its id");
    }
    requireNonNull(receivingOrg, "receivingOrg");
    requireNonNull(tokenFile, "tokenFile");
    requireNonNull(tokenEnv, "tokenEnv");
    if (tokenFile.isEmpty() && tokenEnv.isEmpty()) {
      throw new InvalidValueException("partner " + name + ": give token_file or token_env");
    }
    if (every.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new InvalidValueException("partner " + name + ": every_minutes must be at least 1");
    }
    if (pageSize < 1 || pageSize > 10_000) {
      throw new InvalidValueException("partner " + name + ": page_size must be 1 to 10000");
    }
    requireNonNull(reliability, "reliability");
    requireNonNull(unmarked, "unmarked");
    redReaders = Set.copyOf(new TreeSet<>(redReaders));
  }

  /** The URL of the collection's objects. */
  public URI objectsUrl() {
    return apiRoot.resolve("collections/" + collection + "/objects/");
  }

  /**
   * The token the partner issued, from the file or else the environment.
   *
   * @throws InvalidValueException when neither holds one
   */
  public String token(Function<String, Optional<String>> env) {
    if (tokenFile.isPresent()) {
      try {
        String first = Files.readAllLines(tokenFile.get(), StandardCharsets.UTF_8).get(0).strip();
        if (!first.isEmpty()) {
          return first;
        }
      } catch (IOException | IndexOutOfBoundsException e) {
        throw new InvalidValueException(
            "partner " + name + ": cannot read a token from " + tokenFile.get());
      }
    }
    return tokenEnv
        .flatMap(env)
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .orElseThrow(
            () ->
                new InvalidValueException(
                    "partner "
                        + name
                        + ": no token in "
                        + tokenFile.map(Path::toString).orElse("")
                        + tokenEnv.map(v -> " $" + v).orElse("")));
  }

  /**
   * The marking a level the partner gave becomes here. CLEAR, GREEN and AMBER+STRICT stay what they
   * are, owned by the receiving organisation; AMBER is further restricted to it (TLP:AMBER lets the
   * recipient share inside its own organisation, not with its partners); RED is read by the named
   * readers only and never leaves the organisation, or refused when none are named.
   */
  public Optional<Marking> markingOf(Tlp level, Set<String> redReaderIds) {
    return switch (level) {
      case CLEAR, GREEN, AMBER_STRICT -> Optional.of(Marking.of(level, receivingOrg));
      case AMBER -> Optional.of(Marking.of(level, receivingOrg).restrictedTo(Set.of(receivingOrg)));
      case RED ->
          redReaderIds.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  Marking.red(receivingOrg, redReaderIds).restrictedTo(Set.of(receivingOrg)));
    };
  }

  /**
   * Reads the partners of a configuration file: {@code {"partners": [{"name": ..., "api_root": ...,
   * "collection": ..., "org": ..., "token_file" or "token_env": ..., "every_minutes": 60,
   * "page_size": 1000, "reliability": "B", "unmarked": "AMBER", "red_readers": [...]}]}}.
   *
   * @throws InvalidValueException naming the partner and the field that is wrong
   */
  public static Map<String, TaxiiPartner> read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidValueException("cannot read partners from " + file + ": " + e.getMessage());
    }
    if (root == null || !root.path("partners").isArray()) {
      throw new InvalidValueException(file + " has no 'partners' array");
    }
    Map<String, TaxiiPartner> out = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode p : root.path("partners")) {
      TaxiiPartner partner = of(p, "partners[" + index++ + "]");
      if (out.put(partner.name(), partner) != null) {
        throw new InvalidValueException(file + " names partner " + partner.name() + " twice");
      }
    }
    return out;
  }

  private static TaxiiPartner of(JsonNode p, String where) {
    String name = p.path("name").asText(where);
    try {
      List<String> readers = new ArrayList<>();
      p.path("red_readers").forEach(r -> readers.add(r.asText()));
      return new TaxiiPartner(
          name,
          new URI(required(p, "api_root", name)),
          required(p, "collection", name),
          required(p, "org", name),
          text(p, "token_file").map(Path::of),
          text(p, "token_env"),
          Duration.ofMinutes(p.path("every_minutes").asLong(60)),
          p.path("page_size").asInt(1_000),
          Reliability.parse(p.path("reliability").asText("F")),
          Tlp.parse(p.path("unmarked").asText("AMBER")),
          new TreeSet<>(readers));
    } catch (URISyntaxException e) {
      throw new InvalidValueException("partner " + name + ": api_root is not a URL");
    }
  }

  private static String required(JsonNode p, String field, String name) {
    return text(p, field)
        .orElseThrow(
            () -> new InvalidValueException("partner " + name + " has no '" + field + "'"));
  }

  private static Optional<String> text(JsonNode p, String field) {
    return p.path(field).isTextual() && !p.path(field).asText().isBlank()
        ? Optional.of(p.path(field).asText().strip())
        : Optional.empty();
  }
}
