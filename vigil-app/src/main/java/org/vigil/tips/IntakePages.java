/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import java.util.Locale;
import java.util.Optional;

/**
 * The intake's HTML: forms that work without JavaScript, in the tipster's language and direction,
 * with one style sheet from the intake itself and nothing from any other origin.
 */
final class IntakePages {
  /** The one style sheet, served at {@code /intake.css}. */
  static final String CSS =
      "body{font-family:sans-serif;margin:0;background:#f6f6f2;color:#1b1b1b}"
          + "main{max-width:42rem;margin:0 auto;padding:1rem}"
          // a gap, not a margin: each link has its own direction, so a margin at its inline end
          // faced away from its neighbour on a right-to-left page ("فارسیEnglish")
          + "nav.langs{display:flex;flex-wrap:wrap;gap:1rem}"
          + "textarea{width:100%;min-height:12rem;font:inherit}"
          + "label{display:block;margin-top:1rem;font-weight:bold}"
          + "button{margin-top:1rem;font:inherit;padding:.4rem 1.2rem}"
          + ".receipt{font-size:1.4rem;letter-spacing:.05em;background:#fff;padding:.8rem;"
          + "border:2px solid #333;word-break:break-all}"
          + ".problem{color:#8a1010;font-weight:bold}"
          + ".reply{background:#fff;padding:.6rem;border-inline-start:4px solid #456;white-space:pre-wrap}";

  private IntakePages() {}

  static String form(
      IntakeLanguage l, Optional<String> problem, String text, ProofOfWork.Challenge challenge) {
    return page(
        l,
        "<h1>"
            + esc(l.title)
            + "</h1>\n<p>"
            + esc(l.intro)
            + "</p>\n"
            + problem
                .map(p -> "<p class=\"problem\" role=\"alert\">" + esc(p) + "</p>\n")
                .orElse("")
            + formStart("/tip", challenge)
            + hiddenLang(l)
            + powFields(l, challenge)
            + "<label for=\"text\">"
            + esc(l.textLabel)
            + "</label>\n<textarea id=\"text\" name=\"text\" maxlength=\""
            + TipIntake.MAX_TEXT_CHARS
            + "\">"
            + esc(text)
            + "</textarea>\n<label for=\"files\">"
            + esc(l.filesLabel)
            + "</label>\n<input id=\"files\" type=\"file\" name=\"files\" multiple>\n"
            + "<button type=\"submit\">"
            + esc(l.send)
            + "</button>\n</form>\n<p><a href=\"/follow?lang="
            + l.code
            + "\">"
            + esc(l.followLink)
            + "</a></p>\n");
  }

  static String receipt(IntakeLanguage l, Receipt receipt) {
    return page(
        l,
        "<h1>"
            + esc(l.received)
            + "</h1>\n<h2>"
            + esc(l.receiptTitle)
            + "</h2>\n<p class=\"receipt\"><code id=\"receipt\" dir=\"ltr\">"
            + esc(receipt.grouped())
            + "</code></p>\n<p>"
            + esc(l.receiptNote)
            + "</p>\n<p><a href=\"/follow?lang="
            + l.code
            + "\">"
            + esc(l.followLink)
            + "</a></p>\n");
  }

  static String follow(
      IntakeLanguage l, Optional<String> problem, ProofOfWork.Challenge challenge) {
    return page(
        l,
        "<h1>"
            + esc(l.replies)
            + "</h1>\n"
            + problem
                .map(p -> "<p class=\"problem\" role=\"alert\">" + esc(p) + "</p>\n")
                .orElse("")
            + formStart("/follow", challenge)
            + hiddenLang(l)
            + powFields(l, challenge)
            + "<label for=\"receipt\">"
            + esc(l.receiptLabel)
            + "</label>\n<input id=\"receipt\" name=\"receipt\" dir=\"ltr\" autocomplete=\"off\""
            + " spellcheck=\"false\" size=\"50\">\n<button type=\"submit\">"
            + esc(l.read)
            + "</button>\n</form>\n<p><a href=\"/?lang="
            + l.code
            + "\">"
            + esc(l.back)
            + "</a></p>\n");
  }

