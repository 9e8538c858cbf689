/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ContentHandler;

class DocumentReaderTest {
  private static final String SENTENCE =
      "The network was led by Naji Ibrahim Sharifi-Zindashti on behalf of the ministry.";
  private static final DocumentReader READER = DocumentReader.create(IngestLimits.DEFAULT);

  @TempDir Path dir;

  @AfterAll
  static void closeReader() {
    READER.close();
  }

  @Test
  void plainTextIsReadWithItsLanguageAndHash() {
    byte[] bytes =
        (SENTENCE + " It was sanctioned in January 2024.").getBytes(StandardCharsets.UTF_8);
    ReadOutcome outcome = READER.read("note.txt", bytes);

    assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.READ);
    ReadDocument doc = outcome.expectDocument();
    assertThat(doc.text()).contains("Sharifi-Zindashti");
    assertThat(doc.mediaType()).startsWith("text/plain");
    assertThat(doc.language()).map(DetectedLanguage::code).hasValue("en");
    assertThat(doc.contentHash()).startsWith("sha256:").hasSize(7 + 64);
  }

  @Test
  void htmlGivesItsBodyTextAndTitle() {
    String html =
        "<html><head><title>MOIS sleeper cells</title></head><body><nav><a href='/'>Home</a></nav>"
            + "<p>"
            + SENTENCE
            + "</p><script>var tracking = 1;</script></body></html>";
    ReadDocument doc =
        READER.read("page.html", html.getBytes(StandardCharsets.UTF_8)).expectDocument();

    assertThat(doc.title()).hasValue("MOIS sleeper cells");
    assertThat(doc.text()).contains(SENTENCE).doesNotContain("tracking");
  }

  @Test
  void pdfGivesTextTitleAuthorAndCreationDate() throws IOException {
    byte[] pdf =
        pdf(
            SENTENCE,
            document -> {
              PDDocumentInformation info = document.getDocumentInformation();
              info.setTitle("Network report");
              info.setAuthor("Analyst One");
              Calendar created =
                  new GregorianCalendar(TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT);
              created.clear();
              created.set(2024, Calendar.JANUARY, 29, 12, 0);
              info.setCreationDate(created);
            });
    ReadOutcome outcome = READER.read("report.pdf", pdf);

    assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.READ);
    ReadDocument doc = outcome.expectDocument();
    assertThat(doc.mediaType()).isEqualTo("application/pdf");
    assertThat(doc.text()).contains("Sharifi-Zindashti");
    assertThat(doc.title()).hasValue("Network report");
    assertThat(doc.author()).hasValue("Analyst One");
    assertThat(doc.created()).map(Object::toString).hasValue("2024-01-29");
  }

  @Test
  void encryptedPdfIsRecordedAsEncrypted() throws IOException {
    byte[] pdf =
        pdf(
            SENTENCE,
            document -> {
              StandardProtectionPolicy policy =
                  new StandardProtectionPolicy(
                      "owner-secret", "user-secret", new AccessPermission());
              policy.setEncryptionKeyLength(128);
              document.protect(policy);
            });
    ReadOutcome outcome = READER.read("locked.pdf", pdf);

    assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.ENCRYPTED);
    assertThat(outcome.document()).isEmpty();
    assertThat(outcome.reason()).contains("encrypted");
  }

  @Test
  void corruptPdfIsRecordedAsCorrupt() throws IOException {
    byte[] pdf = pdf(SENTENCE, document -> {});
    byte[] broken = new byte[pdf.length / 3];
    System.arraycopy(pdf, 0, broken, 0, broken.length);
    for (int i = 200; i < broken.length; i += 7) {
      broken[i] = (byte) 0xff;
    }
    ReadOutcome outcome = READER.read("broken.pdf", broken);

    assertThat(outcome.status()).as(outcome.reason()).isIn(ReadStatus.CORRUPT, ReadStatus.EMPTY);
    assertThat(outcome.reason()).isNotBlank();
  }

  @Test
  void docxGivesParagraphsAndCoreProperties() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument docx = new XWPFDocument()) {
      docx.createParagraph().createRun().setText(SENTENCE);
      docx.createParagraph()
          .createRun()
          .setText("Esmaeil Khatib has been Minister of Intelligence.");
      docx.getProperties().getCoreProperties().setTitle("Briefing");
      docx.getProperties().getCoreProperties().setCreator("Desk Officer");
      docx.write(out);
    }
    ReadDocument doc = READER.read("briefing.docx", out.toByteArray()).expectDocument();

    assertThat(doc.mediaType()).contains("wordprocessingml");
    assertThat(doc.text()).contains("Sharifi-Zindashti").contains("Esmaeil Khatib");
    assertThat(doc.title()).hasValue("Briefing");
    assertThat(doc.author()).hasValue("Desk Officer");
  }

  @Test
  void odtIsRead() throws IOException {
    String content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<office:document-content"
            + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
            + "<office:body><office:text><text:p>"
            + SENTENCE
            + "</text:p></office:text></office:body></office:document-content>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry mimetype = new ZipEntry("mimetype");
      zip.putNextEntry(mimetype);
      zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    ReadDocument doc = READER.read("note.odt", out.toByteArray()).expectDocument();

    assertThat(doc.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(doc.text()).contains("Sharifi-Zindashti");
  }

  @Test
  void rtfIsRead() {
    String rtf = "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 " + SENTENCE + "\\par }";
    ReadDocument doc =
        READER.read("note.rtf", rtf.getBytes(StandardCharsets.US_ASCII)).expectDocument();

    assertThat(doc.mediaType()).isEqualTo("application/rtf");
    assertThat(doc.text()).contains("Sharifi-Zindashti");
  }

  @Test
  void emailGivesBodySubjectAndSender() {
    String eml =
        "From: Desk Officer <desk@example.org>\r\n"
            + "To: analysts@example.org\r\n"
            + "Subject: Network designation\r\n"
            + "Date: Mon, 29 Jan 2024 10:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + SENTENCE
            + "\r\n";
    ReadDocument doc =
        READER.read("tip.eml", eml.getBytes(StandardCharsets.UTF_8)).expectDocument();

    assertThat(doc.mediaType()).isEqualTo("message/rfc822");
    assertThat(doc.text()).contains("Sharifi-Zindashti");
    assertThat(doc.title()).hasValue("Network designation");
    assertThat(doc.author()).hasValueSatisfying(a -> assertThat(a).contains("Desk Officer"));
    assertThat(doc.created()).map(Object::toString).hasValue("2024-01-29");
  }

  @Test
  void textInALegacyEncodingIsDecoded() {
    String text =
        "Le réseau était dirigé par un trafiquant. Les sanctions ont été annoncées à Londres et "
            + "à Washington, et le ministère a nié toute implication dans les opérations.";
    byte[] latin1 = text.getBytes(Charset.forName("windows-1252"));
    ReadDocument doc = READER.read("note.txt", latin1).expectDocument();

    assertThat(doc.text()).contains("dirigé").contains("annoncées");
    assertThat(doc.language()).map(DetectedLanguage::code).hasValue("fr");
  }

  @Test
  void textInAnEncodingNoDetectorKnowsIsRecordedAsUnreadable() {
    // ASCII shifted up by 0x60: a byte code no detector knows; decoded under the best guess it
    // comes out as Cyrillic letters between box-drawing symbols.
    byte[] shifted = (SENTENCE + " " + SENTENCE).getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] = (byte) (shifted[i] + 0x60);
    }
    ReadOutcome outcome = READER.read("shifted.txt", shifted);

    assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.UNREADABLE);
    assertThat(outcome.reason()).contains("unknown encoding");
  }

  @Test
  void emojiAndBulletsInRealTextDoNotMakeItUnreadable() {
    String text = "\u2022 " + SENTENCE + " \uD83D\uDEA8 " + SENTENCE;
    ReadOutcome outcome = READER.read("note.txt", text.getBytes(StandardCharsets.UTF_8));

    assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.READ);
  }

  @Test
  void emptyFileIsRecordedAsEmpty() {
    ReadOutcome outcome = READER.read("empty.txt", new byte[0]);

    assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.EMPTY);
  }

  @Test
  void binaryJunkIsRecordedNotRead() {
    byte[] junk = new byte[20_000];
    new SplittableRandom(7).nextBytes(junk);
    ReadOutcome outcome = READER.read("junk.bin", junk);

    assertThat(outcome.status())
        .as(outcome.reason())
        .isIn(ReadStatus.UNSUPPORTED, ReadStatus.UNREADABLE);
    assertThat(outcome.document()).isEmpty();
  }

  @Test
  void fileOverTheSizeLimitIsRejectedUnread() throws IOException {
    Path big = dir.resolve("big.txt");
    Files.write(big, new byte[4096]);
    try (DocumentReader small = DocumentReader.create(IngestLimits.DEFAULT.withMaxBytes(1024))) {
      ReadOutcome outcome = small.read(big);

      assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.TOO_LARGE);
      assertThat(outcome.reason()).contains("4096").contains("1024");
    }
  }

  @Test
  void uploadOverTheSizeLimitIsRejected() {
    try (DocumentReader small = DocumentReader.create(IngestLimits.DEFAULT.withMaxBytes(1024))) {
      ReadOutcome outcome =
          small.read("upload.txt", new java.io.ByteArrayInputStream(new byte[5000]));

      assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.TOO_LARGE);
    }
  }

  @Test
  void textBeyondTheCharLimitIsTruncatedAndKept() {
    String text = (SENTENCE + "\n").repeat(100);
    try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT.withMaxChars(500))) {
      ReadOutcome outcome = reader.read("long.txt", text.getBytes(StandardCharsets.UTF_8));

      assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.TRUNCATED);
      assertThat(outcome.expectDocument().text().length()).isLessThanOrEqualTo(500);
    }
  }

  @Test
  void zipBombIsRecognised() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("bomb.txt"));
      byte[] block = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      block[0] = 'a';
      for (int i = 0; i < 30; i++) {
        zip.write(block);
      }
      zip.closeEntry();
    }
    ReadOutcome outcome = READER.read("archive.zip", out.toByteArray());

    assertThat(outcome.status())
        .as(outcome.reason())
        .isIn(ReadStatus.ZIP_BOMB, ReadStatus.TRUNCATED);
    assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.ZIP_BOMB);
  }

  @Test
  void parseThatOverrunsItsTimeLimitIsAbandoned() {
    try (DocumentReader reader =
        new DocumentReader(
            IngestLimits.DEFAULT.withParseTimeout(Duration.ofMillis(50)), new StuckParser())) {
      ReadOutcome outcome = reader.read("slow.txt", SENTENCE.getBytes(StandardCharsets.UTF_8));

      assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.TIMED_OUT);
    }
  }

  @Test
  void missingFileIsReportedAsNotOpenedNeverAsCorrupt() {
    ReadOutcome outcome = READER.read(dir.resolve("not-there.pdf"));

    assertThat(outcome.status()).isEqualTo(ReadStatus.NOT_OPENED);
    assertThat(outcome.reason()).startsWith("no such file: ").contains("not-there.pdf");
  }

  @Test
  void windowsProgramIsUnsupportedRatherThanAnEmptyDocument() {
    // A DOS stub header as every .exe starts with; Tika names it a program and finds no text.
    byte[] program = new byte[1024];
    program[0] = 'M';
    program[1] = 'Z';
    program[0x3c] = (byte) 0x80;
    program[0x80] = 'P';
    program[0x81] = 'E';

    ReadOutcome outcome = READER.read("setup.exe", program);

    assertThat(outcome.status()).as(outcome.reason()).isEqualTo(ReadStatus.UNSUPPORTED);
    assertThat(outcome.reason()).contains("program");
  }

  @Test
  void batchGoesOnPastBadFiles() throws IOException {
    Path good = Files.writeString(dir.resolve("a.txt"), SENTENCE, StandardCharsets.UTF_8);
    Path empty = Files.write(dir.resolve("b.txt"), new byte[0]);
    Path missing = dir.resolve("c.txt");
    Path alsoGood = Files.writeString(dir.resolve("d.txt"), SENTENCE, StandardCharsets.UTF_8);

    List<ReadOutcome> outcomes = READER.readAll(List.of(good, empty, missing, alsoGood));

    assertThat(outcomes)
        .extracting(ReadOutcome::status)
        .containsExactly(ReadStatus.READ, ReadStatus.EMPTY, ReadStatus.NOT_OPENED, ReadStatus.READ);
    assertThat(outcomes)
        .extracting(ReadOutcome::name)
        .containsExactly("a.txt", "b.txt", "c.txt", "d.txt");
  }

  private interface PdfSetup {
    void apply(PDDocument document) throws IOException;
  }

  private static byte[] pdf(String text, PdfSetup setup) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        content.newLineAtOffset(40, 700);
        content.showText(text);
        content.endText();
      }
      setup.apply(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  /** A parser that never finishes until it is interrupted. */
  private static final class StuckParser implements Parser {
    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
      return Set.of(MediaType.TEXT_PLAIN);
    }

    @Override
    public void parse(
        InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
        throws IOException {
      try {
        new java.util.concurrent.CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }
}
