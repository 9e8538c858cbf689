/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Reading list files: size limits, UTF-8 text, checksums and safe XML. */
final class ListFiles {

  /** No published list comes near this; a larger file is refused rather than read. */
  static final long MAX_BYTES = 512L * 1024 * 1024;

  private ListFiles() {}

  /** The files' bytes, in order, with a running SHA-256 over all of them. */
  static final class Checksum {
    private final MessageDigest digest;

    Checksum() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }

    byte[] read(Path file) throws IOException {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new ListFormatException(
            file.toString(), "", "file is " + size + " bytes; the limit is " + MAX_BYTES);
      }
      byte[] bytes = Files.readAllBytes(file);
      digest.update(bytes);
      return bytes;
    }

    String text(Path file) throws IOException {
      byte[] bytes = read(file);
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        // Older OFAC and OFSI files are Windows-1252; every byte decodes.
        return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
      }
    }

    String hex() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  /** Parses XML with DOCTYPEs and external entities refused. */
  static Document xml(byte[] bytes, String file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new java.io.ByteArrayInputStream(bytes));
    } catch (org.xml.sax.SAXParseException e) {
      String where =
          e.getLineNumber() > 0
              ? "line " + e.getLineNumber() + ", column " + e.getColumnNumber()
              : "";
      throw new ListFormatException(file, where, "malformed XML: " + e.getMessage(), e);
    } catch (SAXException e) {
      throw new ListFormatException(file, "", "malformed XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
    }
  }

  /** The child elements of {@code parent} with local name {@code name}, in order. */
  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(localName(e))) {
        out.add(e);
      }
    }
    return out;
  }

  /** The stripped text of the first child named {@code name}, or "" when absent. */
  static String childText(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
  }

  static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }

  /** Null, blank and OFAC's "-0-" all mean no value. */
  static boolean isEmpty(String value) {
    String v = value == null ? "" : value.strip();
    return v.isEmpty() || v.equals("-0-");
  }
}
