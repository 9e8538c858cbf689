/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.ingest.ReadOutcome;

/**
 * The cleaner with Debian's mat2, checked by Debian's exiftool: a corpus of JPEG, PNG, PDF, DOCX
 * and ODT files carrying a tipster's location, camera, name and revision history goes in, and no
 * GPS, Artist, Model, Author or Creator tag comes out of any working copy.
 */
class AttachmentCleaningIT {
  private static final Path MAT2 = Path.of("/usr/bin/mat2");
  private static final Path EXIFTOOL = Path.of("/usr/bin/exiftool");

  /** The tags issue 18 names, and their kin that also name a person, a device or a place. */
  private static final Pattern IDENTIFYING_TAG =
      Pattern.compile(
          "(?i)gps.*|artist|model|make|author|creator|creatortool|initialcreator|lastmodifiedby"
              + "|producer|software|company|revisionnumber|editingcycles|generator");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @BeforeAll
  static void debianToolsAreInstalled() {
    assertThat(MAT2).as("apt-get install mat2 (see .ci/run)").isExecutable();
    assertThat(EXIFTOOL).as("apt-get install libimage-exiftool-perl (see .ci/run)").isExecutable();
  }

  @AfterEach
  void everyPrivateDirectoryIsWiped() throws IOException {
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith("vigil-attachment-")))
          .isEmpty();
    }
  }

  private Map<AttachmentType, byte[]> corpus() {
    Map<AttachmentType, byte[]> corpus = new LinkedHashMap<>();
    corpus.put(
        AttachmentType.JPEG,
        AttachmentFixtures.withMetadata(
            AttachmentFixtures.jpeg(160, 120, 11), AttachmentType.JPEG, work));
    corpus.put(
        AttachmentType.PNG,
        AttachmentFixtures.withMetadata(
            AttachmentFixtures.png(160, 120, 12), AttachmentType.PNG, work));
    corpus.put(
        AttachmentType.PDF,
        AttachmentFixtures.withMetadata(AttachmentFixtures.pdf(), AttachmentType.PDF, work));
    corpus.put(AttachmentType.DOCX, AttachmentFixtures.docx());
    corpus.put(AttachmentType.ODT, AttachmentFixtures.odt());
    return corpus;
  }

  private CleanerSettings settings() {
    return CleanerSettings.DEFAULT.withWorkRoot(work);
  }

  private CleaningResult.Cleaned clean(
      AttachmentCleaner cleaner, AttachmentType type, byte[] file) {
    CleaningResult result =
        cleaner.clean(
            Optional.of("tip-upload." + type.extension()), new ByteArrayInputStream(file));
    if (result instanceof CleaningResult.Refused refused) {
      throw new AssertionError(type + " refused: " + refused.code() + ", " + refused.message());
    }
    return (CleaningResult.Cleaned) result;
  }

  /** exiftool's reading of a file: every tag, each group, as "Group:Tag" → value. */
  private Map<String, String> exiftoolTags(byte[] file, String name) throws IOException {
    Path path = work.resolve(name);
    Files.write(path, file);
    String json = AttachmentFixtures.exiftool("-json", "-a", "-G1", "-n", path.toString());
    Files.delete(path);
    Map<String, String> tags = new LinkedHashMap<>();
    JsonNode object = JSON.readTree(json).get(0);
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      tags.put(field.getKey(), field.getValue().asText());
    }
    return tags;
  }

  private static Set<String> identifying(Map<String, String> tags) {
    Set<String> found = new TreeSet<>();
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      // exiftool names ODF tags as the XML does: "Initial-creator", "Editing-cycles".
      String name = tag.getKey().substring(tag.getKey().indexOf(':') + 1).replace("-", "");
      if (IDENTIFYING_TAG.matcher(name).matches()) {
        found.add(tag.getKey() + "=" + tag.getValue());
      }
    }
    return found;
  }

  @Test
  void theCorpusCarriesTheTipstersLocationCameraNameAndRevisions() throws IOException {
    Map<AttachmentType, byte[]> corpus = corpus();

    for (AttachmentType type : List.of(AttachmentType.JPEG, AttachmentType.PNG)) {
      Set<String> tags =
          identifying(exiftoolTags(corpus.get(type), "original." + type.extension()));
      assertThat(String.join("\n", tags))
          .as(type.name())
          .contains("GPSLatitude=35.6892")
          .contains("Artist=" + AttachmentFixtures.AUTHOR)
          .contains("Model=" + AttachmentFixtures.CAMERA);
    }
    assertThat(
            String.join("\n", identifying(exiftoolTags(corpus.get(AttachmentType.PDF), "o.pdf"))))
        .contains("PDF:Author=" + AttachmentFixtures.AUTHOR)
        .contains("PDF:Creator=")
        .contains("PDF:Producer=")
        .contains("XMP-dc:Creator=" + AttachmentFixtures.AUTHOR);
    assertThat(
            String.join("\n", identifying(exiftoolTags(corpus.get(AttachmentType.DOCX), "o.docx"))))
        .contains("Creator=" + AttachmentFixtures.AUTHOR)
        .contains("LastModifiedBy=" + AttachmentFixtures.AUTHOR)
        .contains("RevisionNumber=7");
    assertThat(
            String.join("\n", identifying(exiftoolTags(corpus.get(AttachmentType.ODT), "o.odt"))))
        .contains("Initial-creator=" + AttachmentFixtures.AUTHOR)
        .contains("Creator=" + AttachmentFixtures.AUTHOR)
        .contains("Editing-cycles=9");
  }

  @Test
  void exiftoolFindsNoIdentifyingTagInAnyWorkingCopy() throws IOException {
    AttachmentCleaner cleaner = AttachmentCleaner.create(settings());
    List<String> left = new ArrayList<>();

    for (Map.Entry<AttachmentType, byte[]> file : corpus().entrySet()) {
      CleaningResult.Cleaned cleaned = clean(cleaner, file.getKey(), file.getValue());
      assertThat(cleaned.type()).isEqualTo(file.getKey());
      assertThat(cleaned.workingCopyName()).isEqualTo("attachment." + file.getKey().extension());
      Map<String, String> tags = exiftoolTags(cleaned.workingCopy(), cleaned.workingCopyName());
      for (String tag : identifying(tags)) {
        left.add(file.getKey() + " " + tag);
      }
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        if (tag.getValue().contains("Parisa") || tag.getValue().contains("Pixel")) {
          left.add(file.getKey() + " " + tag.getKey() + "=" + tag.getValue());
        }
      }
    }

    assertThat(left).isEmpty();
  }

  @Test
  void noPartOfACleanedDocxOrOdtNamesTheAuthorOfATrackedChange() throws IOException {
    AttachmentCleaner cleaner = AttachmentCleaner.create(settings());

    for (AttachmentType type : List.of(AttachmentType.DOCX, AttachmentType.ODT)) {
      byte[] original =
          type == AttachmentType.DOCX ? AttachmentFixtures.docx() : AttachmentFixtures.odt();
      assertThat(unpackedText(original)).contains(AttachmentFixtures.AUTHOR);

      CleaningResult.Cleaned cleaned = clean(cleaner, type, original);

      assertThat(unpackedText(cleaned.workingCopy()))
          .as(type.name())
          .doesNotContain(AttachmentFixtures.AUTHOR)
          .doesNotContain("Ministry Contractor");
    }
  }

  @Test
  void theOriginalComesBackUntouchedForSealing() {
    AttachmentCleaner cleaner = AttachmentCleaner.create(settings());

    for (Map.Entry<AttachmentType, byte[]> file : corpus().entrySet()) {
      CleaningResult.Cleaned cleaned = clean(cleaner, file.getKey(), file.getValue());

      assertThat(cleaned.original().bytes()).isEqualTo(file.getValue());
      assertThat(cleaned.workingCopy()).isNotEqualTo(file.getValue());
    }
  }

  @Test
  void theWorkingCopiesOfDocumentsStillReadThroughTheDocumentReadersLimits() {
    AttachmentCleaner cleaner = AttachmentCleaner.create(settings());

    try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
      for (AttachmentType type :
          List.of(AttachmentType.PDF, AttachmentType.DOCX, AttachmentType.ODT)) {
        CleaningResult.Cleaned cleaned = clean(cleaner, type, corpus().get(type));

        ReadOutcome read = reader.read(cleaned.workingCopyName(), cleaned.workingCopy());

        assertThat(read.status().hasText()).as(type + ": " + read.reason()).isTrue();
        assertThat(read.expectDocument().text()).contains("Ferry Road");
      }
    }
  }

  @Test
  void aPdfHoldingAGeotaggedPhotoIsRedrawnSoThePhotosExifGoesToo() {
    byte[] photo =
        AttachmentFixtures.withMetadata(
            AttachmentFixtures.jpeg(160, 120, 16), AttachmentType.JPEG, work);
    byte[] pdf = AttachmentFixtures.pdf(List.of(photo), false);
    assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains(AttachmentFixtures.CAMERA);

    CleaningResult.Cleaned cleaned =
        clean(AttachmentCleaner.create(settings()), AttachmentType.PDF, pdf);

    assertThat(new String(cleaned.workingCopy(), StandardCharsets.ISO_8859_1))
        .doesNotContain(AttachmentFixtures.CAMERA)
        .doesNotContain(AttachmentFixtures.AUTHOR)
        .doesNotContain("Exif\0\0");
  }

  @Test
  void plainTextIsPassedThroughMat2Unchanged() {
    byte[] text = "Two trucks left at 02:00.\nقاسم سلیمانی\n".getBytes(StandardCharsets.UTF_8);

    CleaningResult.Cleaned cleaned =
        clean(AttachmentCleaner.create(settings()), AttachmentType.TEXT, text);

    assertThat(cleaned.workingCopyName()).isEqualTo("attachment.txt");
    assertThat(new String(cleaned.workingCopy(), StandardCharsets.UTF_8)).contains("قاسم سلیمانی");
  }

  @Test
  void mat2IsRunUnderTheReplacedNameInAPrivateDirectoryWithAnEnvironmentOfItsOwn()
      throws IOException {
    Path record = work.resolve("record.txt");
    Path fake =
        fakeMat2(
            "pwd > "
                + record
                + "; ls -ld . >> "
                + record
                + "; env >> "
                + record
                + "; for a; do f=$a; done; echo \"arg=$f\" >> "
                + record
                + "; cp \"$f\" \"${f%.*}.cleaned.${f##*.}\"");
    AttachmentCleaner cleaner = AttachmentCleaner.create(settings().withMat2(fake));

    CleaningResult result =
        cleaner.clean(
            Optional.of("Parisa at home.png"),
            new ByteArrayInputStream(AttachmentFixtures.png(8, 8, 13)));

    assertThat(result).isInstanceOf(CleaningResult.Cleaned.class);
    String seen = Files.readString(record);
    assertThat(seen)
        .contains("arg=attachment.png")
        .contains("drwx------")
        .contains("vigil-attachment-")
        .doesNotContain("Parisa")
        .doesNotContain("JAVA_HOME")
        .doesNotContain("MAVEN");
  }

  @Test
  void mat2RunningPastTheTimeLimitIsStoppedAndTheFileRefused() throws IOException {
    Path fake = fakeMat2("sleep 120");
    AttachmentCleaner cleaner =
        AttachmentCleaner.create(
            settings().withMat2(fake).withCleaningTimeout(Duration.ofSeconds(2)));

    CleaningResult result =
        cleaner.clean(
            Optional.of("photo.jpg"), new ByteArrayInputStream(AttachmentFixtures.jpeg(8, 8, 14)));

    CleaningResult.Refused refused = (CleaningResult.Refused) result;
    assertThat(refused.code()).isEqualTo(RefusalCode.CLEANING_TIMED_OUT);
    assertThat(refused.message()).contains("took longer than 2 seconds");
    assertThat(refused.checked()).isPresent();
  }

  @Test
  void aFailingMat2LeavesNoWorkingCopy() throws IOException {
    AttachmentCleaner cleaner = AttachmentCleaner.create(settings().withMat2(fakeMat2("exit 3")));

    CleaningResult result =
        cleaner.clean(Optional.empty(), new ByteArrayInputStream(AttachmentFixtures.pdf()));

    CleaningResult.Refused refused = (CleaningResult.Refused) result;
    assertThat(refused.code()).isEqualTo(RefusalCode.CLEANING_FAILED);
    assertThat(refused.message()).contains("status 3");
    assertThat(refused.checked().orElseThrow().type()).isEqualTo(AttachmentType.PDF);
  }

  @Test
  void aWorkingCopyOfAnotherKindThanTheOriginalIsNotTrusted() throws IOException {
    Path fake =
        fakeMat2("for a; do f=$a; done; echo '<script>x</script>' > \"${f%.*}.cleaned.${f##*.}\"");
    AttachmentCleaner cleaner = AttachmentCleaner.create(settings().withMat2(fake));

    CleaningResult result =
        cleaner.clean(
            Optional.of("photo.jpg"), new ByteArrayInputStream(AttachmentFixtures.jpeg(8, 8, 15)));

    assertThat(((CleaningResult.Refused) result).code()).isEqualTo(RefusalCode.CLEANING_FAILED);
  }

  @Test
  void atMostOneCleaningPerProcessorRunsAtOnceAndTheRestWaitTheirTurn() throws Exception {
    Path running = Files.createDirectories(work.resolve("running"));
    Path seen = work.resolve("seen.txt");
    // each stand-in marks itself running, writes how many are, works a second, and unmarks
    Path fake =
        fakeMat2(
            "m="
                + running
                + "/$$; touch $m; ls "
                + running
                + " | wc -l >> "
                + seen
                + "; sleep 1; rm $m; for a; do f=$a; done; cp \"$f\" \"${f%.*}.cleaned.${f##*.}\"");
    AttachmentCleaner cleaner = AttachmentCleaner.create(settings().withMat2(fake));
    int files = AttachmentCleaner.MAX_CONCURRENT + 3;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(files);
    try {
      List<java.util.concurrent.Future<CleaningResult>> results = new java.util.ArrayList<>();
      for (int i = 0; i < files; i++) {
        byte[] png = AttachmentFixtures.png(8, 8, 40 + i);
        results.add(
            pool.submit(
                () -> cleaner.clean(Optional.of("photo.png"), new ByteArrayInputStream(png))));
      }
      for (java.util.concurrent.Future<CleaningResult> r : results) {
        assertThat(r.get()).isInstanceOf(CleaningResult.Cleaned.class);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Integer> counts =
        Files.readAllLines(seen).stream().map(String::strip).map(Integer::parseInt).toList();
    assertThat(counts).hasSize(files).allMatch(c -> c <= AttachmentCleaner.MAX_CONCURRENT);
  }

  /** A hand-written stand-in for mat2: a shell script with this body, outside the work root. */
  private Path fakeMat2(String body) throws IOException {
    Path bin = Files.createTempDirectory("fake-mat2-");
    Path script = bin.resolve("mat2");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    script.toFile().deleteOnExit();
    bin.toFile().deleteOnExit();
    return script;
  }

  private static String unpackedText(byte[] zip) throws IOException {
    StringBuilder text = new StringBuilder();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        text.append(entry.getName()).append('\n');
        text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      }
    }
    return text.toString();
  }
}