  static String thread(
      IntakeLanguage l,
      String typedReceipt,
      TipIntake.Thread thread,
      Optional<String> notice,
      ProofOfWork.Challenge challenge) {
    StringBuilder replies = new StringBuilder();
    if (thread.replies().isEmpty()) {
      replies.append("<p>").append(esc(l.noReplies)).append("</p>\n");
    }
    for (TipIntake.Reply r : thread.replies()) {
      replies
          .append("<div class=\"reply\"><p><time>")
          .append(r.on())
          .append("</time></p>")
          .append(esc(r.text()))
          .append("</div>\n");
    }
    return page(
        l,
        "<h1>"
            + esc(l.replies)
            + "</h1>\n"
            + notice.map(n -> "<p role=\"status\">" + esc(n) + "</p>\n").orElse("")
            + replies
            + "<p>"
            + esc(String.format(Locale.ROOT, l.ownMessages, thread.ownMessages()))
            + "</p>\n<h2>"
            + esc(l.addMore)
            + "</h2>\n"
            + formStart("/more", challenge)
            + hiddenLang(l)
            + powFields(l, challenge)
            + "<input type=\"hidden\" name=\"receipt\" value=\""
            + esc(typedReceipt)
            + "\">\n<label for=\"text\">"
            + esc(l.textLabel)
            + "</label>\n<textarea id=\"text\" name=\"text\" maxlength=\""
            + TipIntake.MAX_TEXT_CHARS
            + "\"></textarea>\n<label for=\"files\">"
            + esc(l.filesLabel)
            + "</label>\n<input id=\"files\" type=\"file\" name=\"files\" multiple>\n"
            + "<button type=\"submit\">"
            + esc(l.send)
            + "</button>\n</form>\n");
  }

  /**
   * A form's opening tag, with the proof-of-work's size for {@code /pow.js}; without JavaScript the
   * form posts as it is.
   */
  private static String formStart(String action, ProofOfWork.Challenge c) {
    return "<form method=\"post\" action=\""
        + action
        + "\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\" data-pow-bits=\""
        + c.bits()
        + "\" data-pow-count=\""
        + c.count()
        + "\" data-pow-memory=\""
        + c.memoryKib()
        + "\">\n";
  }

  /** The challenge, the empty answer the script fills in, and what it shows while it works. */
  private static String powFields(IntakeLanguage l, ProofOfWork.Challenge c) {
    return "<input type=\"hidden\" name=\"challenge\" value=\""
        + esc(c.token())
        + "\">\n<input type=\"hidden\" name=\"proof\" value=\"\">\n"
        + "<p class=\"pow-status\" role=\"status\" hidden>"
        + esc(l.powWorking)
        + "</p>\n";
  }

  private static String hiddenLang(IntakeLanguage l) {
    return "<input type=\"hidden\" name=\"lang\" value=\"" + l.code + "\">\n";
  }

  private static String page(IntakeLanguage l, String body) {
    StringBuilder langs = new StringBuilder("<nav class=\"langs\">");
    for (IntakeLanguage other : IntakeLanguage.values()) {
      langs
          .append("<a href=\"/?lang=")
          .append(other.code)
          .append("\" lang=\"")
          .append(other.code)
          .append("\" dir=\"")
          .append(other.direction)
          .append("\">")
          .append(esc(other.name))
          .append("</a>");
    }
    langs.append("</nav>\n");
    return "<!DOCTYPE html>\n<html lang=\""
        + l.code
        + "\" dir=\""
        + l.direction
        + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"referrer\" content=\"no-referrer\">\n<title>"
        + esc(l.title)
        + "</title>\n<link rel=\"stylesheet\" href=\"/intake.css\">\n"
        + "<script src=\"/pow.js\" defer></script>\n</head>\n<body>\n<main>\n"
        + langs
        + body
        + "</main>\n</body>\n</html>\n";
  }

  static String esc(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
