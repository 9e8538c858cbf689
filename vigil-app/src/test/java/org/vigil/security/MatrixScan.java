/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.http.Client;
import org.vigil.http.Routes;
import org.vigil.security.MatrixWorld.Target;

/**
 * Sends the attacker's requests to every route of the OpenAPI file and every page of the route
 * table, with the victim's ids and names, their never-existing phantoms, and the attacker's own
 * ids, and keeps every answer for the leak rules ({@link LeakRules}).
 *
 * <p>Reads go first, then the writes, each write route with probes of its own (see {@link
 * #writeProbes}); a write route the matrix has no probe of its own for gets a generic one, and the
 * report names it.
 */
final class MatrixScan {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{(\\w+)}|<(\\w+)>");

  /** A route as the matrix covers it: from the OpenAPI file (API) or the route table (pages). */
  record Route(
      String method, String path, List<String> queryParams, List<String> bodyFields, boolean api) {
    String key() {
      return method + " " + path;
    }

    /** The path without the API prefix, as {@link Client#get} and {@link Client#post} take it. */
    String apiPath() {
      return path.substring(Routes.PREFIX.length());
    }
  }

  /** What the attacker got back. */
  record Answer(int status, String headers, String body) {
    String all() {
      return status + "\n" + headers + "\n" + body;
    }
  }

  /**
   * One request and its answer, with the target it carried, the answer to the same request with the
   * target's phantom (when compared), and any breach of a route's own rule.
   */
  record Probe(
      Route route,
      String request,
      String requestText,
      Optional<Target> target,
      Answer answer,
      Optional<Answer> phantomAnswer,
      Optional<String> breach) {}

  private final MatrixWorld world;
  private final List<Target> targets;
  private final String own;
  private final List<Probe> probes = new ArrayList<>();
  private final List<String> genericRoutes = new ArrayList<>();
  private String ownCase;
  private long ownHypothesis = -1;
  private long ownNote = -1;

  MatrixScan(MatrixWorld world) {
    this.world = world;
    this.targets = world.targets();
    this.own = world.attackerIds().iterator().next();
  }

