/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.regex.RegularExpression;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A second, quick reading of the same OASIS STIX 2.1 schema files {@link StixSchemas} gives the
 * networknt validator: each schema compiled once into a tree of small checks that answer only
 * {@link Verdict#PASS}, {@link Verdict#FAIL} or {@link Verdict#UNSURE}, with no error reports, no
 * paths and no allocation on the way. {@link StixSchemas} trusts a {@code PASS} and asks networknt
 * about everything else, so a refused object is refused by networknt with networknt's words, and
 * this reading must never say {@code PASS} where networknt would refuse (a test compares the two on
 * the ATT&CK and OASIS bundles and on thousands of damaged copies of their objects).
 *
 * <p>It reads the keywords the OASIS files use, with networknt's meaning of each under the registry
 * {@link StixSchemas} builds (draft 2020-12, {@code format} an annotation, not loose types): {@code
 * $ref} (to another file or a {@code #/definitions/} entry), {@code type}, {@code enum}, {@code
 * const}, {@code pattern} (through the same regular expressions as the validator), {@code
 * minLength}, {@code maxLength}, {@code minimum}, {@code maximum}, {@code minItems}, {@code
 * minProperties}, {@code required}, {@code properties}, {@code patternProperties}, {@code
 * additionalProperties}, {@code propertyNames}, {@code items}, {@code contains}, {@code allOf},
 * {@code anyOf}, {@code oneOf}, {@code not} and {@code if}/{@code then}/{@code else}. A keyword it
 * does not know, and each case where networknt's answer is not plain (a number with a fraction
 * against a bound or an integer type, a number or container against {@code enum}), is {@code
 * UNSURE}. Thread-safe.
 */
final class StixSchemaVerdicts {
  /** What one check says of one value. */
  enum Verdict {
    PASS,
    FAIL,
    UNSURE
  }

  private static final String ROOT = "/org/vigil/stix/oasis-schemas/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keywords that say nothing of validity (with the registry's settings: format included). */
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "$id",
          "$schema",
          "$comment",
          "title",
          "description",
          "format",
          "examples",
          "default",
          "definitions",
          "$defs",
          "then", // read with "if"
          "else");

  private final Function<String, RegularExpression> regex;
  private final Map<String, JsonNode> documents = new HashMap<>();
  private final Map<JsonNode, Check> compiled = new IdentityHashMap<>();
  private final Deque<Ref> unresolved = new ArrayDeque<>();
  private final Map<String, Check> roots = new HashMap<>();

  /**
   * Compiles the schema files {@code files} (paths under the bundled folder, e.g. {@code
   * sdos/identity.json}) and every file they refer to, with {@code regex} making the regular
   * expressions (the validator's own factory, so that both read each pattern alike).
   */
  StixSchemaVerdicts(Iterable<String> files, Function<String, RegularExpression> regex) {
    this.regex = regex;
    for (String file : files) {
      roots.put(file, compile(document(file), file));
    }
    while (!unresolved.isEmpty()) {
      Ref r = unresolved.pop();
      String target = r.targetFile();
      r.target = compile(r.targetSchema(target), target);
    }
  }

  /** What the schema file {@code file} (one of those compiled) says of {@code value}. */
  Verdict verdict(String file, JsonNode value) {
    Check c = roots.get(file);
    return c == null ? Verdict.UNSURE : c.on(value);
  }

  private JsonNode document(String file) {
    return documents.computeIfAbsent(
        file,
        f -> {
          try (InputStream in = StixSchemaVerdicts.class.getResourceAsStream(ROOT + f)) {
            if (in == null) {
              throw new IllegalStateException("no bundled schema " + f);
            }
            return JSON.readTree(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private Check compile(JsonNode schema, String file) {
    Check known = compiled.get(schema);
    if (known != null) {
      return known;
    }
    Check c = build(schema, file);
    compiled.put(schema, c);
    return c;
  }

  private Check build(JsonNode schema, String file) {
    if (schema.isBoolean()) {
      return schema.booleanValue() ? v -> Verdict.PASS : v -> Verdict.FAIL;
    }
    if (!schema.isObject()) {
      return v -> Verdict.UNSURE;
    }
    List<Check> all = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
    boolean shapeDone = false;
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String keyword = f.getKey();
      JsonNode arg = f.getValue();
      if (ANNOTATIONS.contains(keyword)) {
        continue;
      }
      switch (keyword) {
        case "$ref" -> {
          Ref r = new Ref(arg.asText(), file);
          unresolved.push(r);
          all.add(r);
        }
        case "type" -> all.add(type(arg));
        case "enum" -> all.add(oneOfValues(arg));
        case "const" -> all.add(oneOfValues(JSON.createArrayNode().add(arg)));
        case "pattern" -> {
          RegularExpression re = regex.apply(arg.asText());
          all.add(v -> !v.isTextual() || re.matches(v.textValue()) ? Verdict.PASS : Verdict.FAIL);
        }
        case "minLength" -> {
          int n = arg.intValue();
          all.add(
              v -> !v.isTextual() || codePoints(v.textValue()) >= n ? Verdict.PASS : Verdict.FAIL);
        }
        case "maxLength" -> {
          int n = arg.intValue();
          all.add(
              v -> !v.isTextual() || codePoints(v.textValue()) <= n ? Verdict.PASS : Verdict.FAIL);
        }
        case "minimum" -> all.add(bound(arg, true));
        case "maximum" -> all.add(bound(arg, false));
        case "minItems" -> {
          int n = arg.intValue();
          all.add(v -> !v.isArray() || v.size() >= n ? Verdict.PASS : Verdict.FAIL);
        }
        case "minProperties" -> {
          int n = arg.intValue();
          all.add(v -> !v.isObject() || v.size() >= n ? Verdict.PASS : Verdict.FAIL);
        }
        case "required" -> {
          List<String> names = new ArrayList<>();
          arg.forEach(n -> names.add(n.asText()));
          all.add(
              v -> {
                if (v.isObject()) {
                  for (String n : names) {
                    if (v.get(n) == null) {
                      return Verdict.FAIL;
                    }
                  }
                }
                return Verdict.PASS;
              });
        }
        case "properties", "patternProperties", "additionalProperties" -> {
          if (!shapeDone) {
            all.add(shape(schema, file));
            shapeDone = true;
          }
        }
        case "propertyNames" -> {
          Check names = compile(arg, file);
          all.add(
              v -> {
                Verdict out = Verdict.PASS;
                for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                  out = and(out, names.on(TextNode.valueOf(it.next())));
                  if (out == Verdict.FAIL) {
                    return out;
                  }
                }
                return out;
              });
        }
        case "items" -> {
          if (!arg.isObject() && !arg.isBoolean()) {
            all.add(v -> Verdict.UNSURE);
          } else {
            Check item = compile(arg, file);
            all.add(
                v -> {
                  Verdict out = Verdict.PASS;
                  if (v.isArray()) {
                    for (JsonNode e : v) {
                      out = and(out, item.on(e));
                      if (out == Verdict.FAIL) {
                        return out;
                      }
                    }
                  }
                  return out;
                });
          }
        }
        case "contains" -> {
          Check item = compile(arg, file);
          all.add(
              v -> {
                if (!v.isArray()) {
                  return Verdict.PASS;
                }
                Verdict out = Verdict.FAIL;
                for (JsonNode e : v) {
                  out = or(out, item.on(e));
                  if (out == Verdict.PASS) {
                    return out;
                  }
                }
                return out;
              });
        }
        case "allOf" -> {
          List<Check> parts = parts(arg, file);
          all.add(
              v -> {
                Verdict out = Verdict.PASS;
                for (Check c : parts) {
                  out = and(out, c.on(v));
                  if (out == Verdict.FAIL) {
                    return out;
                  }
                }
                return out;
              });
        }
        case "anyOf" -> {
          List<Check> parts = parts(arg, file);
          all.add(
              v -> {
                Verdict out = Verdict.FAIL;
                for (Check c : parts) {
                  out = or(out, c.on(v));
                  if (out == Verdict.PASS) {
                    return out;
                  }
                }
                return out;
              });
        }
        case "oneOf" -> {
          List<Check> parts = parts(arg, file);
          all.add(
              v -> {
                int passed = 0;
                boolean unsure = false;
                for (Check c : parts) {
                  Verdict one = c.on(v);
                  if (one == Verdict.PASS) {
                    passed++;
                  } else if (one == Verdict.UNSURE) {
                    unsure = true;
                  }
                }
                if (passed > 1) {
                  return Verdict.FAIL;
                }
                if (unsure) {
                  return Verdict.UNSURE;
                }
                return passed == 1 ? Verdict.PASS : Verdict.FAIL;
              });
        }
        case "not" -> {
          Check inner = compile(arg, file);
          all.add(
              v ->
                  switch (inner.on(v)) {
                    case PASS -> Verdict.FAIL;
                    case FAIL -> Verdict.PASS;
                    case UNSURE -> Verdict.UNSURE;
                  });
        }
        case "if" -> {
          Check when = compile(arg, file);
          Check then = schema.has("then") ? compile(schema.get("then"), file) : v -> Verdict.PASS;
          Check otherwise =
              schema.has("else") ? compile(schema.get("else"), file) : v -> Verdict.PASS;
          all.add(
              v ->
                  switch (when.on(v)) {
                    case PASS -> then.on(v);
                    case FAIL -> otherwise.on(v);
                    case UNSURE -> Verdict.UNSURE;
                  });
        }
        default -> all.add(v -> Verdict.UNSURE); // a keyword not read here: networknt decides
      }
    }
    Check[] checks = all.toArray(new Check[0]);
    return v -> {
      Verdict out = Verdict.PASS;
      for (Check c : checks) {
        out = and(out, c.on(v));
        if (out == Verdict.FAIL) {
          return out;
        }
      }
      return out;
    };
  }

  private List<Check> parts(JsonNode arg, String file) {
    List<Check> out = new ArrayList<>();
    if (!arg.isArray()) {
      out.add(v -> Verdict.UNSURE);
      return out;
    }
    arg.forEach(s -> out.add(compile(s, file)));
    return out;
  }

  /** properties, patternProperties and additionalProperties of one schema, read together. */
  private Check shape(JsonNode schema, String file) {
    Map<String, Check> named = new LinkedHashMap<>();
    schema
        .path("properties")
        .fields()
        .forEachRemaining(e -> named.put(e.getKey(), compile(e.getValue(), file)));
    List<RegularExpression> patterns = new ArrayList<>();
    List<Check> patterned = new ArrayList<>();
    schema
        .path("patternProperties")
        .fields()
        .forEachRemaining(
            e -> {
              patterns.add(regex.apply(e.getKey()));
              patterned.add(compile(e.getValue(), file));
            });
    Check additional =
        schema.has("additionalProperties")
            ? compile(schema.get("additionalProperties"), file)
            : null;
    RegularExpression[] res = patterns.toArray(new RegularExpression[0]);
    Check[] checks = patterned.toArray(new Check[0]);
    return v -> {
      if (!v.isObject()) {
        return Verdict.PASS;
      }
      Verdict out = Verdict.PASS;
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        JsonNode value = field.getValue();
        Check c = named.get(name);
        boolean covered = named.containsKey(name);
        if (c != null) {
          out = and(out, c.on(value));
        }
        for (int i = 0; i < res.length && out != Verdict.FAIL; i++) {
          if (res[i].matches(name)) {
            covered = true;
            out = and(out, checks[i].on(value));
          }
        }
        if (!covered && additional != null) {
          out = and(out, additional.on(value));
        }
        if (out == Verdict.FAIL) {
          return out;
        }
      }
      return out;
    };
  }

  private static Check type(JsonNode arg) {
    Set<String> types = new HashSet<>();
    if (arg.isArray()) {
      arg.forEach(t -> types.add(t.asText()));
    } else {
      types.add(arg.asText());
    }
    return v -> {
      String kind =
          switch (v.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> v.isIntegralNumber() ? "integer" : "number";
            default -> "";
          };
      if (types.contains(kind) || (kind.equals("integer") && types.contains("number"))) {
        return Verdict.PASS;
      }
      // A number with a fraction part of zero may count as an integer: networknt decides.
      return kind.equals("number") && types.contains("integer") ? Verdict.UNSURE : Verdict.FAIL;
    };
  }

  /** enum and const: text, booleans and null compared here; numbers and containers not. */
  private static Check oneOfValues(JsonNode arg) {
    Set<JsonNode> values = new HashSet<>();
    arg.forEach(values::add);
    return v -> {
      if (v.isNumber() || v.isContainerNode()) {
        return Verdict.UNSURE;
      }
      return values.contains(v) ? Verdict.PASS : Verdict.FAIL;
    };
  }

  private static Check bound(JsonNode arg, boolean lower) {
    if (!arg.isIntegralNumber()) {
      return v -> v.isNumber() ? Verdict.UNSURE : Verdict.PASS;
    }
    BigDecimal limit = new BigDecimal(arg.bigIntegerValue());
    return v -> {
      if (!v.isNumber()) {
        return Verdict.PASS;
      }
      if (!v.isIntegralNumber()) {
        return Verdict.UNSURE; // fractions, infinities: networknt decides
      }
      int c = new BigDecimal(v.bigIntegerValue()).compareTo(limit);
      return (lower ? c >= 0 : c <= 0) ? Verdict.PASS : Verdict.FAIL;
    };
  }

  private static int codePoints(String s) {
    return s.codePointCount(0, s.length());
  }

  private static Verdict and(Verdict a, Verdict b) {
    if (a == Verdict.FAIL || b == Verdict.FAIL) {
      return Verdict.FAIL;
    }
    return a == Verdict.UNSURE || b == Verdict.UNSURE ? Verdict.UNSURE : Verdict.PASS;
  }

  private static Verdict or(Verdict a, Verdict b) {
    if (a == Verdict.PASS || b == Verdict.PASS) {
      return Verdict.PASS;
    }
    return a == Verdict.UNSURE || b == Verdict.UNSURE ? Verdict.UNSURE : Verdict.FAIL;
  }

  @FunctionalInterface
  private interface Check {
    Verdict on(JsonNode value);
  }

  /** A {@code $ref}, bound to its target once every schema is compiled. */
  private final class Ref implements Check {
    final String ref;
    final String file;
    Check target;

    Ref(String ref, String file) {
      this.ref = ref;
      this.file = file;
    }

    @Override
    public Verdict on(JsonNode value) {
      return target.on(value);
    }

    /** The file the reference names (its own when it names a part of itself). */
    String targetFile() {
      int hash = ref.indexOf('#');
      String path = hash < 0 ? ref : ref.substring(0, hash);
      return path.isEmpty() ? file : normalise(file, path);
    }

    /** The schema the reference names, in {@code target}, its file. */
    JsonNode targetSchema(String target) {
      int hash = ref.indexOf('#');
      String pointer = hash < 0 ? "" : ref.substring(hash + 1);
      JsonNode doc = document(target);
      JsonNode node = pointer.isEmpty() ? doc : doc.at(pointer);
      if (node.isMissingNode()) {
        throw new IllegalStateException("the schema " + file + " refers to nothing: " + ref);
      }
      return node;
    }
  }

  private static String normalise(String from, String relative) {
    Deque<String> parts = new ArrayDeque<>();
    String dir = from.contains("/") ? from.substring(0, from.lastIndexOf('/')) : "";
    for (String p : (dir.isEmpty() ? relative : dir + "/" + relative).split("/")) {
      if (p.equals("..")) {
        parts.pollLast();
      } else if (!p.equals(".") && !p.isEmpty()) {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }
}
