/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vigil.ingest.CleanedText.Reason;
import org.vigil.ingest.CleanedText.Removed;

/**
 * Takes web-page junk out of a document's text (share buttons, cookie and notification banners,
 * menus, tag lines, lists of timestamps) and keeps one copy of a paragraph repeated inside it.
 *
 * <p>It works line by line, because parsers put each block of a page on its own line. A line is
 * removed only when it is junk on its own (a cookie notice) or sits in a run of junk (a menu of
 * short links, a list of timestamps), so a lone heading or an article's dateline stays.
 */
public final class WebTextCleaner {
  private static final int MIN_REPEATED_CHARS = 60;
  private static final int MIN_MENU_RUN = 4;
  private static final int MAX_MENU_WORDS = 3;

  private static final String SHARE_WORD =
      "(?:share(?: this(?: article| story| page)?)?(?: on)?|tweet|e-?mail|print|facebook|twitter"
          + "|x|whatsapp|linkedin|telegram|reddit|pinterest|copy link|messenger|flipboard"
          + "|print friendly|pdf & email|comments?)";
  private static final Pattern SHARE =
      Pattern.compile("(?:" + SHARE_WORD + "[\\s,|:·•/]*)+", Pattern.CASE_INSENSITIVE);
  private static final Pattern COOKIE =
      Pattern.compile(
          "\\bcookies?\\b.*\\b(?:accept|consent|agree|privacy|settings|preferences|manage"
              + "|continu\\w*|browsing|experience)\\b"
              + "|\\b(?:accept|manage|reject)(?: all)? cookies\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NOTIFICATION =
      Pattern.compile(
          "\\b(?:(?:subscribe|sign up) (?:to|for) (?:our|the) (?:\\w+ )?newsletters?"
              + "|turn on (?:push |desktop )?notifications|allow notifications"
              + "|enable (?:push )?notifications|get (?:breaking )?news alerts"
              + "|you(?:'|’| a)re (?:now )?subscribed|already a subscriber"
              + "|(?:log|sign) ?in to (?:continue|read|comment)"
              + "|this site uses (?:akismet|javascript)|enable javascript"
              + "|(?:would you like to|do you want to|click allow to) (?:receive|get|turn on)"
              + "|(?:wants|would like) to (?:send you|show) notifications"
              + "|get notified (?:when|about|of)|(?:show|block) notifications"
              + "|allow\\s*/\\s*block|not now\\s*[|/]?\\s*allow|don(?:'|’)t miss (?:a|any) stor(?:y|ies))\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CHROME =
      Pattern.compile(
          "(?:home|menu|search|skip to (?:main )?content|log ?in|log ?out|sign ?in|sign ?up"
              + "|subscribe|advertisement|advertise|sponsored|related(?: articles| posts"
              + "| stories| content)?|read (?:more|next)|more stories|you may also like"
              + "|trending(?: now)?|close|back to top|previous(?: post| article)?"
              + "|next(?: post| article)?|leave a (?:reply|comment)|post a comment"
              + "|(?:categories|category|tags|filed under|topics)\\s*:.*"
              + "|(?:©|\\(c\\)|copyright\\b).{0,120}|all rights reserved\\.?"
              + "|listen to (?:this )?(?:article|story)(?: \\d+ min(?:utes?)?)?|\\d+ min(?:ute)?s? read"
              + "|show more|load more|see more|view comments|comments? \\(\\d+\\)|gift (?:this )?article"
              + "|follow us(?: on \\w+)?|skip advertisement|save (?:article|story))[.:!]?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern RELATIVE_TIME =
      Pattern.compile(
          "(?:(?:updated|published|posted)\\s*:?\\s*)?(?:\\d+|an?|one)\\s+(?:seconds?|minutes?"
              + "|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\s+ago|just now",
          Pattern.CASE_INSENSITIVE);
  private static final String MONTH =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(?:(?:updated|published|posted|last modified)\\s*:?\\s*)?(?:(?:mon|tue|wed|thu|fri"
              + "|sat|sun)\\w*,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+"
              + MONTH
              + ",?\\s+\\d{4}|"
              + MONTH
              + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}"
              + "|\\d{1,2}/\\d{1,2}/\\d{2,4})?(?:\\s*(?:at|@|,|-|–)?\\s*\\d{1,2}[:.]\\d{2}"
              + "(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?",
          Pattern.CASE_INSENSITIVE);

  /**
   * A line that names the writer ("By a staff correspondent", "Reporting by Jane Roe; Editing by
   * John Doe", "Words: Jane Roe"): short, and nothing after the names.
   */
  private static final Pattern BYLINE =
      Pattern.compile(
          "\\(?(?:(?:written |words |story |reporting |additional reporting |text )?by"
              + "|words:|author:|reporter:)\\s+[\\p{L}][\\p{L} .,'’&-]{1,80}"
              + "(?:;\\s*(?:editing|writing|reporting) by\\s+[\\p{L} .,'’&-]{1,60})*\\)?",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern MENU_SEPARATORS = Pattern.compile("\\s+[|·•»]\\s+");

  private WebTextCleaner() {}

  /** Removes boilerplate, then repeated paragraphs. */
  public static CleanedText clean(String text) {
    CleanedText withoutJunk = removeBoilerplate(text);
    CleanedText once = dropRepeatedParagraphs(withoutJunk.text());
    List<Removed> removed = new ArrayList<>(withoutJunk.removed());
    removed.addAll(once.removed());
    return new CleanedText(once.text(), removed);
  }

  /** Removes lines that are page furniture rather than the document's own text. */
  public static CleanedText removeBoilerplate(String text) {
    String[] lines = text.split("\\R", -1);
    Reason[] verdicts = new Reason[lines.length];
    for (int i = 0; i < lines.length; i++) {
      verdicts[i] = junkOnItsOwn(lines[i].strip()).orElse(null);
    }
    markRuns(lines, verdicts, WebTextCleaner::isTimestamp, 2, false, Reason.TIMESTAMP_LIST);
    // A menu is one block of links; a blank line ends it, so a short headline below it stays.
    markRuns(lines, verdicts, WebTextCleaner::isMenuItem, MIN_MENU_RUN, true, Reason.NAVIGATION);
    return assemble(lines, verdicts);
  }

  /**
   * Keeps the first copy of each paragraph: a later line whose words (case and spacing aside)
   * equal, or are contained in, an earlier one is dropped. Short lines such as headings are kept.
   */
  public static CleanedText dropRepeatedParagraphs(String text) {
    String[] lines = text.split("\\R", -1);
    Reason[] verdicts = new Reason[lines.length];
    List<String> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.length; i++) {
      String key = paragraphKey(lines[i]);
      if (key.length() < MIN_REPEATED_CHARS) {
        continue;
      }
      if (seen.contains(key) || kept.stream().anyMatch(k -> k.contains(key))) {
        verdicts[i] = Reason.REPEATED_PARAGRAPH;
      } else {
        seen.add(key);
        kept.add(key);
      }
    }
    return assemble(lines, verdicts);
  }

  static String paragraphKey(String line) {
    return line.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static Optional<Reason> junkOnItsOwn(String line) {
    if (line.isEmpty()) {
      return Optional.empty();
    }
    if (line.length() <= 80 && SHARE.matcher(line).matches()) {
      return Optional.of(Reason.SHARE_BUTTONS);
    }
    if (line.length() <= 600 && COOKIE.matcher(line).find()) {
      return Optional.of(Reason.COOKIE_BANNER);
    }
    if (line.length() <= 300 && NOTIFICATION.matcher(line).find()) {
      return Optional.of(Reason.NOTIFICATION_BANNER);
    }
    if (line.length() <= 160 && CHROME.matcher(line).matches()) {
      return Optional.of(Reason.PAGE_CHROME);
    }
    if (line.length() <= 40 && RELATIVE_TIME.matcher(line).matches()) {
      return Optional.of(Reason.TIMESTAMP_LIST);
    }
    if (line.length() <= 140
        && words(line) <= 12
        && !line.matches(".*[.!?:;]$")
        && BYLINE.matcher(line).matches()) {
      return Optional.of(Reason.BYLINE);
    }
    if (isPipeMenu(line)) {
      return Optional.of(Reason.NAVIGATION);
    }
    return Optional.empty();
  }

  private static boolean isPipeMenu(String line) {
    String[] items = MENU_SEPARATORS.split(line);
    if (items.length < 3) {
      return false;
    }
    for (String item : items) {
      if (words(item) > MAX_MENU_WORDS) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMenuItem(String line) {
    String s = line.strip();
    return !s.isEmpty()
        && words(s) <= MAX_MENU_WORDS
        && s.length() <= 30
        && !s.matches(".*[.!?:;\"”’]$");
  }

  private static boolean isTimestamp(String line) {
    String s = line.strip();
    return !s.isEmpty()
        && s.length() <= 60
        && s.chars().anyMatch(Character::isDigit)
        && (TIMESTAMP.matcher(s).matches() || RELATIVE_TIME.matcher(s).matches());
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /**
   * Marks runs holding at least {@code minRun} lines that pass {@code test}, blank lines in between
   * allowed; lines already judged junk on their own continue a run but keep their verdict.
   */
  private static void markRuns(
      String[] lines,
      Reason[] verdicts,
      java.util.function.Predicate<String> test,
      int minRun,
      boolean blankEndsRun,
      Reason reason) {
    List<Integer> run = new ArrayList<>();
    for (int i = 0; i <= lines.length; i++) {
      boolean blank = i < lines.length && lines[i].isBlank();
      if (blank && !blankEndsRun) {
        continue;
      }
      boolean member = i < lines.length && !blank && (verdicts[i] != null || test.test(lines[i]));
      if (member) {
        run.add(i);
        continue;
      }
      long passing = run.stream().filter(j -> test.test(lines[j])).count();
      if (passing >= minRun) {
        for (int j : run) {
          if (verdicts[j] == null) {
            verdicts[j] = reason;
          }
        }
      }
      run.clear();
    }
  }

  private static CleanedText assemble(String[] lines, Reason[] verdicts) {
    StringBuilder out = new StringBuilder();
    List<Removed> removed = new ArrayList<>();
    boolean previousBlank = true;
    for (int i = 0; i < lines.length; i++) {
      if (verdicts[i] != null) {
        removed.add(new Removed(lines[i].strip(), verdicts[i]));
        continue;
      }
      boolean blank = lines[i].isBlank();
      if (blank && previousBlank) {
        continue;
      }
      out.append(blank ? "" : lines[i]).append('\n');
      previousBlank = blank;
    }
    return new CleanedText(out.toString().strip(), removed);
  }
}
