/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Attachments made by the tests themselves, no committed binaries: photos drawn with ImageIO, PDFs
 * with PDFBox, DOCX and ODT written part by part, and the tipster-identifying metadata a phone or
 * an office suite leaves, written by the real programs where they exist (exiftool) and by hand
 * where the format is XML in a zip.
 */
public final class AttachmentFixtures {
  public static final String AUTHOR = "Parisa Tipster";
  public static final String CAMERA = "Pixel 9 Pro";
  static final String TEXT = "The warehouse on Ferry Road is used by the network at night.";

  private AttachmentFixtures() {}

  /** A JPEG of seeded noise (noise does not compress, so size follows the pixel count). */
  public static byte[] jpeg(int width, int height, long seed) {
    BufferedImage image = noise(width, height, seed);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  static byte[] png(int width, int height, long seed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(noise(width, height, seed), "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static BufferedImage noise(int width, int height, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return image;
  }

  /** A one-page PDF with text, and Author, Creator and Producer in its document information. */
  static byte[] pdf() {
    return pdf(List.of(), false);
  }

  /**
   * A PDF of one text page followed by a page per image (e.g. a scanned report), optionally
   * encrypted with a user password.
   */
  static byte[] pdf(List<byte[]> jpegPages, boolean encrypted) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(50, 700);
        content.showText(TEXT);
        content.endText();
      }
      for (byte[] jpeg : jpegPages) {
        PDPage imagePage = new PDPage();
        document.addPage(imagePage);
        PDImageXObject image = JPEGFactory.createFromByteArray(document, jpeg);
        try (PDPageContentStream content = new PDPageContentStream(document, imagePage)) {
          content.drawImage(image, 20, 20, 570, 750);
        }
      }
      PDDocumentInformation info = document.getDocumentInformation();
      info.setAuthor(AUTHOR);
      info.setCreator("Writer (" + AUTHOR + "'s laptop)");
      info.setProducer("LibreOffice 7.4");
      info.setTitle("Ferry Road");
      if (encrypted) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A DOCX with the author in its core properties, a revision number, the editing application in
   * its app properties, and a tracked change that names its author (the revision history).
   */
  static byte[] docx() {
    List<Part> parts = new ArrayList<>();
    parts.add(
        new Part(
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\""
                + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-package.core-properties+xml\"/>"
                + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
                + "</Types>"));
    parts.add(
        new Part(
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships"
                + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/"
                + "2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/extended-properties\""
                + " Target=\"docProps/app.xml\"/>"
                + "</Relationships>"));
    parts.add(
        new Part(
            "word/document.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
                + "2006/main\"><w:body>"
                + "<w:p w:rsidR=\"00A1B2C3\"><w:r><w:t>"
                + TEXT
                + "</w:t></w:r>"
                + "<w:ins w:id=\"1\" w:author=\""
                + AUTHOR
                + "\" w:date=\"2026-11-30T21:14:00Z\"><w:r><w:t> Two trucks.</w:t></w:r></w:ins>"
                + "</w:p></w:body></w:document>"));
    parts.add(
        new Part(
            "docProps/core.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
                + "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:dcterms=\"http://purl.org/dc/terms/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<dc:title>Ferry Road</dc:title><dc:creator>"
                + AUTHOR
                + "</dc:creator><cp:lastModifiedBy>"
                + AUTHOR
                + "</cp:lastModifiedBy><cp:revision>7</cp:revision>"
                + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-29T08:00:00Z"
                + "</dcterms:created></cp:coreProperties>"));
    parts.add(
        new Part(
            "docProps/app.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "extended-properties\"><Application>Microsoft Office Word</Application>"
                + "<Company>Ministry Contractor Ltd</Company><TotalTime>42</TotalTime>"
                + "</Properties>"));
    return zip(parts, false);
  }

  /**
   * An ODT with its initial creator, creator, generator and editing cycles (the revision count) in
   * meta.xml, and a tracked change naming its author.
   */
  static byte[] odt() {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("mimetype", AttachmentType.ODT.mediaType()));
    parts.add(
        new Part(
            "META-INF/manifest.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest"
                + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                + " manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\""
                + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\""
                + " manifest:media-type=\"text/xml\"/>"
                + "<manifest:file-entry manifest:full-path=\"meta.xml\""
                + " manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>"));
    parts.add(
        new Part(
            "content.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\">"
                + "<office:body><office:text>"
                + "<text:tracked-changes><text:changed-region text:id=\"ct1\">"
                + "<text:insertion><office:change-info><dc:creator>"
                + AUTHOR
                + "</dc:creator><dc:date>2026-11-30T21:14:00</dc:date></office:change-info>"
                + "</text:insertion></text:changed-region></text:tracked-changes>"
                + "<text:p>"
                + TEXT
                + "<text:change-start text:change-id=\"ct1\"/> Two trucks."
                + "<text:change-end text:change-id=\"ct1\"/></text:p>"
                + "</office:text></office:body></office:document-content>"));
    parts.add(
        new Part(
            "meta.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-meta"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\">"
                + "<office:meta><meta:generator>LibreOffice/7.4.7.2$Linux_X86_64</meta:generator>"
                + "<meta:initial-creator>"
                + AUTHOR
                + "</meta:initial-creator><dc:creator>"
                + AUTHOR
                + "</dc:creator><meta:editing-cycles>9</meta:editing-cycles>"
                + "<meta:creation-date>2026-11-29T08:00:00</meta:creation-date>"
                + "<dc:title>Ferry Road</dc:title></office:meta></office:document-meta>"));
    return zip(parts, true);
  }

  /** One part of a zip-based document. */
  record Part(String name, byte[] content) {
    Part(String name, String content) {
      this(name, content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A zip of the parts in order; with {@code storeFirst} the first is stored, as ODF asks. */
  static byte[] zip(List<Part> parts, boolean storeFirst) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      boolean first = true;
      for (Part part : parts) {
        ZipEntry entry = new ZipEntry(part.name());
        if (first && storeFirst) {
          CRC32 crc = new CRC32();
          crc.update(part.content());
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(part.content().length);
          entry.setCompressedSize(part.content().length);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(part.content());
        zip.closeEntry();
        first = false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Runs Debian's exiftool with the arguments, failing the test when it fails. */
  public static String exiftool(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add("/usr/bin/exiftool");
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("exiftool " + arguments[0] + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes the location, camera and owner a phone leaves in a photo (EXIF for JPEG, EXIF and PNG
   * text chunks for PNG) and, for a PDF, XMP creator and producer.
   */
  public static byte[] withMetadata(byte[] file, AttachmentType type, Path scratch) {
    try {
      Path path = scratch.resolve("fixture." + type.extension());
      Files.write(path, file);
      switch (type) {
        case JPEG, PNG ->
            exiftool(
                "-overwrite_original",
                "-GPSLatitude=35.6892",
                "-GPSLatitudeRef=N",
                "-GPSLongitude=51.3890",
                "-GPSLongitudeRef=E",
                "-Artist=" + AUTHOR,
                "-Make=Google",
                "-Model=" + CAMERA,
                "-Software=HDR+ 1.0",
                path.toString());
        case PDF ->
            exiftool(
                "-overwrite_original",
                "-XMP-dc:Creator=" + AUTHOR,
                "-XMP-pdf:Producer=LibreOffice 7.4",
                "-XMP-xmp:CreatorTool=Writer",
                path.toString());
        case DOCX, ODT, TEXT -> {}
      }
      byte[] written = Files.readAllBytes(path);
      Files.delete(path);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
