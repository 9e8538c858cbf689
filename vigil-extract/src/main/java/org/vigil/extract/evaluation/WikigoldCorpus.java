/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads wikigold's CoNLL file: one token and its IO tag a line, a blank line between sentences,
 * "-DOCSTART-" between articles. Each article becomes one text: tokens joined by a space, one
 * sentence a line. Consecutive tokens with the same tag form one entity (PER, ORG, LOC; MISC is not
 * evaluated).
 */
public final class WikigoldCorpus {
  private WikigoldCorpus() {}

  /** The articles of {@code file}, in order. */
  public static List<AnnotatedDocument> read(Path file) throws IOException {
    List<AnnotatedDocument> out = new ArrayList<>();
    Builder doc = new Builder(1);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
          doc.endSentence();
          continue;
        }
        int space = trimmed.lastIndexOf(' ');
        if (space <= 0) {
          throw new IOException(file + " line " + number + ": expected a token and a tag");
        }
        String token = trimmed.substring(0, space);
        String tag = trimmed.substring(space + 1);
        if (token.equals("-DOCSTART-")) {
          doc.finish().ifPresent(out::add);
          doc = new Builder(out.size() + 1);
          continue;
        }
        doc.add(token, tag);
      }
    }
    doc.finish().ifPresent(out::add);
    return out;
  }

  private static final class Builder {
    private final int number;
    private final StringBuilder text = new StringBuilder();
    private final List<TypedSpan> spans = new ArrayList<>();
    private boolean sentenceOpen;
    private String openTag = "O";
    private int openStart = -1;
    private int openEnd = -1;

    Builder(int number) {
      this.number = number;
    }

    void add(String token, String tag) {
      String type = tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : "O";
      boolean begins = tag.startsWith("B-");
      if (!type.equals(openTag) || begins) {
        close();
      }
      if (sentenceOpen) {
        text.append(' ');
      }
      sentenceOpen = true;
      int start = text.length();
      text.append(token);
      if (!type.equals("O")) {
        if (openStart < 0) {
          openStart = start;
          openTag = type;
        }
        openEnd = text.length();
      }
    }

    void endSentence() {
      close();
      if (sentenceOpen) {
        text.append('\n');
        sentenceOpen = false;
      }
    }

    private void close() {
      if (openStart >= 0) {
        type(openTag).ifPresent(t -> spans.add(new TypedSpan(t, openStart, openEnd)));
      }
      openStart = -1;
      openTag = "O";
    }

    Optional<AnnotatedDocument> finish() {
      endSentence();
      if (text.length() == 0) {
        return Optional.empty();
      }
      return Optional.of(new AnnotatedDocument("wikigold-" + number, text.toString(), spans));
    }

    private static Optional<EntityType> type(String tag) {
      return switch (tag) {
        case "PER" -> Optional.of(EntityType.PERSON);
        case "ORG" -> Optional.of(EntityType.ORGANISATION);
        case "LOC" -> Optional.of(EntityType.LOCATION);
        default -> Optional.empty();
      };
    }
  }
}
