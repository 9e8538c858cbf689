/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Documents written by the tests themselves, good and bad, in every format ingest reads: nothing
 * large is committed, the bad files are made where they are needed.
 */
public final class TestDocuments {
  private TestDocuments() {}

  /** A short report in the style of the sample reports, naming {@code variant} so each differs. */
  public static String report(String variant) {
    return "Network briefing: "
        + variant
        + "\n\nThe network was led by Naji Ibrahim Sharifi-Zindashti on behalf of Iran's Ministry"
        + " of Intelligence and Security (MOIS), according to the "
        + variant
        + " report.\n\nOn 29 January 2024, OFAC and the UK sanctioned Naji Ibrahim"
        + " Sharifi-Zindashti. Esmaeil Khatib has been Minister of Intelligence since August"
        + " 2021.\n";
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] html(String text) {
    return utf8(
        "<!DOCTYPE html><html><head><title>Briefing</title></head><body><nav><a href=\"/\">Home"
            + "</a></nav><p>"
            + text.strip().replace("\n\n", "</p><p>")
            + "</p></body></html>");
  }

  /** A one-page PDF, each paragraph of {@code text} on its own line. */
  public static byte[] pdf(String text) {
    return pdf(text, false);
  }

  /** A PDF that opens only with a password. */
  public static byte[] encryptedPdf(String text) {
    return pdf(text, true);
  }

  /** The first third of a PDF, with bytes overwritten: no parser can make sense of it. */
  public static byte[] corruptPdf(String text) {
    byte[] pdf = pdf(text);
    byte[] broken = new byte[pdf.length / 3];
    System.arraycopy(pdf, 0, broken, 0, broken.length);
    for (int i = 200; i < broken.length; i += 7) {
      broken[i] = (byte) 0xff;
    }
    return broken;
  }

  private static byte[] pdf(String text, boolean encrypted) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
        content.setLeading(14);
        content.newLineAtOffset(30, 740);
        for (String line : text.split("\n")) {
          content.showText(line);
          content.newLine();
        }
        content.endText();
      }
      if (encrypted) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] docx(String text) {
    try (XWPFDocument docx = new XWPFDocument()) {
      for (String paragraph : text.split("\n\n")) {
        docx.createParagraph().createRun().setText(paragraph.strip());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      docx.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal OpenDocument text: the mimetype entry first, then the content. */
  public static byte[] odt(String text) {
    StringBuilder paragraphs = new StringBuilder();
    for (String paragraph : text.split("\n\n")) {
      paragraphs.append("<text:p>").append(paragraph.strip()).append("</text:p>");
    }
    String content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<office:document-content"
            + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " office:version=\"1.2\"><office:body><office:text>"
            + paragraphs
            + "</office:text></office:body></office:document-content>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("mimetype"));
      zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(utf8(content));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] rtf(String text) {
    String body = text.strip().replace("\n\n", "\\par\\par ").replace("\n", " ");
    return ("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 " + body + "\\par }")
        .getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] eml(String text) {
    return utf8(
        "From: Desk Officer <desk@example.org>\r\n"
            + "To: analysts@example.org\r\n"
            + "Subject: Network designation\r\n"
            + "Date: Mon, 29 Jan 2024 10:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + text.replace("\n", "\r\n"));
  }

  /**
   * A Word 97-2003 document, the one format a test cannot write: a fixture we made with LibreOffice
   * from a text of our own (src/test/resources/documents/briefing.doc).
   */
  public static byte[] doc() {
    try (InputStream in = TestDocuments.class.getResourceAsStream("/documents/briefing.doc")) {
      if (in == null) {
        throw new IllegalStateException("the fixture /documents/briefing.doc is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A zip whose one entry of 30 MiB of spaces deflates to a few tens of KiB. */
  public static byte[] zipBomb() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("bomb.txt"));
      byte[] block = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      block[0] = 'a';
      for (int i = 0; i < 30; i++) {
        zip.write(block);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Seeded random bytes. */
  public static byte[] junk(int size, long seed) {
    byte[] junk = new byte[size];
    new SplittableRandom(seed).nextBytes(junk);
    return junk;
  }

  /**
   * Text in a byte code that no detector knows (ASCII shifted up by 0x60): under the best guess it
   * decodes into letters between graphic symbols.
   */
  public static byte[] unknownEncoding(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (bytes[i] + 0x60);
    }
    return bytes;
  }

  /** A sparse file of {@code size} bytes of zeros: it takes next to no room on disk. */
  public static Path sparseFile(Path file, long size) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
