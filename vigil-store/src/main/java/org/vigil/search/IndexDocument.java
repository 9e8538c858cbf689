/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.PropertyType;
import org.vigil.model.Schema;
import org.vigil.model.Statement;

/**
 * What one index document holds, whatever the engine: the statements of one record that share one
 * marking (or one stored text). Both implementations index exactly these values, so that they find
 * and show the same things.
 *
 * @param record the record's (unmerged entity's, or stored text's) id
 * @param schema the record's schema
 * @param names the name-typed values, searched with a boost and shown in snippets
 * @param text the other searchable values
 * @param mainNames the values of the "name" property, for captions
 * @param titles the values of the "title" property (a text's title), for captions
 * @param facets "dimension:value" for each facet value ({@link FacetDimension})
 * @param marking the marking every value here carries
 */
record IndexDocument(
    String record,
    Schema schema,
    List<String> names,
    List<String> text,
    List<String> mainNames,
    List<String> titles,
    Set<String> facets,
    Marking marking) {
  private static final Pattern YEAR = Pattern.compile("^(\\d{4})");

  IndexDocument {
    requireNonNull(record, "record");
    requireNonNull(schema, "schema");
    names = List.copyOf(names);
    text = List.copyOf(text);
    mainNames = List.copyOf(mainNames);
    titles = List.copyOf(titles);
    facets = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(facets));
    requireNonNull(marking, "marking");
  }

  /** The schemata a search filter may name to find this document: its own and its ancestors. */
  List<String> schemaIsA() {
    List<String> out = new ArrayList<>();
    for (Schema candidate : Schema.values()) {
      if (schema.isA(candidate.ftmName())) {
        out.add(candidate.ftmName());
      }
    }
    return out;
  }

  static String facet(FacetDimension dimension, String value) {
    return dimension.key() + ":" + value;
  }

  /** One document per distinct marking among the record's statements, in order of appearance. */
  static List<IndexDocument> of(Entity record) {
    Map<Marking, List<Statement>> byMarking = new LinkedHashMap<>();
    for (Statement s : record.statements()) {
      byMarking.computeIfAbsent(s.marking(), k -> new ArrayList<>()).add(s);
    }
    List<IndexDocument> docs = new ArrayList<>(byMarking.size());
    for (Map.Entry<Marking, List<Statement>> e : byMarking.entrySet()) {
      List<String> names = new ArrayList<>();
      List<String> text = new ArrayList<>();
      List<String> mainNames = new ArrayList<>();
      List<String> titles = new ArrayList<>();
      Set<String> facets = new TreeSet<>();
      facets.add(facet(FacetDimension.SCHEMA, record.schema().ftmName()));
      facets.add(facet(FacetDimension.MARKING, e.getKey().tlp().label()));
      for (Statement s : e.getValue()) {
        PropertyType type = s.schema().expectProperty(s.property()).type();
        facets.add(facet(FacetDimension.SOURCE, s.sourceId()));
        if (type == PropertyType.COUNTRY) {
          facets.add(facet(FacetDimension.COUNTRY, s.value()));
        } else if (type == PropertyType.DATE) {
          Matcher year = YEAR.matcher(s.value());
          if (year.find()) {
            facets.add(facet(FacetDimension.YEAR, year.group(1)));
          }
        } else if (s.property().equals("program")) {
          facets.add(facet(FacetDimension.PROGRAMME, s.value()));
        }
        if (type == PropertyType.ENTITY) {
          continue; // an id is not text anyone searches for, and would match other entities
        }
        if (type == PropertyType.NAME) {
          names.add(s.value());
          if (s.property().equals("name")) {
            mainNames.add(s.value());
          }
        } else {
          text.add(s.value());
          if (s.property().equals("title")) {
            titles.add(s.value());
          }
        }
      }
      // A record of references only (an edge) has no text to find, but is kept for its facets: a
      // document's page finds the edges read from it through the source facet.
      docs.add(
          new IndexDocument(
              record.id(), record.schema(), names, text, mainNames, titles, facets, e.getKey()));
    }
    return docs;
  }

  /** A stored document's text as one index document of schema Document. */
  static IndexDocument of(SearchIndex.IndexedText text) {
    Set<String> facets = new TreeSet<>();
    facets.add(facet(FacetDimension.SCHEMA, Schema.DOCUMENT.ftmName()));
    facets.add(facet(FacetDimension.MARKING, text.marking().tlp().label()));
    facets.add(facet(FacetDimension.SOURCE, text.id()));
    facets.add(
        facet(
            FacetDimension.YEAR,
            Integer.toString(text.storedAt().atZone(java.time.ZoneOffset.UTC).getYear())));
    return new IndexDocument(
        text.id(),
        Schema.DOCUMENT,
        List.of(text.title()),
        List.of(text.text()),
        List.of(),
        List.of(text.title()),
        facets,
        text.marking());
  }
}
