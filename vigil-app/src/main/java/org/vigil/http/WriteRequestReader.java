/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.access.Viewer;
import org.vigil.model.Credibility;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.StatementBatch;
import org.vigil.model.Tlp;
import org.vigil.store.AccountRepository;

/**
 * Reads the body of {@code POST /statements} into a source and its statements. Every problem is
 * collected, each named by its place in the body ({@code statements[3].property}), so the client
 * can fix all of them at once; if there is any, nothing is written.
 */
final class WriteRequestReader {
  /** A bound on statements per request, so one request cannot hold a transaction for minutes. */
  static final int MAX_STATEMENTS = 10_000;

  private static final int MAX_PROBLEMS_SHOWN = 20;

  /** What the body describes, ready to write. */
  record WriteRequest(Source source, List<Statement> statements) {}

  /** The address schemes a source may name: a link of another scheme could run in a browser. */
  private static final Set<String> URI_SCHEMES = Set.of("http", "https", "file", "urn");

  private static final Pattern URI_SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*):.*");

  private final AccountRepository accounts;
  private final Viewer writer;
  private final UnaryOperator<String> sourceIds;
  private final Instant now;
  private final List<String> malformed = new ArrayList<>();
  private final List<String> invalid = new ArrayList<>();

  /**
   * @param sourceIds maps the source id a body names to the id it is stored under in the writer's
   *     organisation's id space (see {@link SourceIds})
   */
  WriteRequestReader(
      AccountRepository accounts, Viewer writer, UnaryOperator<String> sourceIds, Instant now) {
    this.accounts = requireNonNull(accounts, "accounts");
    this.writer = requireNonNull(writer, "writer");
    this.sourceIds = requireNonNull(sourceIds, "sourceIds");
    this.now = requireNonNull(now, "now");
  }

  /**
   * @throws ApiException 400 {@code bad_request} when the body's shape is wrong, 400 {@code
   *     invalid_value} when its values break the model, 403 when a marking claims another
   *     organisation
   */
  WriteRequest read(JsonNode body) {
    JsonNode sourceNode = body.get("source");
    JsonNode statementsNode = body.get("statements");
    if (sourceNode == null || !sourceNode.isObject()) {
      throw ApiException.badRequest("source is missing or not an object");
    }
    if (statementsNode == null || !statementsNode.isArray()) {
      throw ApiException.badRequest("statements is missing or not an array");
    }
    if (statementsNode.isEmpty()) {
      throw ApiException.badRequest("statements is empty; send at least one");
    }
    if (statementsNode.size() > MAX_STATEMENTS) {
      throw new ApiException(
          413,
          "too_large",
          "the request holds "
              + statementsNode.size()
              + " statements; the limit is "
              + MAX_STATEMENTS
              + " per request");
    }
    Optional<Source> source = source(sourceNode);
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < statementsNode.size(); i++) {
      JsonNode node = statementsNode.get(i);
      String path = "statements[" + i + "].";
      if (!node.isObject()) {
        malformed.add("statements[" + i + "] is not an object");
        continue;
      }
      if (source.isPresent()) {
        statement(node, path, source.get()).ifPresent(statements::add);
      }
    }
    if (malformed.isEmpty() && invalid.isEmpty()) {
      invalid.addAll(StatementBatch.problems(statements));
    }
    if (!malformed.isEmpty()) {
      throw ApiException.badRequest(summary(malformed));
    }
    if (!invalid.isEmpty()) {
      throw ApiException.invalidValue(summary(invalid));
    }
    return new WriteRequest(source.orElseThrow(), statements);
  }

  /** The problems, the first few in full: a message of ten thousand lines helps nobody. */
  private static String summary(List<String> problems) {
    int shown = Math.min(problems.size(), MAX_PROBLEMS_SHOWN);
    String text = String.join("; ", problems.subList(0, shown));
    return shown == problems.size()
        ? text
        : text + "; and " + (problems.size() - shown) + " more problems";
  }

  private Optional<Source> source(JsonNode node) {
    String path = "source.";
    Optional<String> id = text(node, "id", path, true);
    Optional<String> kindText = text(node, "kind", path, true);
    Optional<String> title = text(node, "title", path, true);
    Optional<String> reliabilityText = text(node, "reliability", path, true);
    Optional<String> uri = text(node, "uri", path, false);
    uri.ifPresent(this::checkUri);
    Optional<Marking> marking = marking(node.get("marking"), path + "marking", true);
    if (id.isEmpty()
        || kindText.isEmpty()
        || title.isEmpty()
        || reliabilityText.isEmpty()
        || marking.isEmpty()) {
      return Optional.empty();
    }
    Optional<SourceKind> kind = sourceKind(kindText.get());
    Optional<Reliability> reliability =
        attempt(path + "reliability", () -> Reliability.parse(reliabilityText.get()));
    if (kind.isEmpty() || reliability.isEmpty()) {
      return Optional.empty();
    }
    return attempt(
        "source",
        () ->
            new Source(
                sourceIds.apply(id.get()),
                kind.get(),
                title.get(),
                reliability.get(),
                marking.get(),
                uri,
                Optional.empty(),
                now));
  }

  private void checkUri(String uri) {
    Matcher scheme = URI_SCHEME.matcher(uri);
    if (!scheme.matches()
        || !URI_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))
        || uri.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      invalid.add(
          "source.uri: give an absolute http:, https:, file: or urn: address without spaces;"
              + " other schemes (javascript:, data: ...) are refused");
    }
  }

  private Optional<Statement> statement(JsonNode node, String path, Source source) {
    Optional<String> entityId = text(node, "entityId", path, true);
    Optional<String> schemaName = text(node, "schema", path, true);
    Optional<String> property = text(node, "property", path, true);
    Optional<String> value = value(node, path);
    Optional<String> extractor = text(node, "extractor", path, false);
    JsonNode markingNode = node.get("marking");
    Optional<Marking> marking =
        markingNode == null || markingNode.isNull()
            ? Optional.of(source.marking())
            : marking(markingNode, path + "marking", true);
    if (entityId.isEmpty() || schemaName.isEmpty() || property.isEmpty() || value.isEmpty()) {
      return Optional.empty();
    }
    Optional<Schema> schema = schema(path, schemaName.get(), property.get());
    if (schema.isEmpty()) {
      return Optional.empty();
    }
    Statement.Builder builder =
        Statement.about(entityId.get(), schema.get()).set(property.get(), value.get());
    marking.ifPresent(builder::marking);
    builder.from(source);
    if (!span(node.get("span"), path, builder)) {
      return Optional.empty();
    }
    Optional<Double> confidence = number(node, "confidence", path);
    if (extractor.isPresent() || confidence.isPresent()) {
      builder.extractor(extractor.orElse("analyst"), confidence.orElse(1.0));
    }
    JsonNode credibility = node.get("credibility");
    if (credibility != null && !credibility.isNull()) {
      if (!credibility.isInt()) {
        malformed.add(path + "credibility must be a whole number from 1 to 6");
        return Optional.empty();
      }
      Optional<Credibility> grade =
          attempt(path + "credibility", () -> Credibility.ofGrade(credibility.asInt()));
      if (grade.isEmpty()) {
        return Optional.empty();
      }
      builder.credibility(grade.get());
    }
    if (marking.isEmpty()) {
      return Optional.empty();
    }
    return attempt(path.substring(0, path.length() - 1), () -> builder.seen(now).build());
  }

  /** The schema named, if it is known and has the property; else the problem is recorded. */
  private Optional<Schema> schema(String path, String schemaName, String property) {
    Optional<Schema> schema = Schema.find(schemaName);
    if (schema.isEmpty()) {
      invalid.add(
          path
              + "schema: unknown schema '"
              + schemaName
              + "'; known: "
              + String.join(", ", Schema.names()));
      return Optional.empty();
    }
    if (schema.get().property(property).isEmpty()) {
      invalid.add(
          path
              + "property: schema "
              + schema.get().ftmName()
              + " has no property '"
              + property
              + "'");
      return Optional.empty();
    }
    return schema;
  }

  private Optional<Marking> marking(JsonNode node, String path, boolean required) {
    if (node == null || node.isNull()) {
      if (required) {
        malformed.add(path + " is missing");
      }
      return Optional.empty();
    }
    if (!node.isObject()) {
      malformed.add(path + " must be an object");
      return Optional.empty();
    }
    String prefix = path + ".";
    Optional<String> tlpText = text(node, "tlp", prefix, true);
    Optional<String> owner = text(node, "owner", prefix, false);
    Optional<List<String>> namedUsers = textList(node, "namedUsers", prefix);
    Optional<List<String>> restrictedTo = textList(node, "restrictedTo", prefix);
    if (tlpText.isEmpty() || namedUsers.isEmpty() || restrictedTo.isEmpty()) {
      return Optional.empty();
    }
    String ownerOrg = owner.orElse(writer.orgId());
    if (!ownerOrg.equals(writer.orgId())) {
      // Checked before anything else is reported: this is not a mistake to correct, it is refused.
      throw ApiException.forbidden(
          path
              + ".owner: you write for organisation "
              + writer.orgId()
              + " and may not mark information as owned by "
              + ownerOrg);
    }
    checkKnown(prefix, namedUsers.get(), restrictedTo.get());
    Optional<Tlp> tlp = attempt(prefix + "tlp", () -> Tlp.parse(tlpText.get()));
    if (tlp.isEmpty()) {
      return Optional.empty();
    }
    TreeSet<String> named = new TreeSet<>(namedUsers.get());
    if (tlp.get() == Tlp.RED) {
      // The writer of RED information is always among those it is shared with: what they wrote
      // could otherwise be read by no one, the writer included.
      named.add(writer.userId());
    }
    return attempt(
        path, () -> new Marking(tlp.get(), ownerOrg, named, new TreeSet<>(restrictedTo.get())));
  }

  /**
   * Records a problem for each named user or organisation the writer's organisation does not know.
   */
  private void checkKnown(String prefix, List<String> namedUsers, List<String> restrictedTo) {
    // Only users and organisations the writer's own organisation knows may be named: its own and
    // its partners'. Any other id, existing or not, gets the same answer, so that no one can learn
    // from an error which organisations and users exist.
    Set<String> knownOrgs = new TreeSet<>(writer.partnerOrgs());
    knownOrgs.add(writer.orgId());
    for (String userId : namedUsers) {
      if (accounts.userById(userId).filter(u -> knownOrgs.contains(u.orgId())).isEmpty()) {
        invalid.add(
            prefix
                + "namedUsers: '"
                + userId
                + "' is not the id of a user of your organisation or of its partners");
      }
    }
    for (String orgId : restrictedTo) {
      if (!knownOrgs.contains(orgId)) {
        invalid.add(
            prefix
                + "restrictedTo: '"
                + orgId
                + "' is not your organisation or one of its partners");
      }
    }
  }

  private boolean span(JsonNode node, String path, Statement.Builder builder) {
    if (node == null || node.isNull()) {
      return true;
    }
    JsonNode start = node.get("start");
    JsonNode end = node.get("end");
    if (!node.isObject() || start == null || end == null || !start.isInt() || !end.isInt()) {
      malformed.add(path + "span must be an object {start, end} of whole numbers");
      return false;
    }
    return attempt(path + "span", () -> builder.span(start.asInt(), end.asInt())).isPresent();
  }

  private Optional<String> value(JsonNode node, String path) {
    JsonNode value = node.get("value");
    if (value == null || value.isNull()) {
      malformed.add(path + "value is missing");
      return Optional.empty();
    }
    // Numbers are accepted for numeric properties; the property's type validates the text.
    if (value.isTextual() || value.isNumber()) {
      return Optional.of(value.asText());
    }
    malformed.add(path + "value must be a string");
    return Optional.empty();
  }

  private Optional<Double> number(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      malformed.add(path + field + " must be a number");
      return Optional.empty();
    }
    return Optional.of(value.asDouble());
  }

  private Optional<String> text(JsonNode node, String field, String path, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        malformed.add(path + field + " is missing");
      }
      return Optional.empty();
    }
    if (!value.isTextual()) {
      malformed.add(path + field + " must be a string");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  /** An optional list of strings; empty Optional only when it is malformed. */
  private Optional<List<String>> textList(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.of(List.of());
    }
    if (!value.isArray()) {
      malformed.add(path + field + " must be an array of strings");
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        malformed.add(path + field + " must be an array of strings");
        return Optional.empty();
      }
      out.add(item.asText());
    }
    return Optional.of(out);
  }

  private Optional<SourceKind> sourceKind(String text) {
    String code = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (SourceKind kind : SourceKind.values()) {
      if (kind.name().equals(code)) {
        return Optional.of(kind);
      }
    }
    invalid.add(
        "source.kind: unknown kind '"
            + text
            + "'; use document, list_release, tip, stix_bundle or analyst");
    return Optional.empty();
  }

  /** Runs a model constructor, recording its message under {@code path} if it refuses. */
  private <T> Optional<T> attempt(String path, Supplier<T> make) {
    try {
      return Optional.of(make.get());
    } catch (InvalidValueException e) {
      invalid.add(path + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