  /** The API routes of the OpenAPI file, in its order. */
  static List<Route> openApiRoutes() {
    try (InputStream in = Routes.class.getResourceAsStream("openapi.json")) {
      JsonNode doc = Client.JSON.readTree(in);
      List<Route> routes = new ArrayList<>();
      doc.path("paths")
          .fields()
          .forEachRemaining(
              path ->
                  path.getValue()
                      .fields()
                      .forEachRemaining(
                          op -> {
                            List<String> query = new ArrayList<>();
                            List<String> fields = bodyFields(doc, op.getValue());
                            for (JsonNode p : op.getValue().path("parameters")) {
                              if (p.path("in").asText().equals("query")) {
                                query.add(p.path("name").asText());
                              }
                            }
                            routes.add(
                                new Route(
                                    op.getKey().toUpperCase(Locale.ROOT),
                                    Routes.PREFIX + path.getKey(),
                                    List.copyOf(query),
                                    fields,
                                    true));
                          }));
      return routes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The string fields of a JSON request body, as its schema (or the one it refers to) names them.
   */
  private static List<String> bodyFields(JsonNode doc, JsonNode operation) {
    JsonNode schema =
        operation.path("requestBody").path("content").path("application/json").path("schema");
    String ref = schema.path("$ref").asText();
    if (ref.startsWith("#/")) {
      schema = doc.at(ref.substring(1));
    }
    List<String> fields = new ArrayList<>();
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            f -> {
              if (f.getValue().path("type").asText().equals("string")) {
                fields.add(f.getKey());
              }
            });
    return List.copyOf(fields);
  }

  /**
   * Every route the matrix covers: the OpenAPI file's, any API route of the running server it
   * lacks, and every page and form of the route table.
   */
  static List<Route> routes(List<Routes.Route> table) {
    Map<String, Route> out = new LinkedHashMap<>();
    for (Route r : openApiRoutes()) {
      out.put(r.key(), r);
    }
    for (Routes.Route r : table) {
      boolean api = Routes.isApi(r);
      out.putIfAbsent(
          r.method() + " " + r.path(), new Route(r.method(), r.path(), List.of(), List.of(), api));
    }
    return List.copyOf(out.values());
  }

  List<Probe> run(List<Route> routes) {
    for (Route r : routes) {
      if (tipRoute(r)) {
        tipProbes(r);
      } else if (r.method().equals("GET")) {
        read(r);
      }
    }
    List<Route> writes =
        routes.stream()
            .filter(r -> !r.method().equals("GET") && !tipRoute(r))
            .sorted(Comparator.comparingInt(MatrixScan::writeOrder))
            .toList();
    for (Route r : writes) {
      writeProbes(r);
    }
    return List.copyOf(probes);
  }

  /** The tip handlers' routes and pages, API and web: the tip line's side of the analyst server. */
  private static boolean tipRoute(Route r) {
    return r.path().equals(Routes.PREFIX + "/tips")
        || r.path().startsWith(Routes.PREFIX + "/tips/")
        || r.path().equals("/tips")
        || r.path().startsWith("/tips/");
  }

  /**
   * Every tip route refuses the attacker, an analyst (403: only the tip handler's role has the TIPS
   * permission), and a caller without credentials (404, as for a route that does not exist: a 401
   * or a sign-in redirect would tell a prober where tips are handled), whatever the tip id; an
   * answer of any other status is a breach.
   */
  private void tipProbes(Route r) {
    String url = fillPath(r.path(), "tip-0123456789abcdef01234567");
    Client x = world.attacker();
    String csrf = x.csrfToken().orElseThrow();
    for (boolean anonymous : List.of(false, true)) {
      Client c = anonymous ? world.server.client() : x;
      Client.Reply reply;
      if (r.api()) {
        String path = url.substring(Routes.PREFIX.length());
        reply = r.method().equals("GET") ? c.get(path) : c.post(path, "{\"priority\":1}");
      } else {
        reply = r.method().equals("GET") ? c.page(url) : c.form(url, Map.of("csrf", csrf));
      }
      Answer answer = answer(reply);
      boolean refused =
          anonymous ? List.of(403, 404).contains(answer.status()) : answer.status() == 403;
      Optional<String> breach =
          refused
              ? Optional.empty()
              : Optional.of(
                  (anonymous ? "a caller without credentials" : "the attacker, an analyst,")
                      + " got "
                      + answer.status()
                      + " from the tip route "
                      + r.key());
      probes.add(
          new Probe(
              r,
              r.method() + " " + url + (anonymous ? " (no credentials)" : ""),
              url.toLowerCase(Locale.ROOT),
              Optional.empty(),
              answer,
              Optional.empty(),
              breach));
    }
  }

  private void read(Route r) {
    boolean hasPathParam = PATH_PARAM.matcher(r.path()).find();
    if (hasPathParam) {
      for (Target t : ids()) {
        get(r, v -> fillPath(r.path(), v), t);
      }
    } else if (r.api() && r.queryParams().contains("entity")) {
      for (Target t : ids()) {
        get(r, v -> r.path() + "?entity=" + enc(v), t);
      }
    } else if (r.api() && r.queryParams().contains("from") && r.queryParams().contains("to")) {
      for (Target t : ids()) {
        get(r, v -> r.path() + "?from=" + enc(v) + "&to=" + enc(own), t);
        get(r, v -> r.path() + "?from=" + enc(own) + "&to=" + enc(v), t);
      }
    } else if (r.api() && r.queryParams().contains("subject")) {
      for (Target t : ids()) {
        get(r, v -> r.path() + "?subject=" + enc(v), t);
      }
    } else if (r.api() && r.queryParams().contains("q")) {
      for (Target t : targets) {
        if (t.kind() == Target.Kind.NAME || t.primary()) {
          get(r, v -> r.path() + "?q=" + enc(v), t);
        }
      }
    } else {
      send(r, r.path(), "", Optional.empty(), Optional.empty(), x -> getAnswer(r, r.path()));
      if (!r.api()) {
        // A page declares no query parameters: give it the ones pages read (q, entity).
        for (Target t : targets) {
          if (t.primary()) {
            get(r, v -> r.path() + "?q=" + enc(v) + "&entity=" + enc(v), t);
          }
        }
      }
    }
  }

  private List<Target> ids() {
    return targets.stream().filter(t -> t.kind() == Target.Kind.ID).toList();
  }

  private void get(Route r, Function<String, String> url, Target t) {
    String victimUrl = url.apply(t.value());
    Optional<Answer> phantom =
        compared(t) ? Optional.of(getAnswer(r, url.apply(t.phantom()))) : Optional.empty();
    send(r, victimUrl, "", Optional.of(t), phantom, x -> getAnswer(r, victimUrl));
  }

  private Answer getAnswer(Route r, String url) {
    Client.Reply reply =
        r.api()
            ? world.attacker().get(url.substring(Routes.PREFIX.length()))
            : world.attacker().page(url);
    return answer(reply);
  }

  private static String fillPath(String path, String value) {
    Matcher m = PATH_PARAM.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static final List<String> WRITE_ORDER =
      List.of(
          "/api/v1/screen",
          "/screening",
          "/screening/results.csv",
          "/api/v1/login",
          "/login",
          "/api/v1/judgements",
          "/api/v1/judgements/{id}/undo",
          // Before the statements probe: it writes the attacker's own statements on the victim's
          // ids, which makes those ids the attacker's to add to its case.
          "/api/v1/cases/{id}/items",
          "/api/v1/cases/{id}/neighbourhood",
          "/api/v1/cases/{id}/notes",
          "/api/v1/cases/{id}/hypotheses",
          "/api/v1/cases/{id}/hypotheses/{hypothesis}/ratings",
          "/api/v1/cases/{id}/hypotheses/{hypothesis}/delete",
          "/api/v1/cases/{id}/tasks",
          "/api/v1/cases/{id}/tasks/{task}",
          "/api/v1/cases/{id}/tasks/{task}/delete",
          "/api/v1/cases/{id}/notes/{note}",
          "/api/v1/cases/{id}/members/remove",
          "/api/v1/origin-links",
          "/api/v1/origin-links/{id}/undo",
          "/api/v1/assessments",
          "/api/v1/assessments/{id}/undo",
          "/api/v1/grades",
          "/grades",
          "/api/v1/grades/{id}/undo",
          "/grades/{id}/undo",
          "/api/v1/statements",
          "/api/v1/documents",
          "/api/v1/logout",
          "/logout");

  private static int writeOrder(Route r) {
    int at = WRITE_ORDER.indexOf(r.path());
    return at < 0 ? WRITE_ORDER.size() : at;
  }

  /**
   * The probes of one write route. Each victim item is probed only where the attacker may not see
   * it; a probe's answer is compared with its phantom's where the two must not differ.
   */
  private void writeProbes(Route r) {
    Client x = world.attacker();
    String csrf = x.csrfToken().orElseThrow();
    switch (r.method() + " " + r.path()) {
      case "POST /api/v1/screen" -> {
        for (Target t : restricted(Target.Kind.NAME)) {
          String body = Client.JSON.createObjectNode().put("name", t.value()).toString();
          send(
              r,
              r.path(),
              body,
              Optional.of(t),
              Optional.empty(),
              b -> answer(x.post("/screen", b)));
        }
      }
      case "POST /screening" -> {
        for (Target t : restricted(Target.Kind.NAME)) {
          send(
              r,
              r.path(),
              "names=" + t.value(),
              Optional.of(t),
              Optional.empty(),
              b -> answer(x.form("/screening", Map.of("names", t.value(), "csrf", csrf))));
        }
      }
      case "POST /screening/results.csv" -> {
        for (Target t : restricted(Target.Kind.NAME)) {
          String csv = "name\n" + t.value() + "\n";
          send(
              r,
              r.path(),
              "queries=" + csv,
              Optional.of(t),
              Optional.empty(),
              b -> answer(x.form("/screening/results.csv", Map.of("queries", csv, "csrf", csrf))));
        }
      }
      case "POST /api/v1/login" -> {
        String body =
            Client.JSON
                .createObjectNode()
                .put("username", MatrixWorld.VICTIM)
                .put("password", "not the password")
                .toString();
        send(
            r,
            r.path(),
            body,
            Optional.empty(),
            Optional.empty(),
            b -> answer(world.server.client().login(MatrixWorld.VICTIM, "not the password")));
      }
      case "POST /login" -> {
        send(
            r,
            r.path(),
            "username=" + MatrixWorld.VICTIM,
            Optional.empty(),
            Optional.empty(),
            b ->
                answer(
                    world
                        .server
                        .client()
                        .form(
                            "/login",
                            Map.of(
                                "username", MatrixWorld.VICTIM, "password", "not the password"))));
      }
      case "POST /api/v1/judgements" -> {
        // Only ids the attacker did not learn: a copy of a document gives it the same names, and
        // so entities of its own it may judge.
        postProbes(
            r,
            x,
            "/judgements",
            r.path(),
            v ->
                Client.JSON
                    .createObjectNode()
                    .put("left", v)
                    .put("right", own)
                    .put("verdict", "same")
                    .put("note", "probe")
                    .toString());
      }
      case "POST /api/v1/judgements/{id}/undo" -> {
        // Judgement ids are a public sequence, so a refusal may differ from "no such judgement";
        // what it must not do is succeed, or name what the judgement is about.
        for (Target t : restricted(Target.Kind.JUDGEMENT)) {
          Answer answer = answer(x.post("/judgements/" + t.value() + "/undo", "{}"));
          Optional<String> breach =
              answer.status() < 300
                  ? Optional.of(
                      "the attacker undid the victim's judgement "
                          + t.value()
                          + " on items it may not see ("
                          + answer.status()
                          + ")")
                  : Optional.empty();
          String url = r.path().replace("{id}", t.value());
          probes.add(
              new Probe(
                  r,
                  "POST " + url,
                  url.toLowerCase(Locale.ROOT),
                  Optional.of(t),
                  answer,
                  Optional.empty(),
                  breach));
        }
      }
      case "POST /api/v1/statements" -> {
        for (VictimMarking m : world.restricted()) {
          for (String source :
              List.of(m.sourceId(), world.documentId(m), "x-probe-src-" + m.tag())) {
            Target t = new Target(source, Optional.of(m), Target.Kind.ID, "", false);
            String body = guessedStatement(m, source);
            Answer answer = answer(x.post("/statements", body));
            probes.add(
                new Probe(
                    r,
                    "POST " + r.path() + " " + abbreviate(body),
                    body.toLowerCase(Locale.ROOT),
                    Optional.of(t),
                    answer,
                    Optional.empty(),
                    countsBreach(answer)));
          }
        }
      }
      case "POST /api/v1/documents" -> {
        for (VictimMarking m : world.restricted()) {
          uploadProbe(r, m, "exact", world.documentText(m), Optional.of(world.documentId(m)));
          uploadProbe(r, m, "near", world.nearCopy(m), Optional.empty());
        }
      }
      case "POST /api/v1/logout" -> {
        Client fresh = world.freshAttacker();
        send(
            r,
            r.path(),
            "{}",
            Optional.empty(),
            Optional.empty(),
            b -> answer(fresh.post("/logout", b)));
      }
      case "POST /logout" -> {
        Client fresh = world.freshAttacker();
        String token = fresh.csrfToken().orElseThrow();
        send(
            r,
            r.path(),
            "",
            Optional.empty(),
            Optional.empty(),
            b -> answer(fresh.form("/logout", Map.of("csrf", token))));
      }
      case "POST /api/v1/cases/{id}/items" -> {
        caseProbes(r, x, "/items", v -> caseBody("kind", "entity", "id", v));
        caseProbes(r, x, "/items", v -> caseBody("kind", "document", "id", v));
      }
      case "POST /api/v1/cases/{id}/neighbourhood" ->
          caseProbes(r, x, "/neighbourhood", v -> caseBody("entity", v, "depth", "2"));
      case "POST /api/v1/cases/{id}/notes" ->
          caseProbes(
              r,
              x,
              "/notes",
              v -> caseBody("markdown", "[x](entity:" + v + ") [y](document:" + v + "#0-5)"));
      case "POST /api/v1/cases/{id}/hypotheses" -> {
        // One hypothesis of the attacker's own (a case holds at most 20): the rating probes below
        // rate the victim's evidence against it.
        String path = "/cases/" + ownCase(x) + "/hypotheses";
        send(
            r,
            Routes.PREFIX + path,
            caseBody("text", "The attacker's second hypothesis"),
            Optional.empty(),
            Optional.empty(),
            b -> answer(x.post(path, b)));
      }
      case "POST /api/v1/cases/{id}/hypotheses/{hypothesis}/ratings" -> {
        String ratings = "/hypotheses/" + ownHypothesis(x) + "/ratings";
        caseProbes(r, x, ratings, v -> caseBody("evidence", "claim:" + v, "rating", "C"));
        caseProbes(
            r,
            x,
            ratings,
            v -> caseBody("evidence", "statement:" + v + "/" + "0".repeat(32), "rating", "I"));
      }
      case "POST /api/v1/cases/{id}/hypotheses/{hypothesis}/delete" ->
          caseWorkProbes(r, x, v -> "/hypotheses/" + v + "/delete", v -> "{}");
      case "POST /api/v1/cases/{id}/tasks" ->
          caseProbes(r, x, "/tasks", v -> caseBody("title", "A task", "assignee", v));
      case "POST /api/v1/cases/{id}/tasks/{task}" ->
          caseWorkProbes(r, x, v -> "/tasks/" + v, v -> caseBody("status", "done"));
      case "POST /api/v1/cases/{id}/tasks/{task}/delete" ->
          caseWorkProbes(r, x, v -> "/tasks/" + v + "/delete", v -> "{}");
      case "POST /api/v1/cases/{id}/notes/{note}" -> {
        String note = "/notes/" + ownNote(x);
        caseProbes(
            r,
            x,
            note,
            v -> caseBody("markdown", "[x](entity:" + v + ") [y](document:" + v + "#0-5)"));
        caseWorkProbes(r, x, v -> "/notes/" + v, v -> caseBody("markdown", "the attacker's"));
      }
      case "POST /api/v1/cases/{id}/members/remove" ->
          caseProbes(r, x, "/members/remove", v -> caseBody("kind", "user", "member", v));
      case "POST /api/v1/cases/{id}/report" -> {
        // The attacker's own case as an HTML report (text the scan reads), for its own
        // organisation and for the victim's, with each of the victim's ids as the entity to report:
        // answered as for a phantom; then the whole report, scanned for canaries.
        for (String recipient : List.of(world.attacker.org(), MatrixWorld.VICTIM_ORG)) {
          caseProbes(r, x, "/report", v -> reportBody(recipient, Optional.of(v)));
        }
        String path = "/cases/" + ownCase(x) + "/report";
        send(
            r,
            Routes.PREFIX + path,
            reportBody(world.attacker.org(), Optional.empty()),
            Optional.empty(),
            Optional.empty(),
            b -> answer(x.post(path, b)));
      }
      case "POST /api/v1/match/{dataset}" -> {
        for (Target t : restricted(Target.Kind.NAME)) {
          ObjectNode body = Client.JSON.createObjectNode();
          body.putObject("queries")
              .putObject("q")
              .put("schema", "Person")
              .putObject("properties")
              .putArray("name")
              .add(t.value());
          send(
              r,
              Routes.PREFIX + "/match/default",
              body.toString(),
              Optional.of(t),
              Optional.empty(),
              b -> answer(x.post("/match/default", b)));
        }
      }
      case "POST /api/v1/reconcile/{dataset}" -> reconcileProbes(r, x, csrf);
      case "POST /api/v1/origin-links" -> {
        for (Target t : restricted(Target.Kind.ID).stream().filter(this::compared).toList()) {
          for (boolean victimFirst : List.of(true, false)) {
            Function<String, String> body =
                v ->
                    caseBody(
                        "from",
                        victimFirst ? v : own,
                        "kind",
                        "derived_from",
                        "to",
                        victimFirst ? own : v,
                        "reason",
                        "probe");
            postProbe(r, x, t, "/origin-links", r.path(), body);
          }
        }
        send(
            r,
            r.path(),
            "",
            Optional.empty(),
            Optional.empty(),
            b -> answer(x.get("/origin-links")));
      }
      case "POST /api/v1/assessments" -> {
        postProbes(
            r,
            x,
            "/assessments",
            r.path(),
            v -> caseBody("subject", v, "statement", "probe", "likelihood", "likely"));
      }
      case "POST /api/v1/grades" -> {
        postProbes(
            r,
            x,
            "/grades",
            r.path(),
            v -> caseBody("target", "claim", "id", v, "grade", "3", "reason", "probe"));
      }
      case "POST /grades" -> {
        for (Target t : restricted(Target.Kind.ID).stream().filter(this::compared).toList()) {
          Function<String, Map<String, String>> form =
              v -> Map.of("csrf", csrf, "target", "claim", "id", v, "grade", "3");
          Answer phantom = answer(x.form("/grades", form.apply(t.phantom())));
          send(
              r,
              r.path(),
              "target=claim&id=" + t.value(),
              Optional.of(t),
              Optional.of(phantom),
              b -> answer(x.form("/grades", form.apply(t.value()))));
        }
      }
      case "POST /api/v1/grades/{id}/undo" -> undoProbes(r, x, "/grades/", world::gradeId);
      case "POST /grades/{id}/undo" -> pageUndoProbes(r, x, csrf);
      case "POST /api/v1/assessments/{id}/undo" ->
          undoProbes(r, x, "/assessments/", world::assessmentId);
      case "POST /api/v1/origin-links/{id}/undo" ->
          undoProbes(r, x, "/origin-links/", world::originLinkId);
      default -> genericWrite(r, x, csrf);
    }
  }

  /**
   * The reconciliation service as OpenRefine calls it (form fields): the victim's names as queries
   * (its answers are list entries, never the victim's statements), and the victim's ids in an
   * extend, answered as for ids that never existed.
   */
  private void reconcileProbes(Route r, Client x, String csrf) {
    String path = "/reconcile/default";
    // A probe's text is "field=JSON", readable for the leak rules; the field is encoded when sent.
    Function<String, Answer> post =
        field -> {
          int eq = field.indexOf('=');
          String form = field.substring(0, eq + 1) + enc(field.substring(eq + 1));
          return answer(
              x.send(
                  x.request(path)
                      .setHeader("Content-Type", "application/x-www-form-urlencoded")
                      .header("X-CSRF-Token", csrf)
                      .POST(HttpRequest.BodyPublishers.ofString(form))));
        };
    for (Target t : restricted(Target.Kind.NAME)) {
      ObjectNode queries = Client.JSON.createObjectNode();
      queries.putObject("q0").put("query", t.value());
      String form = "queries=" + queries;
      send(r, Routes.PREFIX + path, form, Optional.of(t), Optional.empty(), post);
    }
    for (Target t : restricted(Target.Kind.ID).stream().filter(this::compared).toList()) {
      Function<String, String> form =
          v -> {
            ObjectNode extend = Client.JSON.createObjectNode();
            extend.putArray("ids").add(v);
            extend.putArray("properties").addObject().put("id", "name");
            return "extend=" + extend;
          };
      Answer phantom = post.apply(form.apply(t.phantom()));
      send(
          r,
          Routes.PREFIX + path,
          form.apply(t.value()),
          Optional.of(t),
          Optional.of(phantom),
          post);
    }
  }

  /**
   * Undoing the victim's own records (public sequence ids) must not succeed, and must answer as for
   * an id that was never used.
   */
  private void undoProbes(Route r, Client x, String prefix, Function<VictimMarking, String> idOf) {
    for (VictimMarking m : world.restricted()) {
      String id = idOf.apply(m);
      String never = Long.toString(Long.parseLong(id) + 900_000);
      Target t = new Target(id, Optional.of(m), Target.Kind.JUDGEMENT, never, false);
      Answer phantom = answer(x.post(prefix + never + "/undo", "{}"));
      Answer answer = answer(x.post(prefix + id + "/undo", "{}"));
      Optional<String> breach =
          answer.status() < 300
              ? Optional.of(
                  "the attacker undid the victim's " + prefix + id + " (" + answer.status() + ")")
              : Optional.empty();
      String url = r.path().replace("{id}", id);
      probes.add(
          new Probe(
              r,
              "POST " + url,
              url.toLowerCase(Locale.ROOT),
              Optional.of(t),
              answer,
              Optional.of(phantom),
              breach));
    }
  }

  /** Undoing the victim's grades by the page's plain form, as {@link #undoProbes} by the API. */
  private void pageUndoProbes(Route r, Client x, String csrf) {
    for (VictimMarking m : world.restricted()) {
      String id = world.gradeId(m);
      String never = Long.toString(Long.parseLong(id) + 900_000);
      Target t = new Target(id, Optional.of(m), Target.Kind.JUDGEMENT, never, false);
      Answer phantom = answer(x.form("/grades/" + never + "/undo", Map.of("csrf", csrf)));
      Answer answer = answer(x.form("/grades/" + id + "/undo", Map.of("csrf", csrf)));
      Optional<String> breach =
          answer.status() < 400
              ? Optional.of(
                  "the attacker undid the victim's grade " + id + " (" + answer.status() + ")")
              : Optional.empty();
      String url = r.path().replace("{id}", id);
      probes.add(
          new Probe(
              r,
              "POST " + url,
              url.toLowerCase(Locale.ROOT),
              Optional.of(t),
              answer,
              Optional.of(phantom),
              breach));
    }
  }

  /**
   * The attacker's own case, filled with the victim's ids: each write must answer as for a phantom
   * that never existed, and the case as the attacker then reads it must hold nothing of the
   * victim's.
   */
  private void caseProbes(Route r, Client x, String suffix, Function<String, String> body) {
    String path = "/cases/" + ownCase(x);
    postProbes(r, x, path + suffix, Routes.PREFIX + path + suffix, body);
    send(r, Routes.PREFIX + path, "", Optional.empty(), Optional.empty(), b -> answer(x.get(path)));
  }

  /**
   * Posts {@code body} naming each victim id the scan compares to {@code path}, against the same
   * body naming the id's phantom (reported as {@code shown}).
   */
  private void postProbes(
      Route r, Client x, String path, String shown, Function<String, String> body) {
    for (Target t : restricted(Target.Kind.ID).stream().filter(this::compared).toList()) {
      postProbe(r, x, t, path, shown, body);
    }
  }

  /**
   * Posts {@code body} naming the phantom of {@code t}, then (through {@link #send}) naming {@code
   * t} itself: the two answers must not tell a victim's id from one that never existed.
   */
  private void postProbe(
      Route r, Client x, Target t, String path, String shown, Function<String, String> body) {
    Answer phantom = answer(x.post(path, body.apply(t.phantom())));
    send(
        r,
        shown,
        body.apply(t.value()),
        Optional.of(t),
        Optional.of(phantom),
        b -> answer(x.post(path, b)));
  }

  /** Probes with each victim id in the path after the attacker's own case, against its phantom. */
  private void caseWorkProbes(
      Route r, Client x, Function<String, String> suffix, Function<String, String> body) {
    String path = "/cases/" + ownCase(x);
    for (Target t : restricted(Target.Kind.ID).stream().filter(this::compared).toList()) {
      String phantomPath = path + suffix.apply(t.phantom());
      Answer phantom = answer(x.post(phantomPath, body.apply(t.phantom())));
      String targetPath = path + suffix.apply(t.value());
      send(
          r,
          Routes.PREFIX + targetPath,
          body.apply(t.value()),
          Optional.of(t),
          Optional.of(phantom),
          b -> answer(x.post(targetPath, b)));
    }
  }

  private long ownHypothesis(Client x) {
    if (ownHypothesis < 0) {
      Client.Reply made =
          x.post(
              "/cases/" + ownCase(x) + "/hypotheses",
              caseBody("text", "The attacker's hypothesis"));
      if (made.status() != 201) {
        throw new IllegalStateException("the attacker could not add a hypothesis: " + made.body());
      }
      ownHypothesis = made.json().path("id").asLong();
    }
    return ownHypothesis;
  }

  private long ownNote(Client x) {
    if (ownNote < 0) {
      Client.Reply made =
          x.post("/cases/" + ownCase(x) + "/notes", caseBody("markdown", "The attacker's note"));
      if (made.status() != 201) {
        throw new IllegalStateException("the attacker could not write a note: " + made.body());
      }
      ownNote = made.json().path("id").asLong();
    }
    return ownNote;
  }

  private String ownCase(Client x) {
    if (ownCase == null) {
      Client.Reply made =
          x.post("/cases", caseBody("title", "The attacker's case", "tlp", "GREEN"));
      if (made.status() != 201) {
        throw new IllegalStateException("the attacker could not open a case: " + made.body());
      }
      ownCase = made.json().path("id").asText();
    }
    return ownCase;
  }

  private static String reportBody(String recipient, Optional<String> entity) {
    ObjectNode body = Client.JSON.createObjectNode().put("for", recipient).put("format", "html");
    entity.ifPresent(e -> body.putArray("entities").add(e));
    return body.toString();
  }

  private static String caseBody(String... fields) {
    ObjectNode body = Client.JSON.createObjectNode();
    for (int i = 0; i < fields.length; i += 2) {
      if (fields[i].equals("depth")) {
        body.put(fields[i], Integer.parseInt(fields[i + 1]));
      } else {
        body.put(fields[i], fields[i + 1]);
      }
    }
    return body.toString();
  }

  /**
   * A write route the matrix has no probe of its own for (a route added since): each of the
   * victim's ids the attacker may not see goes into every path parameter and every string field of
   * the body, and the answers are scanned for canaries. The report names such routes, so that
   * someone writes them a probe with rules of their own.
   */
  private void genericWrite(Route r, Client x, String csrf) {
    genericRoutes.add(r.key());
    for (Target t : restricted(Target.Kind.ID)) {
      String url = fillPath(r.path(), t.value());
      if (r.api()) {
        ObjectNode body = Client.JSON.createObjectNode();
        for (String field : r.bodyFields()) {
          body.put(field, t.value());
        }
        send(
            r,
            url,
            body.toString(),
            Optional.of(t),
            Optional.empty(),
            b ->
                answer(
                    x.send(
                        x.request(url.substring(Routes.PREFIX.length()))
                            .header("X-CSRF-Token", csrf)
                            .method(r.method(), HttpRequest.BodyPublishers.ofString(b)))));
      } else {
        Map<String, String> fields =
            Map.of(
                "csrf", csrf, "q", t.value(), "entity", t.value(), "id", t.value(), "name",
                t.value());
        send(
            r,
            url,
            "form " + t.value(),
            Optional.of(t),
            Optional.empty(),
            b -> answer(x.form(url, fields)));
      }
    }
  }

  /** The write routes only the generic probe covered. */
  List<String> genericRoutes() {
    return List.copyOf(genericRoutes);
  }

  /**
   * The victim's own statement, as an attacker who guessed it would send it under {@code source}.
   */
  private static String guessedStatement(VictimMarking m, String source) {
    ObjectNode body = Client.JSON.createObjectNode();
    body.putObject("source")
        .put("id", source)
        .put("kind", "document")
        .put("title", "Probe")
        .put("reliability", "C")
        .putObject("marking")
        .put("tlp", "GREEN");
    body.putArray("statements")
        .addObject()
        .put("entityId", m.id("person"))
        .put("schema", "Person")
        .put("property", "name")
        .put("value", "Mirela " + m.surname());
    return body.toString();
  }

  /**
   * A write of statements the attacker never wrote may be refused, or answered as all new: any
   * "seen again" count says that someone else's statement exists.
   */
  private static Optional<String> countsBreach(Answer answer) {
    if (answer.status() != 200) {
      return Optional.empty();
    }
    try {
      JsonNode json = Client.JSON.readTree(answer.body());
      int received = json.path("received").asInt();
      int inserted = json.path("inserted").asInt();
      int updated = json.path("updated").asInt();
      return updated != 0 || inserted != received
          ? Optional.of(
              "a write of a statement only the victim wrote answers inserted="
                  + inserted
                  + ", updated="
                  + updated
                  + " of "
                  + received)
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Uploads a copy of a victim document. Duplicate detection may only look at what the uploader may
   * read: a copy of a document it may not read is stored as its own, like any new text (or named as
   * a copy of the attacker's own earlier upload).
   */
  private void uploadProbe(
      Route r, VictimMarking m, String kind, String text, Optional<String> derivableId) {
    Target t = new Target(world.documentId(m), Optional.of(m), Target.Kind.ID, "", false);
    Client.Reply reply =
        MatrixWorld.upload(
            world.attacker(), "probe-" + kind + "-" + m.tag() + ".txt", text, "TLP:GREEN");
    Answer answer = answer(reply);
    Optional<String> breach = Optional.empty();
    String status = reply.json().path("status").asText();
    String sameAs =
        status.equals("exact_duplicate")
            ? reply.json().path("id").asText()
            : reply.json().path("nearDuplicateOf").asText();
    boolean ownCopy = world.attackerIds().contains(sameAs);
    if (reply.status() >= 300 || status.isEmpty()) {
      breach =
          Optional.of("the " + kind + " copy was not stored: " + reply.status() + " " + status);
    } else if (!status.equals("stored") && !ownCopy) {
      breach =
          Optional.of(
              "the "
                  + kind
                  + " copy is answered as "
                  + status
                  + " of a document the attacker"
                  + " may not read (reason: "
                  + reply.json().path("reason").asText()
                  + (reply.json().has("similarity")
                      ? ", similarity " + reply.json().path("similarity").asText()
                      : "")
                  + ")");
    }
    String requestText = (text + "\n" + derivableId.orElse("")).toLowerCase(Locale.ROOT);
    probes.add(
        new Probe(
            r,
            "POST " + r.path() + " (" + kind + " copy of the " + m.label() + " document)",
            requestText,
            Optional.of(t),
            answer,
            Optional.empty(),
            breach));
    if (reply.json().has("id") && status.equals("stored")) {
      world.attackerIds().add(reply.json().path("id").asText());
    }
  }

  private List<Target> restricted(Target.Kind kind) {
    return targets.stream()
        .filter(t -> t.kind() == kind)
        .filter(t -> t.marking().isPresent() && !world.attackerMaySee(t.marking().get()))
        .toList();
  }

  /**
   * Whether the answer for a target is compared with its phantom's: for the victim's items the
   * attacker may not see and did not learn from its own writes.
   */
  private boolean compared(Target t) {
    if (t.marking().isEmpty() || world.attackerMaySee(t.marking().get())) {
      return false;
    }
    return !world.attackerKnowsText(t.value());
  }

  private void send(
      Route r,
      String url,
      String body,
      Optional<Target> target,
      Optional<Answer> phantom,
      Function<String, Answer> call) {
    Answer answer = call.apply(body);
    String requestText =
        (URLDecoder.decode(url, StandardCharsets.UTF_8) + "\n" + body).toLowerCase(Locale.ROOT);
    probes.add(
        new Probe(
            r,
            r.method() + " " + url + (body.isEmpty() ? "" : " " + abbreviate(body)),
            requestText,
            target,
            answer,
            phantom,
            Optional.empty()));
  }

  private static Answer answer(Client.Reply reply) {
    StringBuilder headers = new StringBuilder();
    reply
        .raw()
        .headers()
        .map()
        .forEach((name, values) -> headers.append(name).append(": ").append(values).append('\n'));
    return new Answer(reply.status(), headers.toString(), reply.body());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String abbreviate(String text) {
    String flat = text.replace('\n', ' ');
    return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
  }
}
