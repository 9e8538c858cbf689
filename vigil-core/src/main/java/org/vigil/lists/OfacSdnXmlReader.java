/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.vigil.model.PartialDate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * OFAC's SDN.XML: an sdnList of sdnEntry elements with uid, lastName, firstName, sdnType,
 * programList, akaList (category "strong" or "weak"), addressList, nationalityList, citizenshipList
 * dateOfBirthList and placeOfBirthList.
 */
public final class OfacSdnXmlReader implements SanctionsListReader {

  @Override
  public String format() {
    return "OFAC SDN XML";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    return Files.isRegularFile(path) && OfacSdnJsonReader.head(path).contains("<sdnList");
  }

  @Override
  public ListRelease read(Path path) throws IOException {
    String file = path.toString();
    ListFiles.Checksum checksum = new ListFiles.Checksum();
    Document doc = ListFiles.xml(checksum.read(path), file);
    Element root = doc.getDocumentElement();
    if (!"sdnList".equals(ListFiles.localName(root))) {
      throw new ListFormatException(file, "root", "expected sdnList, found " + root.getTagName());
    }
    Optional<LocalDate> published = Optional.empty();
    for (Element info : ListFiles.children(root, "publshInformation")) {
      String date = ListFiles.childText(info, "Publish_Date");
      String[] mdy = date.split("/");
      if (mdy.length == 3) {
        published =
            Optional.of(
                LocalDate.of(
                    Integer.parseInt(mdy[2]), Integer.parseInt(mdy[0]), Integer.parseInt(mdy[1])));
      }
    }
    List<ListEntry> entries = new ArrayList<>();
    int n = 0;
    for (Element e : ListFiles.children(root, "sdnEntry")) {
      n++;
      String uid = ListFiles.childText(e, "uid");
      String name = name(e);
      if (uid.isEmpty() || name.isEmpty()) {
        throw new ListFormatException(file, "sdnEntry " + n, "an entry needs a uid and a name");
      }
      List<Alias> aliases = new ArrayList<>();
      for (Element list : ListFiles.children(e, "akaList")) {
        for (Element aka : ListFiles.children(list, "aka")) {
          String alias = name(aka);
          if (!alias.isEmpty()) {
            aliases.add(
                Alias.of(alias, "weak".equalsIgnoreCase(ListFiles.childText(aka, "category"))));
          }
        }
      }
      List<String> programs = new ArrayList<>();
      for (Element list : ListFiles.children(e, "programList")) {
        for (Element program : ListFiles.children(list, "program")) {
          programs.add(program.getTextContent().strip());
        }
      }
      LinkedHashSet<String> countries = new LinkedHashSet<>();
      for (String[] listAndItem :
          new String[][] {
            {"nationalityList", "nationality"},
            {"citizenshipList", "citizenship"},
            {"addressList", "address"}
          }) {
        for (Element list : ListFiles.children(e, listAndItem[0])) {
          for (Element item : ListFiles.children(list, listAndItem[1])) {
            Countries.code(ListFiles.childText(item, "country")).ifPresent(countries::add);
          }
        }
      }
      List<PartialDate> births = new ArrayList<>();
      for (Element list : ListFiles.children(e, "dateOfBirthList")) {
        for (Element item : ListFiles.children(list, "dateOfBirthItem")) {
          births.addAll(Remarks.dates(ListFiles.childText(item, "dateOfBirth")));
        }
      }
      List<String> birthPlaces = new ArrayList<>();
      for (Element list : ListFiles.children(e, "placeOfBirthList")) {
        for (Element item : ListFiles.children(list, "placeOfBirthItem")) {
          String place = ListFiles.childText(item, "placeOfBirth");
          if (!place.isEmpty() && !birthPlaces.contains(place)) {
            birthPlaces.add(place);
          }
        }
      }
      String remarks = ListFiles.childText(e, "remarks");
      entries.add(
          new ListEntry(
              uid,
              OfacLegacyCsvReader.schema(ListFiles.childText(e, "sdnType")),
              name,
              aliases,
              births,
              List.copyOf(countries),
              programs,
              Optional.empty(),
              "OFAC",
              remarks.isEmpty() ? List.of() : List.of(remarks),
              birthPlaces));
    }
    return new ListRelease("OFAC SDN", published, checksum.hex(), entries);
  }

  // OFAC writes "LAST, First" for people and the whole name in lastName for the rest.
  private static String name(Element e) {
    String last = ListFiles.childText(e, "lastName");
    String first = ListFiles.childText(e, "firstName");
    if (first.isEmpty()) {
      return last;
    }
    return last.isEmpty() ? first : last + ", " + first;
  }
}
