/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditRecord;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.stix.StixIds;
import org.vigil.stix.StixOpinions;
import org.vigil.stix.TlpMarkings;
import org.vigil.store.Grade;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The STIX export of the sample network: every object valid under the OASIS STIX 2.1 schemas (ajv 8
 * with ajv-formats, installed from npm into target/ by this test), the same ids in every export,
 * nothing a recipient may not read, and an audit row naming every id released.
 */
class StixSchemaIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() {
    store = Store.open(StoreConfig.embedded(dir.resolve("data")));
    store.accounts().createOrganization(SampleNetwork.OWNER, "The Agency");
    store.accounts().createOrganization("partner", "The Partner");
    store.accounts().createOrganization("stranger", "The Stranger");
    store.accounts().addPartners(SampleNetwork.OWNER, "partner");
    User red = store.accounts().createUser("red-reader", SampleNetwork.OWNER, Role.ANALYST, "x");
    SampleNetwork.write(store, red.id());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyExportedObjectValidatesAgainstTheOasisSchemas() {
    ObjectNode bundle = export(SampleNetwork.OWNER);
    Set<String> types = new TreeSet<>();
    bundle.path("objects").forEach(o -> types.add(o.path("type").asText()));
    assertThat(types)
        .contains(
            "identity",
            "threat-actor",
            "location",
            "relationship",
            "report",
            "note",
            "marking-definition");
    JsonNode result = validate(bundle);
    assertThat(result.path("failures").toString()).isEqualTo("[]");
    assertThat(result.path("checked").asInt()).isEqualTo(bundle.path("objects").size() + 1);
  }

  @Test
  void theRecipientsOwnGradesTravelAsConfidenceAndAdmiraltyLabelsAndNoOneElsesDo() {
    Viewer analyst =
        store.accounts().viewer(store.accounts().userByName("red-reader").orElseThrow());
    store.grades().grade(analyst, Grade.Target.CLAIM, "m-zindashti", "2", "court papers");
    store.grades().grade(analyst, Grade.Target.SOURCE, "src-treasury-jy2041", "B", "");
    String membership = StixIds.of("relationship", "m-zindashti");
    String report = StixIds.of("report", "source:src-treasury-jy2041");

    ObjectNode own = export(SampleNetwork.OWNER);
    assertThat(object(own, membership).path("confidence").asInt()).isEqualTo(70);
    assertThat(object(own, membership).path("labels").toString())
        .isEqualTo("[\"admiralty-scale:information-credibility=\\\"2\\\"\"]");
    assertThat(object(own, report).path("labels").toString())
        .isEqualTo("[\"admiralty-scale:source-reliability=\\\"b\\\"\"]");
    JsonNode result = validate(own);
    assertThat(result.path("failures").toString()).isEqualTo("[]");

    // The partner receives the membership and the report, but not the agency's grades of them.
    ObjectNode partner = export("partner");
    assertThat(object(partner, membership).has("confidence")).isFalse();
    assertThat(object(partner, membership).has("labels")).isFalse();
    assertThat(object(partner, report).path("labels").toString()).contains("reliability=\\\"a\\\"");
    assertThat(partner.toString()).doesNotContain("information-credibility");
  }

  @Test
  void gradesAndStancesTravelAsValidOpinionsAndAGradeOnlyToTheGradersOwnOrganisation() {
    Source treasury =
        store.statements().source("src-treasury-jy2041", Viewer.system()).orElseThrow();
    List<Statement> denial = new ArrayList<>();
    for (String[] pv :
        List.of(
            new String[] {"name", "arrest"},
            new String[] {"involved", "mois"},
            new String[] {"summary", "claimant: Trump; stance: denies"})) {
      denial.add(
          Statement.about("denied-arrest", Schema.EVENT)
              .set(pv[0], pv[1])
              .from(treasury)
              .seen(Instant.parse("2024-01-30T12:00:00Z"))
              .build());
    }
    store.statements().write(treasury, denial);
    Viewer analyst =
        store.accounts().viewer(store.accounts().userByName("red-reader").orElseThrow());
    store.grades().grade(analyst, Grade.Target.CLAIM, "m-zindashti", "2", "court papers");
    store.grades().grade(analyst, Grade.Target.CLAIM, "informant", "1", "our red source");
    store.grades().grade(analyst, Grade.Target.CLAIM, "denied-arrest", "6", "");
    String membership = StixIds.of("relationship", "m-zindashti");
    String note = StixIds.of("note", "denied-arrest");
    String identity = StixOpinions.analystIdentity(SampleNetwork.OWNER + ":red-reader");

    ObjectNode own = export(SampleNetwork.OWNER);
    List<JsonNode> opinions = ofType(own, "opinion");
    assertThat(opinions).hasSize(2);
    JsonNode judged = only(opinions, o -> o.path("created_by_ref").asText().equals(identity));
    assertThat(judged.path("opinion").asText()).isEqualTo("agree");
    assertThat(judged.path("object_refs").toString()).isEqualTo("[\"" + membership + "\"]");
    assertThat(judged.path("explanation").asText())
        .isEqualTo("Information credibility 2 (Probably true): court papers");
    assertThat(judged.path("object_marking_refs"))
        .isEqualTo(object(own, membership).path("object_marking_refs"));
    assertThat(object(own, identity).path("identity_class").asText()).isEqualTo("individual");
    JsonNode said = only(opinions, o -> o.path("authors").toString().equals("[\"Trump\"]"));
    assertThat(said.path("opinion").asText()).isEqualTo("strongly-disagree");
    assertThat(said.path("object_refs").toString()).isEqualTo("[\"" + note + "\"]");
    // The RED claim never leaves, so neither does the opinion of it; 6 is no opinion.
    assertThat(own.toString()).doesNotContain("our red source", SampleNetwork.RED_CANARY);
    Set<String> ids = ids(own);
    opinions.forEach(o -> o.path("object_refs").forEach(r -> assertThat(ids).contains(r.asText())));
    JsonNode result = validate(own);
    assertThat(result.path("failures").toString()).isEqualTo("[]");
    assertThat(result.path("checked").asInt()).isEqualTo(own.path("objects").size() + 1);

    // The partner reads the denial as reported, but no analyst's opinion and no analyst.
    ObjectNode partner = export("partner");
    assertThat(ofType(partner, "opinion"))
        .singleElement()
        .satisfies(o -> assertThat(o.path("object_refs").get(0).asText()).isEqualTo(note))
        .satisfies(o -> assertThat(o.has("created_by_ref")).isFalse());
    assertThat(partner.toString()).doesNotContain(identity, "court papers", "red-reader");
    assertThat(validate(partner).path("failures").toString()).isEqualTo("[]");
  }

