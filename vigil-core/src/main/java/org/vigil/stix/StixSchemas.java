/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.regex.RegularExpression;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks one STIX 2.1 object against the official OASIS JSON schema of its type (draft 2020-12,
 * cti-stix2-json-schemas, bundled under {@code org/vigil/stix/oasis-schemas} with their
 * BSD-3-Clause licence), with the networknt validator. An object of a type the schemas do not
 * define (a custom object such as ATT&CK's {@code x-mitre-tactic}) is checked against the common
 * properties only: {@code core.json} when it has {@code created} (a domain object), {@code
 * cyber-observable-core.json} otherwise. Properties the schemas do not name are allowed, as the
 * schemas themselves allow them, so custom properties are kept. Thread-safe.
 */
public final class StixSchemas {
  private static final String BASE =
      "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
  private static final String BUNDLED = "classpath:org/vigil/stix/oasis-schemas/";

  /** Errors named per object at most; the rest are counted. */
  private static final int MAX_REASONS = 3;

  /** The STIX 2.1 cyber-observable types, those of the schemas' {@code observables} folder. */
  static final List<String> OBSERVABLES =
      List.of(
          "artifact",
          "autonomous-system",
          "directory",
          "domain-name",
          "email-addr",
          "email-message",
          "file",
          "ipv4-addr",
          "ipv6-addr",
          "mac-addr",
          "mutex",
          "network-traffic",
          "process",
          "software",
          "url",
          "user-account",
          "windows-registry-key",
          "x509-certificate");

  private static final Map<String, String> FILES = files();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b ->
              b.schemaIdResolvers(r -> r.mapPrefix(BASE, BUNDLED))
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .pathType(PathType.JSON_POINTER)
                          .locale(Locale.ENGLISH) // the same words on every machine
                          .regularExpressionFactory(StixSchemas::regex)
                          .build()));

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private StixSchemas() {}

  /** Whether the OASIS schemas define {@code type} (else it is a custom type). */
  public static boolean defines(String type) {
    return FILES.containsKey(type);
  }

  /**
   * Why {@code o} fails the schema of its type, naming each failing property (as a JSON pointer
   * into the object) and the reason; empty when it passes.
   */
  public static Optional<String> problem(JsonNode o) {
    String file = fileOf(o);
    // Most objects pass: the quick reading proves that without the validator's bookkeeping.
    // Whatever it cannot prove valid, networknt decides, and names the reasons.
    if (Quick.VERDICTS.verdict(file, o) == StixSchemaVerdicts.Verdict.PASS) {
      return Optional.empty();
    }
    return validatorProblem(file, o);
  }

  /** The schema file {@code o} is checked against. */
  static String fileOf(JsonNode o) {
    String file = FILES.get(o.path("type").asText(""));
    if (file == null) {
      file = o.has("created") ? "common/core.json" : "common/cyber-observable-core.json";
    }
    return file;
  }

  /** What the quick reading says of {@code o} (for the tests that compare it with networknt). */
  static StixSchemaVerdicts.Verdict quickVerdict(JsonNode o) {
    return Quick.VERDICTS.verdict(fileOf(o), o);
  }

  /** The validator's answer for {@code o} in {@code file}, whatever the quick reading says. */
  static Optional<String> validatorProblem(String file, JsonNode o) {
    Schema schema = SCHEMAS.computeIfAbsent(file, StixSchemas::load);
    List<Error> errors = schema.validate(o);
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    Set<String> reasons = new LinkedHashSet<>();
    for (Error e : errors) {
      reasons.add(reason(e));
    }
    List<String> named = new ArrayList<>(reasons).subList(0, Math.min(MAX_REASONS, reasons.size()));
    String more = reasons.size() > named.size() ? "; and " + (reasons.size() - named.size()) : "";
    return Optional.of(
        "fails the OASIS STIX 2.1 schema "
            + file.substring(file.indexOf('/') + 1)
            + ": "
            + String.join("; ", named)
            + (more.isEmpty() ? "" : more + " more"));
  }

  /** The quick reading of every schema file, compiled at its first use. */
  private static final class Quick {
    static final StixSchemaVerdicts VERDICTS = compile();

    private static StixSchemaVerdicts compile() {
      Set<String> files = new LinkedHashSet<>(FILES.values());
      files.add("common/core.json");
      files.add("common/cyber-observable-core.json");
      return new StixSchemaVerdicts(files, StixSchemas::regex);
    }
  }

  private static String reason(Error e) {
    String where = e.getInstanceLocation().toString();
    String message = e.getMessage();
    // The validator's message starts with the location; say it once, as a property name.
    if (message.startsWith(where + ": ")) {
      message = message.substring(where.length() + 2);
    }
    String property = where.isEmpty() || where.equals("/") ? "" : where.substring(1);
    if (e.getProperty() != null && "required".equals(e.getKeyword())) {
      property = property.isEmpty() ? e.getProperty() : property + "/" + e.getProperty();
    }
    return (property.isEmpty() ? "the object" : "'" + property + "'") + ": " + message;
  }

  private static Schema load(String file) {
    Schema s = REGISTRY.getSchema(SchemaLocation.of(BASE + file));
    s.initializeValidators();
    return s;
  }

  /** How the check compiles the schemas' patterns: {@link #rewritten} of each. */
  static RegularExpression regex(String pattern) {
    Pattern p = Pattern.compile(rewritten(pattern));
    // Most matching is of property names against patternProperties, the same few dozen names
    // again and again: remember the answer for short strings, up to a bound.
    Map<String, Boolean> seen = new ConcurrentHashMap<>();
    return s -> {
      if (s.length() > REMEMBERED_LENGTH) {
        return findInLong(p, s);
      }
      Boolean known = seen.get(s);
      if (known == null) {
        known = p.matcher(s).find();
        if (seen.size() < REMEMBERED_STRINGS) {
          seen.put(s, known);
        }
      }
      return known;
    };
  }

  /**
   * {@code pattern} as the check compiles it. The schemas' type and extension-name patterns start
   * with {@code ([a-z][a-z0-9]*)+}, which splits a run of letters in many ways and makes the
   * matcher try them on a long name that fails; it is rewritten to {@code [a-z][a-z0-9]*}, the same
   * language. StixSchemaPatternsTest feeds every pattern long near misses and counts the matcher's
   * steps: no other pattern needs rewriting.
   */
  static String rewritten(String pattern) {
    return pattern.replace("([a-z][a-z0-9]*)+", "[a-z][a-z0-9]*");
  }

  /**
   * Java's matcher recurses on some repeated groups and can run out of stack on a value of hundreds
   * of thousands of characters; such a value then does not match (and the object is refused) rather
   * than ending the import.
   */
  private static boolean findInLong(Pattern p, String s) {
    try {
      return p.matcher(s).find();
    } catch (StackOverflowError e) {
      return false;
    }
  }

  private static final int REMEMBERED_LENGTH = 64;
  private static final int REMEMBERED_STRINGS = 4_096;

  private static Map<String, String> files() {
    Map<String, String> m = new ConcurrentHashMap<>();
    for (String t :
        List.of(
            "attack-pattern",
            "campaign",
            "course-of-action",
            "grouping",
            "identity",
            "incident",
            "indicator",
            "infrastructure",
            "intrusion-set",
            "location",
            "malware-analysis",
            "malware",
            "note",
            "observed-data",
            "opinion",
            "report",
            "threat-actor",
            "tool",
            "vulnerability")) {
      m.put(t, "sdos/" + t + ".json");
    }
    m.put("relationship", "sros/relationship.json");
    m.put("sighting", "sros/sighting.json");
    for (String t : OBSERVABLES) {
      m.put(t, "observables/" + t + ".json");
    }
    m.put("marking-definition", "common/marking-definition.json");
    m.put("language-content", "common/language-content.json");
    m.put("extension-definition", "common/extension-definition.json");
    return Map.copyOf(m);
  }
}
