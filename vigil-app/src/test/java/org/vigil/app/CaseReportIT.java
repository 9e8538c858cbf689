/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditRecord;
import org.vigil.auth.PasswordHasher;
import org.vigil.cases.Cases;
import org.vigil.cases.report.CaseReport;
import org.vigil.cases.report.CaseReports;
import org.vigil.cases.report.ReportFormat;
import org.vigil.model.Tlp;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.StoredCase;

/**
 * Reports of the demo's sample case, read back as a recipient would: the PDF's text through
 * Debian's pdftotext, its first page rendered by pdftoppm (kept in target/case-reports as a test
 * artefact), the DOCX through POI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseReportIT {
  private static final Path ARTEFACTS = Path.of("target", "case-reports");

  private Path dir;
  private Store store;
  private String caseId;

  @BeforeAll
  void openTheSampleCase() throws IOException {
    dir = Files.createTempDirectory("case-report-it");
    store = Store.open(StoreConfig.embedded(dir));
    PrintWriter out = new PrintWriter(new StringWriter());
    DemoData.load(
        store,
        new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom()),
        Clock.systemUTC(),
        out);
    StoredCase opened = DemoCase.open(store, Clock.systemUTC(), out).orElseThrow();
    caseId = opened.id();
    Files.createDirectories(ARTEFACTS);
  }

  @org.junit.jupiter.api.AfterAll
  void close() {
    store.close();
  }

  @Test
  void aPdfForThePartnerMarksEveryPageAndParagraphAndCitesEverySource() throws Exception {
    CaseReports.Written w = written("allied-svc", ReportFormat.PDF, "analyst");
    Path pdf = ARTEFACTS.resolve("sample-case-for-allied-svc.pdf");
    Files.write(pdf, w.bytes());
    CaseReport r = w.report();
    assertThat(r.findings()).isNotEmpty();
    assertThat(r.endnotes()).isNotEmpty();
    assertThat(r.highest()).isEqualTo(Tlp.AMBER);

    String text = oneLine(run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
    List<CaseReport.Portion> portions = new ArrayList<>(r.findings());
    portions.addAll(r.notes());
    portions.addAll(r.hypotheses());
    portions.addAll(r.tasks());
    portions.addAll(r.links());
    portions.addAll(r.timeline());
    r.summary().ifPresent(portions::add);
    int portionMarks = count(text, "(TLP:");
    assertThat(portionMarks)
        .as("a portion marking before every paragraph")
        .isGreaterThanOrEqualTo(portions.size() + r.endnotes().size() + 1);
    for (CaseReport.Portion p : portions) {
      assertThat(text).contains(p.label() + " " + firstWords(p));
      for (CaseReport.Fact f : p.facts()) {
        for (int n : f.notes()) {
          assertThat(text).contains("[" + n + "]");
        }
      }
    }
    for (CaseReport.Endnote n : r.endnotes()) {
      assertThat(text).contains(n.label() + " [" + n.number() + "] " + oneLine(n.source()));
      n.sentence().ifPresent(s -> assertThat(text).contains(oneLine(s).substring(0, 20)));
      assertThat(text).contains("grade " + n.grade());
    }

    int pages = pages(pdf);
    assertThat(pages).isGreaterThan(1);
    for (int page = 1; page <= pages; page++) {
      String pageText =
          run("pdftotext", "-f", "" + page, "-l", "" + page, "-enc", "UTF-8", pdf.toString(), "-");
      assertThat(count(pageText, "TLP:AMBER"))
          .as("the marking in the header and the footer of page " + page)
          .isGreaterThanOrEqualTo(2);
    }

    Path prefix = ARTEFACTS.resolve("sample-case-page");
    run("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", pdf.toString(), prefix.toString());
    Path png;
    try (var found = Files.list(ARTEFACTS)) {
      png =
          found
              .filter(p -> p.getFileName().toString().startsWith("sample-case-page"))
              .findFirst()
              .orElseThrow();
    }
    BufferedImage page1 = ImageIO.read(png.toFile());
    assertThat(amberPixels(page1)).as("the amber banner of the cover").isGreaterThan(50);
  }

  @Test
  void persianInTheSummaryIsSetInTheEmbeddedFont() throws Exception {
    String persian = "شبکه زینداشتی برای وزارت اطلاعات کار می‌کند";
    Cases.Outcome<CaseReports.Written> outcome =
        new CaseReports(store, Clock.systemUTC())
            .report(
                caseId,
                new CaseReports.Request(
                    "allied-svc", ReportFormat.PDF, Optional.of(persian), Tlp.GREEN, List.of()),
                actor("analyst"));
    Path pdf = ARTEFACTS.resolve("sample-case-persian-summary.pdf");
    Files.write(pdf, ((Cases.Done<CaseReports.Written>) outcome).value().bytes());
    assertThat(run("pdffonts", pdf.toString())).contains("DejaVuSans");
    String text = oneLine(run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
    assertThat(text).contains("زینداشتی").contains("وزارت");
  }

  @Test
  void aReportForThePartnerHoldsNoStatementItMayNotRead() throws Exception {
    String partner = html("allied-svc");
    String home = html("ctic");
    String customs = html("customs");
    // The analyst's own organisation reads the AMBER+STRICT assessment; the partner does not.
    assertThat(home)
        .contains("Used by MOIS as a deniable criminal intermediary")
        .contains("(TLP:AMBER+STRICT)");
    assertThat(partner)
        .doesNotContain("Used by MOIS as a deniable criminal intermediary")
        .doesNotContain("CTIC assessment 004")
        .doesNotContain("TLP:AMBER+STRICT")
        .doesNotContain("TLP:RED");
    // Customs is no partner: nothing AMBER reaches it.
    assertThat(customs).doesNotContain("(TLP:AMBER)").doesNotContain("TLP:AMBER+STRICT");
    assertThat(customs).contains("(TLP:CLEAR)");
    // The analyst's note goes to both under its own marking, each citation kept only when the
    // recipient may read the evidence; customs, which the AMBER note does not reach, has none.
    assertThat(home)
        .contains("Analysts' notes")
        .contains("Note by analyst")
        .contains("Why this case")
        .contains("[3] Naji Ibrahim Sharifi-Zindashti");
    assertThat(partner).contains("Note by analyst").contains("[citation withheld]");
    assertThat(customs).doesNotContain("Note by").doesNotContain("Why this case");
  }

  @Test
  void theHypothesesAndTasksAreReportedAsTheRecipientMayReadThem() {
    CaseReport home = written("ctic", ReportFormat.HTML, "analyst").report();
    CaseReport partner = written("allied-svc", ReportFormat.HTML, "analyst").report();
    CaseReport customs = written("customs", ReportFormat.HTML, "analyst").report();
    String mois = "The network acted on MOIS's orders";
    String own = "The network acted for its own criminal ends";
    // The analyst's organisation weighs all three items; the CTIC assessment (AMBER+STRICT)
    // counts against the second hypothesis only for it.
    assertThat(texts(home.hypotheses())).contains(mois, own, "written by analyst");
    assertThat(evidenceRows(home)).isEqualTo(3);
    assertThat(paragraph(home.hypotheses(), own)).contains("2 items inconsistent");
    assertThat(paragraph(home.hypotheses(), mois))
        .contains("0 items inconsistent")
        .contains("it stands best");
    assertThat(home.hypotheses())
        .anySatisfy(p -> assertThat(p.marking()).isEqualTo(Tlp.AMBER_STRICT));
    // The partner's matrix has two rows and is scored over them alone.
    assertThat(evidenceRows(partner)).isEqualTo(2);
    assertThat(paragraph(partner.hypotheses(), own)).contains("1 item inconsistent");
    assertThat(partner.hypotheses())
        .allSatisfy(p -> assertThat(p.marking()).isIn(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER));
    assertThat(String.join(" ", texts(partner.hypotheses())))
        .doesNotContain("deniable criminal intermediary");
    String task = "Find who else the network hired";
    assertThat(texts(home.tasks())).anySatisfy(t -> assertThat(t).contains(task));
    assertThat(texts(partner.tasks())).anySatisfy(t -> assertThat(t).contains(task));
    assertThat(partner.tasks()).allSatisfy(p -> assertThat(p.lead()).isIn("Open", "Doing", "Done"));
    // The case's marking does not reach customs: neither its hypotheses nor its tasks go there.
    assertThat(customs.hypotheses()).isEmpty();
    assertThat(customs.tasks()).isEmpty();
    String customsHtml = html("customs");
    assertThat(customsHtml).doesNotContain(mois).doesNotContain(task).doesNotContain("Hypotheses");
    assertThat(html("allied-svc")).contains("<h2>Hypotheses</h2>").contains("<h2>Tasks</h2>");
  }

  private static List<String> texts(List<CaseReport.Portion> portions) {
    return portions.stream().flatMap(p -> p.facts().stream()).map(CaseReport.Fact::text).toList();
  }

  private static int evidenceRows(CaseReport r) {
    return (int) r.hypotheses().stream().filter(p -> p.lead().startsWith("Evidence ")).count();
  }

  /** The words of the paragraph that holds {@code words}, all its facts joined. */
  private static String paragraph(List<CaseReport.Portion> portions, String words) {
    return portions.stream()
        .filter(p -> p.facts().stream().anyMatch(f -> f.text().equals(words)))
        .findFirst()
        .map(p -> String.join("; ", texts(List.of(p))))
        .orElseThrow(() -> new AssertionError("no paragraph says " + words));
  }

  @Test
  void aDocxCarriesTheMarkingInItsHeaderAndBeforeEveryParagraph() throws Exception {
    CaseReports.Written w = written("allied-svc", ReportFormat.DOCX, "analyst");
    Files.write(ARTEFACTS.resolve("sample-case-for-allied-svc.docx"), w.bytes());
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(w.bytes()))) {
      assertThat(doc.getHeaderList().get(0).getText()).contains("TLP:AMBER");
      assertThat(doc.getFooterList().get(0).getText()).contains("TLP:AMBER");
      List<String> headings =
          List.of(
              "Executive summary",
              "Analysts' notes",
              "Hypotheses",
              "Findings",
              "Network",
              "Map",
              "Links",
              "Timeline",
              "Tasks",
              "Sources");
      assertThat(doc.getParagraphs())
          .extracting(XWPFParagraph::getText)
          .contains("Hypotheses", "Tasks");
      int marked = 0;
      for (XWPFParagraph p : doc.getParagraphs()) {
        String t = p.getText();
        if (t.isBlank() || headings.contains(t) || t.equals(w.report().highest().label())) {
          continue; // a heading, the cover's banner or the picture
        }
        assertThat(t).startsWith("(TLP:");
        marked++;
      }
      assertThat(marked).isGreaterThan(w.report().endnotes().size());
      assertThat(doc.getAllPictures()).as("the network picture and the map").hasSize(2);
    }
  }

  @Test
  void eachReportIsAuditedWithTheStatementsItReleased() {
    CaseReports.Written w = written("allied-svc", ReportFormat.HTML, "analyst");
    List<AuditRecord> recent = store.audit().recent(20);
    AuditRecord row =
        recent.stream()
            .filter(a -> a.event().action() == AuditAction.EXPORT)
            .filter(a -> a.event().target().equals("case:" + caseId))
            .filter(a -> a.event().detail().contains("html report for allied-svc"))
            .findFirst()
            .orElseThrow();
    for (String id : w.report().releasedStatements().subList(0, 3)) {
      assertThat(row.event().detail()).contains(id);
    }
  }

  @Test
  void aReportOfTooManyStatementsIsRefusedWithTheReason() {
    Cases.Outcome<CaseReports.Written> outcome =
        new CaseReports(store, Clock.systemUTC(), 3)
            .report(caseId, request("allied-svc", ReportFormat.PDF), actor("analyst"));
    assertThat(outcome).isInstanceOf(Cases.Refused.class);
    assertThat(((Cases.Refused<?>) outcome).message())
        .contains("at most 3 statements")
        .contains("choose some of the case's entities");
  }

  @Test
  void onlyAWriterOfTheCaseHandsItOverAndAStrangerLearnsNothing() {
    CaseReports reports = new CaseReports(store, Clock.systemUTC());
    Cases.Outcome<CaseReports.Written> member =
        reports.report(caseId, request("allied-svc", ReportFormat.HTML), actor("liaison"));
    assertThat(((Cases.Refused<?>) member).reason()).isEqualTo(Cases.Refusal.NOT_ALLOWED);
    Cases.Outcome<CaseReports.Written> stranger =
        reports.report(caseId, request("customs", ReportFormat.HTML), actor("customs-officer"));
    assertThat(((Cases.Refused<?>) stranger).reason()).isEqualTo(Cases.Refusal.UNKNOWN);
    assertThat(((Cases.Refused<?>) stranger).message()).isEqualTo("no case " + caseId);
  }

  private String html(String org) {
    return new String(written(org, ReportFormat.HTML, "analyst").bytes(), StandardCharsets.UTF_8);
  }

  private CaseReports.Written written(String org, ReportFormat format, String username) {
    Cases.Outcome<CaseReports.Written> outcome =
        new CaseReports(store, Clock.systemUTC())
            .report(caseId, request(org, format), actor(username));
    assertThat(outcome).isInstanceOf(Cases.Done.class);
    return ((Cases.Done<CaseReports.Written>) outcome).value();
  }

  private static CaseReports.Request request(String org, ReportFormat format) {
    return new CaseReports.Request(
        org,
        format,
        Optional.of(
            "The Zindashti network works for the ministry.\n\nIts leader was designated in 2024."),
        Tlp.GREEN,
        List.of());
  }

  private Cases.Actor actor(String username) {
    Viewer v = store.accounts().viewer(store.accounts().userByName(username).orElseThrow());
    return new Cases.Actor(v.userId(), v, "test");
  }

  private static String firstWords(CaseReport.Portion p) {
    String lead = p.lead();
    String words = lead.isEmpty() ? p.facts().get(0).text() : lead;
    words = oneLine(words);
    return words.length() > 12 ? words.substring(0, 12) : words;
  }

  /**
   * The text as one line, in compatibility form: the PDF sets "fi" as a ligature, and pdftotext
   * reads the ligature back.
   */
  private static String oneLine(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
      n++;
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

  private static int amberPixels(BufferedImage image) {
    int n = 0;
    for (int y = 0; y < image.getHeight() / 2; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r > 230 && g > 170 && g < 215 && b < 40) {
          n++;
        }
      }
    }
    return n;
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
