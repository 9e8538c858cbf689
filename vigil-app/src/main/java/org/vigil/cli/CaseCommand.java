/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.cases.CitedEvidence;
import org.vigil.store.StoredCase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil case}: cases, acted on as a named user (everything through {@link Cases}). */
@Command(
    name = "case",
    mixinStandardHelpOptions = true,
    description = {
      "Cases: an analyst's working set of entities, documents, claims, notes, hypotheses and tasks,"
          + " shared with users"
          + " and organisations. Every subcommand acts as a user (--as) and shows only what that"
          + " user may read; every change is audited. Deleting a case never deletes evidence."
    },
    subcommands = {
      CaseCommand.ListCases.class,
      CaseCommand.Create.class,
      CaseCommand.Show.class,
      CaseCommand.Add.class,
      CaseCommand.Note.class,
      CaseCommand.Share.class,
      CaseCommand.Status.class,
      CaseCommand.Delete.class,
      CaseReportCommand.class,
      CaseHypothesisCommand.class,
      CaseTaskCommand.class,
      CommandLine.HelpCommand.class
    })
final class CaseCommand implements Runnable {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a subcommand: list, create, show, add, note, share, status, delete, report,"
            + " hypothesis or task");
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The user's cases.")
  static final class ListCases extends CaseAction {
    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      for (StoredCase c : cases.list(actor.viewer())) {
        out.println(line(c));
      }
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Opens a case, optionally with an entity and its network as first items.")
  static final class Create extends CaseAction {
    @Parameters(paramLabel = "TITLE", description = "The case's title.")
    String title;

    @Option(names = "--tlp", paramLabel = "LEVEL", description = "Its marking (default AMBER).")
    String tlp = "AMBER";

    @Option(names = "--entity", paramLabel = "ID", description = "An entity to add at once.")
    String entity;

    @Option(
        names = "--depth",
        paramLabel = "N",
        description = "With the entity's network N links out (0-3, default 0).")
    int depth;

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      StoredCase c = done(cases.create(title, tlp, actor));
      if (entity != null) {
        List<String> added =
            done(
                depth == 0
                    ? cases.addItem(c.id(), "entity", entity, actor)
                    : cases.addNeighbourhood(c.id(), entity, depth, List.of(), actor));
        out.println("Added " + added.size() + " entities.");
      }
      out.println("Opened " + line(c));
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "A case as the user may see it: members, items, notes, hypotheses (the matrix) and"
              + " tasks.")
  static final class Show extends CaseAction {
    @Parameters(paramLabel = "CASE", description = "The case's id.")
    String id;

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      CaseView v = cases.view(id, actor.viewer()).orElseThrow(() -> CaseLines.noCase(id, asUser));
      out.println(line(v.stored()));
      v.members()
          .forEach(m -> out.println("  member " + m.label() + " (" + m.rights().code() + ")"));
      for (List<CaseView.Item> items : List.of(v.entities(), v.documents(), v.claims())) {
        items.forEach(i -> out.println("  " + i.kind() + " " + i.id() + "  " + i.caption()));
      }
      for (CaseView.Note n : v.notes()) {
        out.println(
            "  note "
                + n.id()
                + " by "
                + n.author()
                + " "
                + WHEN.format(n.writtenAt())
                + " "
                + n.marking().tlp().label()
                + ": "
                + n.markdown().orElse(plain(n.rendered().html())));
        int number = 0;
        for (CitedEvidence e : n.rendered().citations()) {
          out.println(
              "    ["
                  + ++number
                  + "] "
                  + e.label()
                  + e.quote().map(q -> " \"" + q + "\"").orElse("")
                  + e.source().map(s -> " (" + s + ")").orElse(""));
        }
      }
      CaseLines.matrix(v.matrix(), out);
      CaseLines.tasks(v.tasks(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), out);
    }

    /** The text of rendered note HTML, for a terminal. */
    static String plain(String html) {
      return html.replaceAll("<[^>]*>", "")
          .replace("&lt;", "<")
          .replace("&gt;", ">")
          .replace("&quot;", "\"")
          .replace("&#39;", "'")
          .replace("&amp;", "&")
          .strip();
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Adds an entity (and its network), a document or a claim the user may see.")
  static final class Add extends CaseAction {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case's id.")
    String id;

    @Parameters(index = "1", paramLabel = "ITEM", description = "The item's id.")
    String item;

    @Option(names = "--kind", paramLabel = "KIND", description = "entity, document or claim.")
    String kind = "entity";

    @Option(names = "--depth", paramLabel = "N", description = "An entity's network N links out.")
    int depth;

    @Option(
        names = "--schema",
        paramLabel = "LINK",
        description = "Follow only links of these schemata (Membership, Employment, ...).")
    List<String> schemas = List.of();

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      List<String> added =
          done(
              depth == 0
                  ? cases.addItem(id, kind, item, actor)
                  : cases.addNeighbourhood(id, item, depth, schemas, actor));
      out.println("Added " + added.size() + " new items to " + id + ".");
    }
  }

  @Command(
      name = "note",
      mixinStandardHelpOptions = true,
      description = {
        "Adds a Markdown note under its own marking. Cite evidence with links:"
            + " [words](entity:ID), [words](statement:ENTITY/STATEMENT), [words](document:ID),"
            + " [words](document:ID#START-END) or [words](claim:ID)."
      })
  static final class Note extends CaseAction {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case's id.")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "The note.")
    String text;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the note from a file.")
    Path file;

    @Option(names = "--tlp", paramLabel = "LEVEL", description = "Its marking (default AMBER).")
    String tlp = "AMBER";

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      if ((text == null) == (file == null)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "give TEXT or --file FILE");
      }
      String markdown;
      try {
        markdown = text != null ? text : Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliFailure("cannot read " + file + ": " + e.getMessage());
      }
      out.println("Wrote note " + done(cases.addNote(id, markdown, tlp, actor)).id() + ".");
    }
  }

  @Command(
      name = "share",
      mixinStandardHelpOptions = true,
      description = "Shares a case with a user or an organisation its marking reaches.")
  static final class Share extends CaseAction {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case's id.")
    String id;

    @Parameters(index = "1", paramLabel = "user|org", description = "Whom to share it with.")
    String kind;

    @Parameters(index = "2", paramLabel = "MEMBER", description = "A username or an org id.")
    String member;

    @Option(names = "--rights", paramLabel = "read|write", description = "Default read.")
    String rights = "read";

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      done(cases.share(id, kind, member, rights, actor));
      out.println("Shared " + id + " with " + kind + " " + member + " (" + rights + ").");
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Closes or opens.")
  static final class Status extends CaseAction {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case's id.")
    String id;

    @Parameters(index = "1", paramLabel = "open|closed", description = "The new status.")
    String status;

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      out.println(line(done(cases.setStatus(id, status, actor))));
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Deletes a case with its members, items and notes; never the evidence.")
  static final class Delete extends CaseAction {
    @Parameters(paramLabel = "CASE", description = "The case's id.")
    String id;

    @Override
    void run(Cases cases, Cases.Actor actor, PrintWriter out) {
      out.println("Deleted " + done(cases.delete(id, actor)) + "; its evidence stays.");
    }
  }

  static String line(StoredCase c) {
    return c.id() + "  " + c.tlp().label() + "  " + c.status().code() + "  " + c.title();
  }
}
