/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Role;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentTerms;
import org.vigil.documents.IngestOutcome;
import org.vigil.documents.ListGazetteer;
import org.vigil.http.Client;
import org.vigil.http.TestServer;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.Reliability;
import org.vigil.resolution.CrossReferencing;
import org.vigil.resolution.ResolutionRun;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoader;
import org.vigil.watchlists.ListScreening;

/**
 * One server for one cell row of the matrix: the victim organisation's items under every marking,
 * then the attacker's prior writes, then resolution and screening run to the end, as they would in
 * production after the next upload. Everything the victim and the attacker write goes through the
 * HTTP API, except the victim's RED and organisation-restricted documents, which the API cannot
 * mark (an upload takes a level only): those go through the same {@link DocumentIngest} the CLI
 * uses.
 */
final class MatrixWorld implements AutoCloseable {
  static final String VICTIM_ORG = "org-a";
  static final String VICTIM = "a1";

  /** One invented list entry per marking: the victim reports on each, which raises alerts. */
  private static final Map<VictimMarking, String> LISTED =
      Map.of(
          VictimMarking.CLEAR, "Orlan Vexmoor",
          VictimMarking.GREEN, "Piet Halvarsund",
          VictimMarking.AMBER, "Rusko Delmanter",
          VictimMarking.AMBER_STRICT, "Sveta Oburnik",
          VictimMarking.RED, "Teodor Kallasvik",
          VictimMarking.GREEN_ONLY_VICTIM, "Ulla Greimsdottir");

  /** A canary: text of the victim's that only readers of its marking may meet. */
  record Canary(String text, VictimMarking marking, String what, Optional<String> derivedFrom) {}

  /** A value the scan puts into requests: an id or a name, the victim's or the attacker's. */
  record Target(
      String value, Optional<VictimMarking> marking, Kind kind, String phantom, boolean primary) {
    enum Kind {
      ID,
      NAME,
      JUDGEMENT
    }
  }

  final Attacker attacker;
  final PriorWrites priorWrites;
  final TestServer server;
  final String victimUserId;
  private final ListScreening screening;
  private final Map<VictimMarking, String> documentText = new EnumMap<>(VictimMarking.class);
  private final Map<VictimMarking, String> documentId = new EnumMap<>(VictimMarking.class);
  private final Map<VictimMarking, Long> judgementId = new EnumMap<>(VictimMarking.class);
  private final Map<VictimMarking, String> assessmentId = new EnumMap<>(VictimMarking.class);
  private final Map<VictimMarking, String> originLinkId = new EnumMap<>(VictimMarking.class);
  private final Map<VictimMarking, String> gradeId = new EnumMap<>(VictimMarking.class);
  private final List<Canary> canaries = new ArrayList<>();
  private final StringBuilder attackerSent = new StringBuilder();
  private final List<String> attackerWriteOutcomes = new ArrayList<>();
  private final Set<String> attackerIds = new LinkedHashSet<>();
  private Client attackerClient;

  private MatrixWorld(
      Attacker attacker, PriorWrites priorWrites, TestServer server, ListScreening screening) {
    this.attacker = attacker;
    this.priorWrites = priorWrites;
    this.server = server;
    this.screening = screening;
    server.org(VICTIM_ORG);
    server.org(Attacker.STRANGER.org());
    server.org(Attacker.PARTNER.org(), VICTIM_ORG);
    this.victimUserId = server.user(VICTIM, VICTIM_ORG, Role.ANALYST).id();
    for (Attacker a : Attacker.values()) {
      server.user(a.username(), a.org(), Role.ANALYST);
    }
  }

