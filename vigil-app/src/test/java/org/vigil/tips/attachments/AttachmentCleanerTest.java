/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks an attachment meets before mat2 sees it. mat2 is pointed at a path where it is not, so
 * a file that passes every check comes back refused as {@code CLEANER_UNAVAILABLE} with its checked
 * original: that is how these tests see a file pass.
 */
class AttachmentCleanerTest {
  private static final long TWO_GB = 2L * 1024 * 1024 * 1024;

  @TempDir Path work;

  private CleanerSettings settings() {
    return CleanerSettings.DEFAULT.withWorkRoot(work).withMat2(work.resolve("no-mat2-here"));
  }

  private CleaningResult clean(String name, byte[] content) {
    return AttachmentCleaner.create(settings())
        .clean(Optional.of(name), new ByteArrayInputStream(content));
  }

  @AfterEach
  void everyPrivateDirectoryIsWiped() throws IOException {
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith("vigil-attachment-")))
          .isEmpty();
    }
  }

  private static void assertRefused(CleaningResult result, RefusalCode code, String advice) {
    assertThat(result).isInstanceOf(CleaningResult.Refused.class);
    CleaningResult.Refused refused = (CleaningResult.Refused) result;
    assertThat(refused.code()).isEqualTo(code);
    assertThat(refused.message()).contains(advice);
    assertThat(refused.checked()).isEmpty();
  }

  private static CleaningResult.CheckedOriginal assertPassedChecks(
      CleaningResult result, AttachmentType type) {
    assertThat(result).isInstanceOf(CleaningResult.Refused.class);
    CleaningResult.Refused refused = (CleaningResult.Refused) result;
    assertThat(refused.code()).as(refused.message()).isEqualTo(RefusalCode.CLEANER_UNAVAILABLE);
    assertThat(refused.checked()).isPresent();
    assertThat(refused.checked().get().type()).isEqualTo(type);
    return refused.checked().get();
  }

  @Test
  void eachAcceptedTypeIsToldFromItsBytesAndComesBackUnchanged() {
    byte[] jpeg = AttachmentFixtures.jpeg(32, 24, 1);
    byte[] png = AttachmentFixtures.png(32, 24, 2);
    byte[] pdf = AttachmentFixtures.pdf();
    byte[] docx = AttachmentFixtures.docx();
    byte[] odt = AttachmentFixtures.odt();
    byte[] text = "Two trucks left at 02:00.\nقاسم سلیمانی\n".getBytes(StandardCharsets.UTF_8);

    assertThat(assertPassedChecks(clean("IMG_2041.JPG", jpeg), AttachmentType.JPEG).bytes())
        .isEqualTo(jpeg);
    assertThat(assertPassedChecks(clean("screen.png", png), AttachmentType.PNG).bytes())
        .isEqualTo(png);
    assertThat(assertPassedChecks(clean("report.pdf", pdf), AttachmentType.PDF).bytes())
        .isEqualTo(pdf);
    assertThat(assertPassedChecks(clean("notes.docx", docx), AttachmentType.DOCX).bytes())
        .isEqualTo(docx);
    assertThat(assertPassedChecks(clean("notes.odt", odt), AttachmentType.ODT).bytes())
        .isEqualTo(odt);
    assertThat(assertPassedChecks(clean("tip.txt", text), AttachmentType.TEXT).bytes())
        .isEqualTo(text);
  }

  @Test
  void aFileWithoutAnExtensionIsTakenForWhatItsBytesAre() {
    assertPassedChecks(clean("photo", AttachmentFixtures.jpeg(16, 16, 3)), AttachmentType.JPEG);
  }

  @Test
  void missingMat2RefusesToMakeAWorkingCopyAndSaysWhy() {
    AttachmentCleaner cleaner = AttachmentCleaner.create(settings());

    assertThat(cleaner.unavailableReason()).get().asString().contains("mat2 is not installed");
    CleaningResult.Refused refused =
        (CleaningResult.Refused) clean("report.pdf", AttachmentFixtures.pdf());
    assertThat(refused.code().tipsterCanFix()).isFalse();
    assertThat(refused.message()).contains("cannot remove the hidden details");
  }

  @Test
  void anEmptyFileIsRefused() {
    assertRefused(clean("photo.jpg", new byte[0]), RefusalCode.EMPTY, "The file is empty");
  }

  @Test
  void aTwoGigabyteUploadIsRefusedAfterReadingJustPastTheCap() {
    CountingZeros upload = new CountingZeros(TWO_GB);

    CleaningResult result =
        AttachmentCleaner.create(settings()).clean(Optional.of("video.pdf"), upload);

    assertRefused(result, RefusalCode.TOO_LARGE, "larger than the limit of 32 MB");
    assertThat(upload.read).isEqualTo(settings().maxBytes() + 1);
  }

  @Test
  void aTwoGigabyteFileIsRefusedWithoutBeingRead() throws IOException {
    Path huge = work.resolve("huge.pdf");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(TWO_GB); // sparse: no disk is written
    }

    assertRefused(
        AttachmentCleaner.create(settings()).clean(huge),
        RefusalCode.TOO_LARGE,
        "Send a smaller file");
    Files.delete(huge);
  }

  @Test
  void theSizeCapIsConfigurable() {
    AttachmentCleaner small = AttachmentCleaner.create(settings().withMaxBytes(1000));

    byte[] photo = AttachmentFixtures.jpeg(64, 64, 7);
    assertThat(photo.length).isGreaterThan(1000);

    CleaningResult result = small.clean(Optional.empty(), new ByteArrayInputStream(photo));

    assertRefused(result, RefusalCode.TOO_LARGE, "limit of 1000 bytes");
  }

  @Test
  void aPngStatingAHugePictureIsRefusedBeforeAnythingDecodesIt() {
    byte[] png = AttachmentFixtures.png(16, 16, 8);
    java.nio.ByteBuffer.wrap(png, 16, 8).putInt(100_000).putInt(100_000);

    assertRefused(
        clean("photo.png", png), RefusalCode.TOO_LARGE, "100000 by 100000 pixels, more than");
  }

  @Test
  void aJpegStatingAHugePictureIsRefusedBeforeAnythingDecodesIt() {
    byte[] jpeg = AttachmentFixtures.jpeg(16, 16, 9);
    int frame = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC0});
    java.nio.ByteBuffer.wrap(jpeg, frame + 5, 4).putShort((short) 0xFFFF).putShort((short) 0xFFFF);

    assertRefused(clean("photo.jpg", jpeg), RefusalCode.TOO_LARGE, "65535 by 65535 pixels");
  }

  @Test
  void aJpegWithoutAFrameHeaderIsRefusedAsDamaged() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9, 0, 0, 0, 0};

    CleaningResult result = clean("photo.jpg", jpeg);

    assertThat(result).isInstanceOf(CleaningResult.Refused.class);
    assertThat(((CleaningResult.Refused) result).code())
        .isIn(RefusalCode.DAMAGED, RefusalCode.UNSUPPORTED_TYPE);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }

  @Test
  void aDocxThatInflatesAThousandfoldIsRefusedAsAZipBomb() {
    byte[] bomb =
        docxWith(new AttachmentFixtures.Part("word/media/zeros.bin", new byte[20 * 1024 * 1024]));

    assertRefused(clean("notes.docx", bomb), RefusalCode.ZIP_BOMB, "zip bombs");
  }

  @Test
  void anOdtWhosePartsTogetherInflatePastTheCapIsRefused() {
    AttachmentCleaner cleaner =
        AttachmentCleaner.create(settings().withZipLimits(200_000, 100, 10_000));
    List<AttachmentFixtures.Part> parts = new ArrayList<>();
    parts.add(new AttachmentFixtures.Part("mimetype", AttachmentType.ODT.mediaType()));
    for (int i = 0; i < 8; i++) {
      parts.add(new AttachmentFixtures.Part("Pictures/" + i + ".bin", new byte[50_000]));
    }

    CleaningResult result =
        cleaner.clean(
            Optional.of("notes.odt"),
            new ByteArrayInputStream(AttachmentFixtures.zip(parts, true)));

    assertRefused(result, RefusalCode.ZIP_BOMB, "more than 200000 bytes");
  }

  @Test
  void aDocxWithTooManyPartsIsRefused() {
    AttachmentCleaner cleaner =
        AttachmentCleaner.create(settings().withZipLimits(1 << 28, 100, 50));
    List<AttachmentFixtures.Part> parts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      parts.add(new AttachmentFixtures.Part("customXml/item" + i + ".xml", "<a/>"));
    }

    CleaningResult result =
        cleaner.clean(
            Optional.of("notes.docx"),
            new ByteArrayInputStream(docxWith(parts.toArray(new AttachmentFixtures.Part[0]))));

    assertRefused(result, RefusalCode.ZIP_BOMB, "more than the 50 allowed");
  }

  @Test
  void anEncryptedPdfIsRefusedWithAdviceToRemoveThePassword() {
    byte[] encrypted = AttachmentFixtures.pdf(List.of(), true);

    assertRefused(
        clean("report.pdf", encrypted), RefusalCode.ENCRYPTED, "Save it without a password");
  }

  @Test
  void aPasswordProtectedOdtIsRefused() {
    List<AttachmentFixtures.Part> parts = new ArrayList<>();
    parts.add(new AttachmentFixtures.Part("mimetype", AttachmentType.ODT.mediaType()));
    parts.add(
        new AttachmentFixtures.Part(
            "META-INF/manifest.xml",
            "<manifest:manifest"
                + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                + "<manifest:file-entry manifest:full-path=\"content.xml\""
                + " manifest:media-type=\"text/xml\"><manifest:encryption-data"
                + " manifest:checksum-type=\"SHA1/1K\"/></manifest:file-entry>"
                + "</manifest:manifest>"));
    parts.add(new AttachmentFixtures.Part("content.xml", new byte[] {1, 2, 3, 4}));

    assertRefused(
        clean("notes.odt", AttachmentFixtures.zip(parts, true)),
        RefusalCode.ENCRYPTED,
        "protected with a password");
  }

  @Test
  void aPhotoWithAZipArchiveAppendedIsRefusedAsAPolyglot() {
    byte[] polyglot =
        concat(
            AttachmentFixtures.jpeg(32, 24, 4),
            AttachmentFixtures.zip(
                List.of(new AttachmentFixtures.Part("run.sh", "#!/bin/sh\necho owned\n")), false));

    assertRefused(
        clean("photo.jpg", polyglot), RefusalCode.AMBIGUOUS_TYPE, "and also a ZIP archive");
  }

  @Test
  void aPdfThatIsAlsoAWebPageIsRefusedAsAPolyglot() {
    byte[] pdf = AttachmentFixtures.pdf();
    byte[] polyglot =
        concat(
            "%PDF-1.4\n%<html><script>fetch('//evil.example')</script>\n"
                .getBytes(StandardCharsets.ISO_8859_1),
            java.util.Arrays.copyOfRange(pdf, 9, pdf.length));

    assertRefused(
        clean("report.pdf", polyglot), RefusalCode.AMBIGUOUS_TYPE, "a web page or script");
  }

  @Test
  void aTextFileCarryingAPdfIsRefusedAsAPolyglot() {
    byte[] polyglot =
        concat("Meeting notes\n".getBytes(StandardCharsets.US_ASCII), AttachmentFixtures.pdf());

    CleaningResult result = clean("notes.txt", polyglot);

    assertThat(result).isInstanceOf(CleaningResult.Refused.class);
    assertThat(((CleaningResult.Refused) result).code())
        .isIn(RefusalCode.AMBIGUOUS_TYPE, RefusalCode.UNSUPPORTED_TYPE);
  }

  @Test
  void aPngNamedAsAPdfIsRefusedWithTheRightExtensionToUse() {
    assertRefused(
        clean("report.pdf", AttachmentFixtures.png(16, 16, 5)),
        RefusalCode.EXTENSION_MISMATCH,
        "ends in .pdf, but the file is a PNG image");
  }

  @Test
  void aPdfNamedAsAPhotoIsRefused() {
    assertRefused(
        clean("holiday.jpg", AttachmentFixtures.pdf()),
        RefusalCode.EXTENSION_MISMATCH,
        "rename it to end in .pdf");
  }

  @Test
  void aDocxNamedAsAnOdtIsRefused() {
    assertRefused(
        clean("notes.odt", AttachmentFixtures.docx()),
        RefusalCode.EXTENSION_MISMATCH,
        "Word (DOCX) document");
  }

  @Test
  void aProgramIsRefusedWhateverItIsCalled() {
    byte[] elf = new byte[4096];
    elf[0] = 0x7F;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    elf[4] = 2;
    elf[5] = 1;
    elf[6] = 1;

    assertRefused(clean("photo.jpg", elf), RefusalCode.UNSUPPORTED_TYPE, "The tip line takes");
  }

  @Test
  void aPlainZipArchiveIsRefusedAsUnsupported() {
    byte[] zip =
        AttachmentFixtures.zip(List.of(new AttachmentFixtures.Part("a.txt", "hello")), false);

    assertRefused(clean("files.zip", zip), RefusalCode.UNSUPPORTED_TYPE, "an archive");
  }

  @Test
  void aTruncatedDocxIsRefusedAsDamaged() {
    byte[] docx = AttachmentFixtures.docx();

    CleaningResult result = clean("notes.docx", java.util.Arrays.copyOf(docx, docx.length / 2));

    assertThat(result).isInstanceOf(CleaningResult.Refused.class);
    assertThat(((CleaningResult.Refused) result).code())
        .isIn(RefusalCode.DAMAGED, RefusalCode.UNSUPPORTED_TYPE);
  }

  @Test
  void aRefusalNeverRepeatsTheFileName() {
    CleaningResult.Refused refused =
        (CleaningResult.Refused) clean("Parisa-home-Tehran.pdf", AttachmentFixtures.png(16, 16, 6));

    assertThat(refused.message()).doesNotContain("Parisa").doesNotContain("Tehran");
  }

  @Test
  void extensionsAreReadAfterTheLastDotOfTheBaseName() {
    assertThat(AttachmentCleaner.extension("a.b.JPG")).contains("JPG");
    assertThat(AttachmentCleaner.extension("C:\\Users\\x\\photo.png")).contains("png");
    assertThat(AttachmentCleaner.extension("dir.d/photo")).isEmpty();
    assertThat(AttachmentCleaner.extension(".bashrc")).isEmpty();
    assertThat(AttachmentCleaner.extension("photo.")).isEmpty();
  }

  private static byte[] docxWith(AttachmentFixtures.Part... extra) {
    List<AttachmentFixtures.Part> parts = new ArrayList<>();
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(new ByteArrayInputStream(AttachmentFixtures.docx()))) {
      java.util.zip.ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        parts.add(new AttachmentFixtures.Part(entry.getName(), in.readAllBytes()));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    parts.addAll(List.of(extra));
    return AttachmentFixtures.zip(parts, false);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  /** An upload of {@code size} zero bytes that exists only as a counter. */
  private static final class CountingZeros extends InputStream {
    private final long size;
    long read;

    CountingZeros(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (read >= size) {
        return -1;
      }
      read++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - read);
      java.util.Arrays.fill(b, off, off + n, (byte) 0);
      read += n;
      return n;
    }
  }
}
