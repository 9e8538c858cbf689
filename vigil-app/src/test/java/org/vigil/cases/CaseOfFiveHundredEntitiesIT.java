/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.access.Viewer;
import org.vigil.cases.report.CaseReport;
import org.vigil.cases.report.CaseReports;
import org.vigil.cases.report.ReportFormat;
import org.vigil.cases.report.ReportMap;
import org.vigil.evaluation.SyntheticCase;
import org.vigil.model.Tlp;
import org.vigil.network.TimelineView;
import org.vigil.network.UnknownEntityException;
import org.vigil.places.Geocoding;
import org.vigil.sharing.Release;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The benchmarks' case of 500 people ({@link SyntheticCase}: a birth place and a birth date each, a
 * third of them read from AMBER reports of {@code ctic}, 400 links): its views read the whole case,
 * not its first hundred entities, and its report's map holds only what the recipient may read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseOfFiveHundredEntitiesIT {
  private static final Path ARTEFACTS = Path.of("target", "case-reports");

  private Path dir;
  private Store store;
  private String caseId;
  private Viewer owner;
  private CaseView view;

  @BeforeAll
  void writeTheCase() throws IOException {
    dir = Files.createTempDirectory("case-500-it");
    store = Store.open(StoreConfig.embedded(dir));
    caseId = SyntheticCase.create(store, Clock.systemUTC(), true);
    store.accounts().createOrganization("other-svc", "An organisation that is no partner");
    owner = store.accounts().viewer(store.accounts().userByName(SyntheticCase.OWNER).orElseThrow());
    view = new Cases(store, Clock.systemUTC()).view(caseId, owner).orElseThrow();
    Files.createDirectories(ARTEFACTS);
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void theMapPlacesTheBirthPlacesOfAllItsEntitiesNotJustTheFirstHundred() {
    assertThat(view.entities()).hasSize(500);
    assertThat(view.places()).hasSize(500);
    assertThat(view.places()).allMatch(l -> l.geocoding() instanceof Geocoding.Placed);
    assertThat(view.places())
        .extracting(CaseView.Located::entityId)
        .contains("bench-person-0", "bench-person-250", "bench-person-499");
  }

  @Test
  void theTimelineReadsEveryEntityAndShowsEachRecordOnce() {
    assertThat(view.timelineRecords()).isEqualTo(500);
    assertThat(view.timeline()).hasSize(500);
    assertThat(view.timeline())
        .extracting(CaseView.Dated::entity)
        .contains("Person Number 0", "Person Number 250", "Person Number 499")
        .doesNotHaveDuplicates();
  }

  @Test
  void theTimelineReadInOneGoIsTheTimelineReadEntityByEntity() {
    // The owner, and an organisation that may read only the GREEN third of the case.
    Viewer outsider = Release.organisationViewer(store, "other-svc");
    List<CaseView.Item> entities = view.entities();
    for (Viewer reader : List.of(owner, outsider)) {
      Map<String, TimelineView> oneByOne = new LinkedHashMap<>();
      for (CaseView.Item e : entities) {
        try {
          oneByOne.put(e.id(), store.network().timeline(e.id(), CaseTimeline.PER_ENTITY, reader));
        } catch (UnknownEntityException ignored) {
          // not in the network for this reader: no timeline, as in one go
        }
      }
      CaseTimeline.Read expected = CaseTimeline.merged(oneByOne, entities);
      CaseTimeline.Read read = CaseTimeline.of(store, reader, entities);
      assertThat(read.records()).isEqualTo(expected.records());
      assertThat(read.shown()).isEqualTo(expected.shown());
    }
  }

  @Test
  void theGraphDrawsTheMostLinkedEntitiesAndSaysHowManyItLeftOut() {
    CaseGraph g = view.graph();
    assertThat(g.entities()).isEqualTo(500);
    assertThat(g.nodes()).hasSize(CaseGraph.MAX_NODES);
    assertThat(g.left()).isEqualTo(500 - CaseGraph.MAX_NODES);
    // The first hundred people are each known by four others: they are the most linked.
    assertThat(g.nodes()).allMatch(n -> n.id().matches("bench-person-\\d{1,2}"));
    assertThat(g.nodes())
        .allMatch(n -> n.x() >= 0 && n.x() <= CaseGraph.WIDTH)
        .allMatch(n -> n.y() >= 0 && n.y() <= CaseGraph.HEIGHT);
  }

  @Test
  void theReportsMapHoldsOnlyThePlacesTheRecipientMayRead() throws Exception {
    CaseReport home = written("ctic", ReportFormat.HTML).report();
    CaseReport other = written("other-svc", ReportFormat.HTML).report();
    assertThat(home.map().placed()).isEqualTo(500);
    assertThat(home.map().markers()).hasSize(SyntheticCase.CITIES.size());
    assertThat(home.mapMarking()).isEqualTo(Tlp.AMBER);
    // A third of the people are read from AMBER reports, which an organisation that is no
    // partner of ctic may not read: their birth places are not on its map.
    long green = java.util.stream.IntStream.range(0, 100).filter(d -> d % 3 != 0).count() * 5;
    assertThat(other.map().placed()).isEqualTo((int) green);
    assertThat(other.mapMarking()).isEqualTo(Tlp.GREEN);
    assertThat(other.highest()).isEqualTo(Tlp.GREEN);
  }

  @Test
  void thePdfHasTheMapOnAPageOfItsOwnWithItsCaptionAndMarking() throws Exception {
    CaseReports.Written w = written("ctic", ReportFormat.PDF);
    Path pdf = ARTEFACTS.resolve("case-500-with-map.pdf");
    Files.write(pdf, w.bytes());
    ReportMap map = w.report().map();
    int pages = pages(pdf);
    int mapPage = 0;
    String mapText = "";
    for (int page = 1; page <= pages && mapPage == 0; page++) {
      String text = run("pdftotext", "-f", "" + page, "-l", "" + page, pdf.toString(), "-");
      if (text.contains("Figure 2. Map of the places")) {
        mapPage = page;
        mapText = text.replaceAll("\\s+", " ");
      }
    }
    assertThat(mapPage).as("a page with the map's caption").isGreaterThan(1);
    assertThat(mapText)
        .contains("(TLP:AMBER) Figure 2. Map of the places named in this report")
        .contains(map.placed() + " names placed at " + map.markers().size() + " points");
    Path prefix = ARTEFACTS.resolve("case-500-map-page");
    run(
        "pdftoppm",
        "-png",
        "-r",
        "50",
        "-singlefile",
        "-f",
        "" + mapPage,
        "-l",
        "" + mapPage,
        pdf.toString(),
        prefix.toString());
    BufferedImage image = ImageIO.read(ARTEFACTS.resolve("case-500-map-page.png").toFile());
    assertThat(pixels(image, 0xdce8f2)).as("sea").isGreaterThan(500);
    assertThat(pixels(image, 0xf4f1ea)).as("land").isGreaterThan(500);
    assertThat(pixels(image, 0x2b6cb0)).as("markers").isGreaterThan(5);
  }

  @Test
  void theDocxCarriesTheMapAsASecondPicture() throws Exception {
    CaseReports.Written w = written("ctic", ReportFormat.DOCX);
    try (var doc =
        new org.apache.poi.xwpf.usermodel.XWPFDocument(
            new java.io.ByteArrayInputStream(w.bytes()))) {
      assertThat(doc.getAllPictures()).hasSize(2);
      assertThat(doc.getParagraphs())
          .extracting(p -> p.getText())
          .filteredOn(t -> t.contains("Figure 2. Map of the places"))
          .singleElement()
          .asString()
          .startsWith("(TLP:AMBER)");
    }
  }

  private CaseReports.Written written(String recipient, ReportFormat format) {
    Cases.Outcome<CaseReports.Written> outcome =
        new CaseReports(store, Clock.systemUTC())
            .report(
                caseId,
                new CaseReports.Request(recipient, format, Optional.empty(), Tlp.GREEN, List.of()),
                new Cases.Actor(owner.userId(), owner, "test"));
    assertThat(outcome).isInstanceOf(Cases.Done.class);
    return ((Cases.Done<CaseReports.Written>) outcome).value();
  }

  private static int pixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y) & 0xffffff;
        if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 12
            && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12
            && Math.abs((p & 0xff) - (rgb & 0xff)) < 12) {
          n++;
        }
      }
    }
    return n;
  }

  private static int pages(Path pdf) throws Exception {
    for (String line : run("pdfinfo", pdf.toString()).split("\n")) {
      if (line.startsWith("Pages:")) {
        return Integer.parseInt(line.substring("Pages:".length()).strip());
      }
    }
    throw new AssertionError("pdfinfo names no page count");
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).start();
    byte[] out = p.getInputStream().readAllBytes();
    p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