  private static List<JsonNode> ofType(ObjectNode bundle, String type) {
    List<JsonNode> out = new ArrayList<>();
    bundle
        .path("objects")
        .forEach(
            o -> {
              if (o.path("type").asText().equals(type)) {
                out.add(o);
              }
            });
    return out;
  }

  private static JsonNode only(List<JsonNode> nodes, Predicate<JsonNode> which) {
    List<JsonNode> found = nodes.stream().filter(which).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static JsonNode object(ObjectNode bundle, String id) {
    for (JsonNode o : bundle.path("objects")) {
      if (o.path("id").asText().equals(id)) {
        return o;
      }
    }
    throw new AssertionError("no object " + id + " in the bundle");
  }

  @Test
  void partnerExportHoldsNeitherStrictNorRedAndStrangerOnlyGreen() {
    String partner = export("partner").toString();
    assertThat(partner).contains("Naji Ibrahim Sharifi-Zindashti", "Naji Zindashti");
    assertThat(partner).doesNotContain(SampleNetwork.STRICT_CANARY, SampleNetwork.RED_CANARY);
    assertThat(partner).doesNotContain(TlpMarkings.id(Tlp.AMBER_STRICT), TlpMarkings.id(Tlp.RED));
    String stranger = export("stranger").toString();
    assertThat(stranger).contains("Esmail Khatib");
    assertThat(stranger)
        .doesNotContain("Naji Zindashti", "Agency report 7", SampleNetwork.STRICT_CANARY);
    String owner = export(SampleNetwork.OWNER).toString();
    assertThat(owner)
        .contains(SampleNetwork.STRICT_CANARY)
        .doesNotContain(SampleNetwork.RED_CANARY);
  }

  @Test
  void theSameEntityHasTheSameStixIdInEveryExport() {
    Set<String> first = ids(export(SampleNetwork.OWNER));
    Set<String> second = ids(export(SampleNetwork.OWNER));
    assertThat(second).isEqualTo(first);
    assertThat(ids(export("partner"))).isSubsetOf(first);
  }

  @Test
  void everyReleasedIdIsInTheAuditLog() {
    Set<String> released = ids(export("partner"));
    StringBuilder audited = new StringBuilder();
    for (AuditRecord r : store.audit().recent(1_000)) {
      if (r.event().action() == AuditAction.EXPORT && r.event().target().equals("stix:partner")) {
        audited.append(r.event().detail()).append('\n');
      }
    }
    for (String id : released) {
      assertThat(audited.toString()).contains(id);
    }
  }

  private ObjectNode export(String org) {
    return new StixExport(store, Clock.systemUTC()).bundleFor(org, "test", "test");
  }

  private static Set<String> ids(ObjectNode bundle) {
    Set<String> out = new TreeSet<>();
    bundle.path("objects").forEach(o -> out.add(o.path("id").asText()));
    return out;
  }

  private JsonNode validate(ObjectNode bundle) {
    try {
      Path file = dir.resolve("bundle.json");
      JSON.writeValue(file.toFile(), bundle);
      Path script = dir.resolve("validate_stix.js");
      try (InputStream in = StixSchemaIT.class.getResourceAsStream("validate_stix.js")) {
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
      Path modules = Ajv.install();
      ProcessBuilder pb =
          new ProcessBuilder("node", script.toString(), Ajv.schemas().toString(), file.toString());
      pb.environment().put("NODE_PATH", modules.toString());
      pb.redirectError(dir.resolve("node.err").toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      assertThat(exit).as(Files.readString(dir.resolve("node.err"))).isZero();
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** ajv 8 and ajv-formats from npm in target/stix-ajv, and the OASIS schemas in shared/data. */
  static final class Ajv {
    static final List<String> PACKAGES = List.of("ajv@8.17.1", "ajv-formats@3.0.1");

    static synchronized Path install() throws IOException, InterruptedException {
      Path prefix = Path.of("target", "stix-ajv").toAbsolutePath();
      Path modules = prefix.resolve("node_modules");
      if (!Files.isDirectory(modules.resolve("ajv"))
          || !Files.isDirectory(modules.resolve("ajv-formats"))) {
        Files.createDirectories(prefix);
        List<String> command =
            new ArrayList<>(
                List.of(
                    "npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString()));
        command.addAll(PACKAGES);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("npm install " + PACKAGES + ":\n" + log).isZero();
      }
      return modules;
    }

    static Path schemas() {
      for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
        Path candidate = p.resolve("shared/data/stix/oasis-schemas/schemas");
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
      throw new IllegalStateException(
          "the OASIS STIX schemas are not in shared/data/stix above here");
    }
  }
}
