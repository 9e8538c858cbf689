/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The EU consolidated list of persons, groups and entities subject to financial sanctions, as the
 * Financial Sanctions Files publish it in XML ({@code <export
 * xmlns="http://eu.europa.ec/fpi/fsd/export">}): one {@code sanctionEntity} per designation, its
 * names as {@code nameAlias} (the first strong one is the primary name, names with {@code
 * strong="false"} are weak aliases), its regime as {@code regulation/@programme}, {@code
 * birthdate}, {@code citizenship} and {@code address} with ISO country codes.
 */
public final class EuFinancialSanctionsXmlReader implements SanctionsListReader {
  static final String NAMESPACE = "http://eu.europa.ec/fpi/fsd/export";

  @Override
  public String format() {
    return "EU Financial Sanctions XML";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    return Files.isRegularFile(path) && OfacSdnJsonReader.head(path).contains(NAMESPACE);
  }

  @Override
  public ListRelease read(Path path) throws IOException {
    ListFiles.Checksum checksum = new ListFiles.Checksum();
    String file = path.toString();
    Document doc = ListFiles.xml(checksum.read(path), file);
    Element root = doc.getDocumentElement();
    if (!"export".equals(ListFiles.localName(root))) {
      throw new ListFormatException(file, "root", "expected export, found " + root.getTagName());
    }
    List<ListEntry> entries = new ArrayList<>();
    int n = 0;
    for (Element e : ListFiles.children(root, "sanctionEntity")) {
      String where = "sanctionEntity " + (++n);
      try {
        entries.add(entry(e, where));
      } catch (InvalidValueException x) {
        throw new ListFormatException(file, where, x.getMessage());
      }
    }
    Optional<LocalDate> published = Optional.empty();
    String generated = root.getAttribute("generationDate");
    if (generated.length() >= 10) {
      try {
        published = Optional.of(LocalDate.parse(generated.substring(0, 10)));
      } catch (DateTimeParseException x) {
        throw new ListFormatException(file, "generationDate", "'" + generated + "' is not a date");
      }
    }
    return new ListRelease("EU Financial Sanctions", published, checksum.hex(), entries);
  }

  private static ListEntry entry(Element e, String where) {
    String id = e.getAttribute("euReferenceNumber").strip();
    if (id.isEmpty()) {
      id = e.getAttribute("logicalId").strip();
    }
    if (id.isEmpty()) {
      throw new InvalidValueException(where + " has neither euReferenceNumber nor logicalId");
    }
    String primary = "";
    List<Alias> aliases = new ArrayList<>();
    for (Element alias : ListFiles.children(e, "nameAlias")) {
      String name = alias.getAttribute("wholeName").strip();
      if (name.isEmpty()) {
        name =
            String.join(
                    " ",
                    alias.getAttribute("firstName").strip(),
                    alias.getAttribute("middleName").strip(),
                    alias.getAttribute("lastName").strip())
                .replaceAll("\\s+", " ")
                .strip();
      }
      if (name.isEmpty()) {
        continue;
      }
      boolean weak = "false".equalsIgnoreCase(alias.getAttribute("strong").strip());
      if (primary.isEmpty() && !weak) {
        primary = name;
      } else if (!name.equals(primary)) {
        aliases.add(Alias.of(name, weak));
      }
    }
    if (primary.isEmpty()) {
      throw new InvalidValueException(where + " (" + id + ") has no strong name");
    }
    List<PartialDate> births = new ArrayList<>();
    for (Element birth : ListFiles.children(e, "birthdate")) {
      String date = birth.getAttribute("birthdate").strip();
      String year = birth.getAttribute("year").strip();
      String text = !date.isEmpty() ? date : year;
      if (!text.isEmpty()) {
        try {
          births.add(PartialDate.parse(text));
        } catch (InvalidValueException x) {
          // A date the list cannot state exactly is not one to compare against.
          continue;
        }
      }
    }
    Set<String> countries = new LinkedHashSet<>();
    for (String element : List.of("citizenship", "address")) {
      for (Element c : ListFiles.children(e, element)) {
        Countries.code(c.getAttribute("countryIso2Code")).ifPresent(countries::add);
      }
    }
    Set<String> programmes = new LinkedHashSet<>();
    for (Element regulation : ListFiles.children(e, "regulation")) {
      String programme = regulation.getAttribute("programme").strip();
      if (!programme.isEmpty()) {
        programmes.add(programme);
      }
    }
    Optional<PartialDate> listed = Optional.empty();
    String designated = e.getAttribute("designationDate").strip();
    if (designated.length() >= 10) {
      try {
        listed = Optional.of(PartialDate.parse(designated.substring(0, 10)));
      } catch (InvalidValueException x) {
        listed = Optional.empty();
      }
    }
    List<String> remarks = new ArrayList<>();
    for (Element remark : ListFiles.children(e, "remark")) {
      if (!remark.getTextContent().isBlank()) {
        remarks.add(remark.getTextContent().strip());
      }
    }
    return new ListEntry(
        id,
        schema(e),
        primary,
        aliases,
        births,
        List.copyOf(countries),
        List.copyOf(programmes),
        listed,
        "European Union",
        remarks);
  }

  private static Schema schema(Element e) {
    List<Element> types = ListFiles.children(e, "subjectType");
    String code =
        types.isEmpty()
            ? ""
            : (types.get(0).getAttribute("code")
                    + " "
                    + types.get(0).getAttribute("classificationCode"))
                .strip()
                .toLowerCase(Locale.ROOT);
    if (code.startsWith("person") || code.equals("p")) {
      return Schema.PERSON;
    }
    if (code.startsWith("enterprise") || code.equals("e")) {
      return Schema.ORGANIZATION;
    }
    return Schema.LEGAL_ENTITY;
  }
}