  /**
   * Builds the world on a store of {@code config}, its list library and files under {@code dir}.
   */
  static MatrixWorld build(
      StoreConfig config, Path dir, Attacker attacker, PriorWrites priorWrites) {
    ListLibrary library = ListLibrary.in(dir);
    ListScreening screening = ListScreening.over(library);
    TestServer server = TestServer.start(config, s -> s, screening);
    try {
      loadList(server, library, dir);
      MatrixWorld world = new MatrixWorld(attacker, priorWrites, server, screening);
      world.writeVictimItems();
      // Uploads start resolution in the background; a restart waits for it to finish.
      server.restart();
      world.discoverDocumentEntities();
      world.writeAttackerItems();
      server.restart();
      new ResolutionRun(screening, CrossReferencing.DEFAULT_THRESHOLD, Clock.systemUTC())
          .run(server.store);
      world.attackerClient = server.client().signedIn(attacker.username());
      return world;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  private static void loadList(TestServer server, ListLibrary library, Path dir) {
    StringBuilder csv = new StringBuilder("id,name,schema,aliases,country,birth_date,programs\n");
    int n = 1;
    for (VictimMarking m : VictimMarking.values()) {
      csv.append("MX-").append(n++).append(',').append(LISTED.get(m));
      csv.append(",Person,,ir,1970-01,MATRIX-WATCH\n");
    }
    try {
      Path file = dir.resolve("matrix-watch.csv");
      Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
      new ListLoader(library, Optional.of(server.store), "public", Clock.systemUTC())
          .loadAll(
              List.of(file), Optional.of("agency-csv"), Optional.of("matrix-watch"), line -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeVictimItems() {
    Client a1 = server.client().signedIn(VICTIM);
    DocumentIngest direct = null;
    for (VictimMarking m : VictimMarking.values()) {
      Client.Reply written = a1.post("/statements", victimStatements(m));
      assertThat(written.status())
          .as("victim's %s statements: %s", m, written.body())
          .isEqualTo(200);
      String text = victimDocument(m);
      documentText.put(m, text);
      String id;
      if (m.uploadable()) {
        Client.Reply uploaded = upload(a1, "report-" + m.tag() + ".txt", text, m.tlp().label());
        assertThat(uploaded.status())
            .as("victim's %s upload: %s", m, uploaded.body())
            .isEqualTo(201);
        id = uploaded.json().path("id").asText();
      } else {
        if (direct == null) {
          direct =
              new DocumentIngest(
                  server.store,
                  DocumentReader.create(IngestLimits.DEFAULT),
                  ListGazetteer.extractor(screening),
                  Clock.systemUTC());
        }
        IngestOutcome outcome =
            direct.ingest(
                "report-" + m.tag() + ".txt",
                text.getBytes(StandardCharsets.UTF_8),
                new DocumentTerms(m.marking(victimUserId), Reliability.parse("B")));
        assertThat(outcome.kind())
            .as("victim's %s ingest: %s", m, outcome.reason())
            .isEqualTo(IngestOutcome.Kind.STORED);
        id = outcome.documentId().orElseThrow();
      }
      documentId.put(m, id);
      ObjectNode judgement =
          Client.JSON
              .createObjectNode()
              .put("left", m.id("person"))
              .put("right", m.id("alias"))
              .put("verdict", "same")
              .put("note", "Same woman, says the " + m.noteWord() + " liaison");
      Client.Reply judged = a1.post("/judgements", judgement.toString());
      assertThat(judged.status()).as("victim's %s judgement: %s", m, judged.body()).isEqualTo(201);
      judgementId.put(m, judged.json().path("id").asLong());
      ObjectNode assessment =
          Client.JSON
              .createObjectNode()
              .put("subject", m.id("person"))
              .put("statement", "She runs the courier line")
              .put("likelihood", "likely");
      Client.Reply assessed = a1.post("/assessments", assessment.toString());
      assertThat(assessed.status())
          .as("victim's %s assessment: %s", m, assessed.body())
          .isEqualTo(201);
      assessmentId.put(m, assessed.json().path("id").asText());
      ObjectNode link =
          Client.JSON
              .createObjectNode()
              .put("from", m.id("person"))
              .put("kind", "same_author")
              .put("to", m.id("org"));
      Client.Reply linked = a1.post("/origin-links", link.toString());
      assertThat(linked.status())
          .as("victim's %s origin link: %s", m, linked.body())
          .isEqualTo(201);
      originLinkId.put(m, linked.json().path("id").asText());
      ObjectNode grade =
          Client.JSON
              .createObjectNode()
              .put("target", "claim")
              .put("id", m.id("link"))
              .put("grade", "2")
              .put("reason", "probably so");
      Client.Reply graded = a1.post("/grades", grade.toString());
      assertThat(graded.status()).as("victim's %s grade: %s", m, graded.body()).isEqualTo(201);
      gradeId.put(m, graded.json().path("id").asText());

      for (String word : m.statementWords()) {
        canaries.add(new Canary(word, m, "statement word", Optional.empty()));
      }
      for (String role : VictimMarking.ID_ROLES) {
        canaries.add(new Canary(m.id(role), m, "entity id", Optional.empty()));
      }
      canaries.add(new Canary(m.sourceId(), m, "source id", Optional.empty()));
      canaries.add(new Canary(m.docSurname(), m, "document name", Optional.empty()));
      canaries.add(new Canary(m.docSurname2(), m, "document name", Optional.empty()));
      canaries.add(new Canary(m.secretWord(), m, "document word", Optional.empty()));
      canaries.add(new Canary(id, m, "document id", Optional.of(text)));
    }
  }

  private String victimStatements(VictimMarking m) {
    ObjectNode body = Client.JSON.createObjectNode();
    ObjectNode source = body.putObject("source");
    source.put("id", m.sourceId());
    source.put("kind", "document");
    source.put("title", "Assessment " + m.titleWord());
    source.put("reliability", "B");
    try {
      source.set("marking", Client.JSON.readTree(m.markingJson(victimUserId)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ArrayNode statements = body.putArray("statements");
    statement(statements, m.id("person"), "Person", "name", "Mirela " + m.surname());
    statement(statements, m.id("person"), "Person", "passportNumber", m.passport());
    statement(statements, m.id("alias"), "Person", "name", "Mira " + m.surname());
    statement(statements, m.id("org"), "Organization", "name", m.orgWord() + " Holdings");
    statement(statements, m.id("link"), "Membership", "member", m.id("person"));
    statement(statements, m.id("link"), "Membership", "organization", m.id("org"));
    statement(statements, m.id("link"), "Membership", "startDate", "2024-05");
    statement(statements, m.id("listed"), "Person", "name", LISTED.get(m));
    statement(statements, m.id("listed"), "Person", "position", "courier for " + m.positionWord());
    statement(statements, m.id("assoc"), "Associate", "person", m.id("listed"));
    statement(statements, m.id("assoc"), "Associate", "associate", m.id("person"));
    return body.toString();
  }

  private static void statement(
      ArrayNode statements, String entity, String schema, String property, String value) {
    statements
        .addObject()
        .put("entityId", entity)
        .put("schema", schema)
        .put("property", property)
        .put("value", value);
  }

  /**
   * A short report per marking, each worded differently so that the victim's own documents are not
   * near copies of one another.
   */
  static String victimDocument(VictimMarking m) {
    String a = "Tomas " + m.docSurname();
    String b = "Greta " + m.docSurname2();
    String secret = m.secretWord();
    return switch (m) {
      case CLEAR ->
          a
              + " met "
              + b
              + " in Vienna on 3 March 2025. Officials said the two discussed shipping routes"
              + " through the port of Trieste, and that the operation is called "
              + secret
              + ".";
      case GREEN ->
          "According to a court filing, "
              + a
              + " wired money to "
              + b
              + " in Istanbul last winter. The payments were labelled "
              + secret
              + " in the bank's ledger, investigators said.";
      case AMBER ->
          "A liaison officer reports that "
              + a
              + " travelled from Baku to Tbilisi with "
              + b
              + " in June 2024. Their meeting with a broker was arranged under the cover name "
              + secret
              + ".";
      case AMBER_STRICT ->
          "Sensitive reporting: "
              + a
              + " recruited "
              + b
              + " at a trade fair in Dubai. The handler signs messages as "
              + secret
              + " and pays in cash every month.";
      case RED ->
          "Source reporting, do not share: "
              + a
              + " has been tasked to watch "
              + b
              + " in Oslo. The tasking order carries the word "
              + secret
              + " and was issued in September 2025.";
      case GREEN_ONLY_VICTIM ->
          "Police in Antwerp questioned "
              + a
              + " after "
              + b
              + " was seen photographing the harbour gates. Both used phones registered to "
              + secret
              + " Trading.";
    };
  }

  /**
   * The ids the extractor gave the people named in each victim document, as the victim sees them:
   * canaries of the document's marking, which a copy of the document lets the attacker derive.
   */
  private void discoverDocumentEntities() {
    Client a1 = server.client().signedIn(VICTIM);
    for (VictimMarking m : VictimMarking.values()) {
      for (String surname : m.documentWords()) {
        JsonNode hits =
            a1.get("/entities?q=" + URLEncoder.encode(surname, StandardCharsets.UTF_8))
                .json()
                .path("hits");
        for (JsonNode hit : hits) {
          if (!hit.path("caption")
              .asText()
              .toLowerCase(Locale.ROOT)
              .contains(surname.toLowerCase(Locale.ROOT))) {
            continue;
          }
          Set<String> ids = new LinkedHashSet<>();
          ids.add(hit.path("id").asText());
          JsonNode entity = a1.get("/entities/" + hit.path("id").asText()).json();
          entity.path("members").forEach(member -> ids.add(member.asText()));
          for (String id : ids) {
            if (!id.startsWith("a-")) {
              canaries.add(new Canary(id, m, "extracted entity id", Optional.of(surname)));
            }
          }
        }
      }
    }
  }

  private void writeAttackerItems() {
    Client x = server.client().signedIn(attacker.username());
    String own = "x-own";
    attackerIds.add(own + "-person");
    attackerIds.add(own + "-org");
    attackerIds.add(own + "-link");
    ObjectNode body = Client.JSON.createObjectNode();
    body.putObject("source")
        .put("id", own + "-src")
        .put("kind", "document")
        .put("title", "Own notes")
        .put("reliability", "C")
        .putObject("marking")
        .put("tlp", "GREEN");
    ArrayNode statements = body.putArray("statements");
    statement(statements, own + "-person", "Person", "name", "Karl Ottoson");
    statement(statements, own + "-org", "Organization", "name", "Ottoson Freight");
    statement(statements, own + "-link", "Membership", "member", own + "-person");
    statement(statements, own + "-link", "Membership", "organization", own + "-org");
    attackerWrite(x, "/statements", body.toString());
    switch (priorWrites) {
      case NONE -> {}
      case NEAR_SPELLINGS -> {
        StringBuilder text = new StringBuilder("Liaison note from the border unit.");
        for (VictimMarking m : VictimMarking.values()) {
          text.append(' ')
              .append("Mirela ")
              .append(near(m.surname()))
              .append(" met Tomas ")
              .append(near(m.docSurname()))
              .append(" and Greta ")
              .append(near(m.docSurname2()))
              .append(" at the ")
              .append(near(m.orgWord()))
              .append(" Holdings office. ")
              .append(LISTED.get(m))
              .append(" was seen with them.");
        }
        attackerUpload(x, "liaison.txt", text.toString());
      }
      case DECLARED_IDS -> {
        for (VictimMarking m : VictimMarking.values()) {
          attackerWrite(
              x, "/statements", declaration(documentId.get(m), "x-decl-" + m.tag() + "-d"));
          attackerWrite(x, "/statements", declaration(m.sourceId(), "x-decl-" + m.tag() + "-s"));
          ObjectNode onIds = Client.JSON.createObjectNode();
          onIds
              .putObject("source")
              .put("id", "x-decl-src-" + m.tag())
              .put("kind", "document")
              .put("title", "Declared")
              .put("reliability", "A")
              .putObject("marking")
              .put("tlp", "CLEAR");
          ArrayNode on = onIds.putArray("statements");
          statement(on, m.id("person"), "Person", "nationality", "ir");
          statement(on, m.id("org"), "Organization", "country", "ir");
          attackerWrite(x, "/statements", onIds.toString());
        }
      }
      case EXACT_COPY -> {
        for (VictimMarking m : VictimMarking.values()) {
          attackerUpload(x, "copy-" + m.tag() + ".txt", documentText.get(m));
        }
      }
      case NEAR_COPY -> {
        for (VictimMarking m : VictimMarking.values()) {
          attackerUpload(x, "near-" + m.tag() + ".txt", nearCopy(m));
        }
      }
    }
  }

  private static String declaration(String sourceId, String entityId) {
    ObjectNode body = Client.JSON.createObjectNode();
    body.putObject("source")
        .put("id", sourceId)
        .put("kind", "document")
        .put("title", "Declared by the attacker")
        .put("reliability", "A")
        .putObject("marking")
        .put("tlp", "CLEAR");
    statement(body.putArray("statements"), entityId, "Person", "name", "Declan Attwood");
    return body.toString();
  }

  /** The victim's document with its secret word replaced: what a copier who lacks it sends. */
  String nearCopy(VictimMarking m) {
    return documentText.get(m).replace(m.secretWord(), "Quorvex");
  }

  /** A near spelling: one letter doubled inside the word, so the word itself is not in it. */
  static String near(String word) {
    int at = word.length() - 3;
    return word.substring(0, at) + word.charAt(at) + word.substring(at);
  }

  private void attackerWrite(Client x, String path, String body) {
    attackerSent.append(body.toLowerCase(Locale.ROOT)).append('\n');
    Client.Reply reply = x.post(path, body);
    attackerWriteOutcomes.add("POST " + path + " -> " + reply.status());
  }

  private void attackerUpload(Client x, String fileName, String text) {
    attackerSent.append(text.toLowerCase(Locale.ROOT)).append('\n');
    Client.Reply reply = upload(x, fileName, text, "TLP:GREEN");
    attackerWriteOutcomes.add("POST /documents " + fileName + " -> " + reply.status());
    if (reply.json().has("id")) {
      attackerIds.add(reply.json().path("id").asText());
    }
  }

  static Client.Reply upload(Client client, String fileName, String text, String marking) {
    String boundary = "vigil-matrix-" + Long.toHexString(System.nanoTime());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"marking\"\r\n\r\n"
                + marking
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n"
                + text
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        client
            .request("/documents")
            // The first upload loads the language models; on a loaded machine that takes minutes.
            .timeout(Duration.ofMinutes(5))
            .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    client.csrfToken().ifPresent(token -> request.header("X-CSRF-Token", token));
    return client.send(request);
  }

  /** The attacker's signed-in client. */
  Client attacker() {
    return attackerClient;
  }

  /**
   * A fresh signed-in client of the attacker (for signing out without ending the scan's session).
   */
  Client freshAttacker() {
    return server.client().signedIn(attacker.username());
  }

  boolean attackerMaySee(VictimMarking m) {
    return attacker.maySee(m, victimUserId);
  }

  /** The markings whose items the attacker must not meet. */
  List<VictimMarking> restricted() {
    return Arrays.stream(VictimMarking.values()).filter(m -> !attackerMaySee(m)).toList();
  }

  List<Canary> canaries() {
    return List.copyOf(canaries);
  }

  /**
   * Whether the attacker's prior writes hold the canary (or what it is derived from): then it
   * learnt nothing by meeting it again. A copy of a document tells the copier its names and its id
   * (a hash of the text); declaring an id tells it that id.
   */
  boolean attackerKnows(Canary c) {
    String sent = attackerSent.toString();
    return sent.contains(c.text().toLowerCase(Locale.ROOT))
        || c.derivedFrom().map(d -> sent.contains(d.toLowerCase(Locale.ROOT))).orElse(false);
  }

  /**
   * Whether the attacker's prior writes tell it {@code text}: they hold it, or it holds a canary
   * they tell it.
   */
  boolean attackerKnowsText(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return attackerSent.toString().contains(lower)
        || canaries.stream()
            .anyMatch(c -> lower.contains(c.text().toLowerCase(Locale.ROOT)) && attackerKnows(c));
  }

  String documentText(VictimMarking m) {
    return documentText.get(m);
  }

  String documentId(VictimMarking m) {
    return documentId.get(m);
  }

  long judgementId(VictimMarking m) {
    return judgementId.get(m);
  }

  /** The id of the victim's assessment of its person of marking {@code m}. */
  String assessmentId(VictimMarking m) {
    return assessmentId.get(m);
  }

  /**
   * The id of the victim's origin link between its person and organisation of marking {@code m}.
   */
  String originLinkId(VictimMarking m) {
    return originLinkId.get(m);
  }

  /** The id of the victim's credibility grade of its link of marking {@code m}. */
  String gradeId(VictimMarking m) {
    return gradeId.get(m);
  }

  Set<String> attackerIds() {
    return attackerIds;
  }

  List<String> attackerWriteOutcomes() {
    return attackerWriteOutcomes;
  }

  /**
   * What the scan puts into requests: every id and name of the victim's, each with a phantom of the
   * same shape that never existed, and the attacker's own ids.
   */
  List<Target> targets() {
    Map<String, Target> out = new LinkedHashMap<>();
    for (VictimMarking m : VictimMarking.values()) {
      Optional<VictimMarking> mark = Optional.of(m);
      for (String role : VictimMarking.ID_ROLES) {
        add(
            out,
            new Target(
                m.id(role), mark, Target.Kind.ID, phantomId(m.id(role)), role.equals("person")));
      }
      add(out, new Target(m.sourceId(), mark, Target.Kind.ID, phantomId(m.sourceId()), false));
      add(
          out,
          new Target(documentId.get(m), mark, Target.Kind.ID, phantomId(documentId.get(m)), true));
      for (Canary c : canaries) {
        if (c.marking() == m && c.what().equals("extracted entity id")) {
          add(out, new Target(c.text(), mark, Target.Kind.ID, phantomId(c.text()), false));
        }
      }
      add(out, name("Mirela " + m.surname(), mark, true));
      add(out, name(m.surname(), mark, false));
      add(out, name(m.orgWord() + " Holdings", mark, false));
      add(out, name(m.passport(), mark, false));
      add(out, name(m.titleWord(), mark, false));
      add(out, name(m.noteWord(), mark, false));
      add(out, name(m.positionWord(), mark, false));
      add(out, name("Tomas " + m.docSurname(), mark, true));
      add(out, name(m.docSurname2(), mark, false));
      add(out, name(m.secretWord(), mark, false));
      long judgement = judgementId.get(m);
      add(
          out,
          new Target(
              Long.toString(judgement),
              mark,
              Target.Kind.JUDGEMENT,
              Long.toString(judgement + 900_000),
              false));
    }
    for (String id : attackerIds) {
      add(out, new Target(id, Optional.empty(), Target.Kind.ID, phantomId(id), true));
    }
    return List.copyOf(out.values());
  }

  private static void add(Map<String, Target> out, Target t) {
    out.putIfAbsent(t.kind() + ":" + t.value(), t);
  }

  /**
   * A name target; its phantom reverses the canary words only (those holding the marking's stem),
   * so that a common first name matches what it matches in both.
   */
  private static Target name(String value, Optional<VictimMarking> m, boolean primary) {
    String stem = m.map(VictimMarking::stem).orElse("").toLowerCase(Locale.ROOT);
    StringBuilder phantom = new StringBuilder();
    for (String word : value.split(" ")) {
      if (phantom.length() > 0) {
        phantom.append(' ');
      }
      String lower = word.toLowerCase(Locale.ROOT);
      if (stem.isEmpty() || !lower.contains(stem)) {
        phantom.append(word);
        continue;
      }
      String reversed = new StringBuilder(lower).reverse().toString();
      phantom.append(Character.toUpperCase(reversed.charAt(0))).append(reversed.substring(1));
    }
    return new Target(value, m, Target.Kind.NAME, phantom.toString(), primary);
  }

  /** An id of the same shape that was never used: its last segment reversed. */
  static String phantomId(String id) {
    int cut = Math.max(Math.max(id.lastIndexOf('-'), id.lastIndexOf(':')), id.lastIndexOf('.')) + 1;
    String tail = new StringBuilder(id.substring(cut)).reverse().toString();
    String phantom = id.substring(0, cut) + tail;
    return phantom.equals(id) ? id + "0" : phantom;
  }

  @Override
  public void close() {
    server.close();
  }
}
