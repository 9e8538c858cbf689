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
import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The UN Security Council Consolidated List XML: INDIVIDUALS and ENTITIES, with aliases of "Good"
 * and "Low" quality and, where the UN gives it, the name in its original script
 * (NAME_ORIGINAL_SCRIPT), which becomes a strong alias.
 */
public final class UnConsolidatedXmlReader implements SanctionsListReader {

  @Override
  public String format() {
    return "UN Security Council Consolidated List XML";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    return Files.isRegularFile(path) && OfacSdnJsonReader.head(path).contains("<CONSOLIDATED_LIST");
  }

  @Override
  public ListRelease read(Path path) throws IOException {
    ListFiles.Checksum checksum = new ListFiles.Checksum();
    String file = path.toString();
    Document doc = ListFiles.xml(checksum.read(path), file);
    Element root = doc.getDocumentElement();
    if (!"CONSOLIDATED_LIST".equals(ListFiles.localName(root))) {
      throw new ListFormatException(
          file, "root", "expected CONSOLIDATED_LIST, found " + root.getTagName());
    }
    List<ListEntry> entries = new ArrayList<>();
    int n = 0;
    for (Element group : ListFiles.children(root, "INDIVIDUALS")) {
      for (Element e : ListFiles.children(group, "INDIVIDUAL")) {
        entries.add(entry(e, Schema.PERSON, "INDIVIDUAL " + (++n), file));
      }
    }
    n = 0;
    for (Element group : ListFiles.children(root, "ENTITIES")) {
      for (Element e : ListFiles.children(group, "ENTITY")) {
        entries.add(entry(e, Schema.ORGANIZATION, "ENTITY " + (++n), file));
      }
    }
    Optional<LocalDate> published = Optional.empty();
    String generated = root.getAttribute("dateGenerated");
    if (generated.length() >= 10) {
      try {
        published = Optional.of(LocalDate.parse(generated.substring(0, 10)));
      } catch (DateTimeParseException e) {
        throw new ListFormatException(file, "dateGenerated", "'" + generated + "' is not a date");
      }
    }
    return new ListRelease("UN Security Council Consolidated", published, checksum.hex(), entries);
  }

  private static ListEntry entry(Element e, Schema schema, String where, String file) {
    String reference = ListFiles.childText(e, "REFERENCE_NUMBER");
    String id = reference.isEmpty() ? ListFiles.childText(e, "DATAID") : reference;
    List<String> nameParts = new ArrayList<>();
    for (String part : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
      String text = ListFiles.childText(e, part);
      if (!text.isEmpty()) {
        nameParts.add(text);
      }
    }
    if (id.isEmpty() || nameParts.isEmpty()) {
      throw new ListFormatException(file, where, "an entry needs a reference number and a name");
    }
    String prefix = schema == Schema.PERSON ? "INDIVIDUAL" : "ENTITY";
    List<Alias> aliases = new ArrayList<>();
    String original = ListFiles.childText(e, "NAME_ORIGINAL_SCRIPT");
    if (!original.isEmpty()) {
      aliases.add(Alias.of(original, false));
    }
    for (Element alias : ListFiles.children(e, prefix + "_ALIAS")) {
      String name = ListFiles.childText(alias, "ALIAS_NAME");
      if (!name.isEmpty()) {
        aliases.add(Alias.of(name, "Low".equalsIgnoreCase(ListFiles.childText(alias, "QUALITY"))));
      }
    }
    List<PartialDate> births = new ArrayList<>();
    for (Element dob : ListFiles.children(e, "INDIVIDUAL_DATE_OF_BIRTH")) {
      births.addAll(birthDates(dob, file, id));
    }
    LinkedHashSet<String> countries = new LinkedHashSet<>();
    for (Element nationality : ListFiles.children(e, "NATIONALITY")) {
      for (Element value : ListFiles.children(nationality, "VALUE")) {
        Countries.code(value.getTextContent()).ifPresent(countries::add);
      }
    }
    for (Element address : ListFiles.children(e, prefix + "_ADDRESS")) {
      Countries.code(ListFiles.childText(address, "COUNTRY")).ifPresent(countries::add);
    }
    List<String> birthPlaces = new ArrayList<>();
    for (Element pob : ListFiles.children(e, "INDIVIDUAL_PLACE_OF_BIRTH")) {
      String place =
          java.util.stream.Stream.of("CITY", "STATE_PROVINCE", "COUNTRY")
              .map(part -> ListFiles.childText(pob, part))
              .filter(part -> !part.isEmpty())
              .collect(java.util.stream.Collectors.joining(", "));
      if (!place.isEmpty() && !birthPlaces.contains(place)) {
        birthPlaces.add(place);
      }
    }
    Optional<PartialDate> listed = Optional.empty();
    String listedOn = ListFiles.childText(e, "LISTED_ON");
    if (!listedOn.isEmpty()) {
      try {
        listed = Optional.of(PartialDate.parse(withoutZone(listedOn)));
      } catch (InvalidValueException ex) {
        throw new ListFormatException(file, id + " LISTED_ON", ex.getMessage());
      }
    }
    String comments = ListFiles.childText(e, "COMMENTS1");
    String program = ListFiles.childText(e, "UN_LIST_TYPE");
    return new ListEntry(
        id,
        schema,
        String.join(" ", nameParts),
        aliases,
        births,
        List.copyOf(countries),
        program.isEmpty() ? List.of() : List.of(program),
        listed,
        "UN Security Council",
        comments.isEmpty() ? List.of() : List.of(comments),
        birthPlaces);
  }

  // xs:date values may carry a zone ("2015-04-07-04:00"); the day is what matters.
  private static String withoutZone(String date) {
    return date.matches("\\d{4}-\\d{2}-\\d{2}.+") ? date.substring(0, 10) : date;
  }

  private static List<PartialDate> birthDates(Element dob, String file, String id) {
    List<PartialDate> out = new ArrayList<>();
    try {
      String date = ListFiles.childText(dob, "DATE");
      String year = ListFiles.childText(dob, "YEAR");
      String from = ListFiles.childText(dob, "FROM_YEAR");
      String to = ListFiles.childText(dob, "TO_YEAR");
      if (!date.isEmpty()) {
        out.add(PartialDate.parse(withoutZone(date)));
      } else if (!year.isEmpty()) {
        out.add(PartialDate.parse(year));
      } else if (!from.isEmpty() && !to.isEmpty()) {
        int first = Integer.parseInt(from);
        int last = Integer.parseInt(to);
        for (int y = first; y <= last && y - first <= 10; y++) {
          out.add(new PartialDate(y, Optional.empty(), Optional.empty()));
        }
      }
    } catch (InvalidValueException | NumberFormatException ex) {
      throw new ListFormatException(file, id + " INDIVIDUAL_DATE_OF_BIRTH", ex.getMessage());
    }
    return out;
  }
}
