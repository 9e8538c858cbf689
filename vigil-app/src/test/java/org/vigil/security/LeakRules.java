/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.vigil.security.MatrixScan.Answer;
import org.vigil.security.MatrixScan.Probe;
import org.vigil.security.MatrixWorld.Canary;
import org.vigil.security.MatrixWorld.Target;

/**
 * What counts as a leak, mechanically: a canary of a marking the attacker may not see in anything
 * it got back (body, headers, status) that it neither sent nor learnt from its own writes; an
 * answer about a victim item that differs from the answer about a phantom that never existed; a
 * write route's own rule broken (counts that betray a statement, a duplicate of an unreadable
 * document).
 */
final class LeakRules {
  /** A form's one-time token or the session's CSRF token: different on every page, by design. */
  private static final Pattern TOKEN =
      Pattern.compile("((?:token|csrf)[^<>]{0,40}?(?:value|content)=\")[^\"]*");

  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}t\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?z?");

  /** One leak: where, of which marking, what the attacker sent and what it learnt. */
  record Leak(
      MatrixScan.Route route, VictimMarking marking, String kind, String request, String detail) {}

  private LeakRules() {}

  static List<Leak> find(MatrixWorld world, List<Probe> probes) {
    List<Canary> hidden =
        world.canaries().stream()
            .filter(c -> !world.attackerMaySee(c.marking()))
            .filter(c -> !world.attackerKnows(c))
            .toList();
    List<Leak> leaks = new ArrayList<>();
    for (Probe p : probes) {
      String body = p.answer().body().toLowerCase(Locale.ROOT);
      String head = (p.answer().status() + "\n" + p.answer().headers()).toLowerCase(Locale.ROOT);
      for (Canary c : hidden) {
        String text = c.text().toLowerCase(Locale.ROOT);
        if (p.requestText().contains(text)) {
          continue;
        }
        boolean inBody = body.contains(text);
        if (inBody || head.contains(text)) {
          leaks.add(
              new Leak(
                  p.route(),
                  c.marking(),
                  "canary",
                  p.request(),
                  c.what()
                      + " '"
                      + c.text()
                      + "' in the "
                      + (inBody ? "body" : "headers")
                      + " ("
                      + p.answer().status()
                      + "): "
                      + around(p.answer().body(), c.text())));
        }
      }
      if (p.phantomAnswer().isPresent() && p.target().isPresent()) {
        Target t = p.target().get();
        String victim = normalised(p.answer(), t);
        String phantom = normalised(p.phantomAnswer().get(), t);
        if (!victim.equals(phantom)) {
          leaks.add(
              new Leak(
                  p.route(),
                  t.marking().orElseThrow(),
                  "oracle",
                  p.request(),
                  "the answer differs from the one for '"
                      + t.phantom()
                      + "', which never existed: "
                      + p.answer().status()
                      + " "
                      + MatrixScan.abbreviate(firstDifference(victim, phantom))
                      + " | phantom: "
                      + p.phantomAnswer().get().status()
                      + " "
                      + MatrixScan.abbreviate(firstDifference(phantom, victim))));
        }
      }
      if (p.breach().isPresent()) {
        leaks.add(
            new Leak(
                p.route(),
                // A route's own rule with no victim item in it (the tip routes refuse everyone
                // but tip handlers) is reported under the first marking.
                p.target().flatMap(Target::marking).orElse(VictimMarking.values()[0]),
                "rule",
                p.request(),
                p.breach().get()));
      }
    }
    return leaks;
  }

  /** The answer as compared: the target and its phantom as one placeholder, times removed. */
  static String normalised(Answer a, Target t) {
    String text = (a.status() + "\n" + location(a) + "\n" + a.body()).toLowerCase(Locale.ROOT);
    for (String value : List.of(t.value(), t.phantom())) {
      String lower = value.toLowerCase(Locale.ROOT);
      if (t.kind() == Target.Kind.JUDGEMENT) {
        text = text.replaceAll("\\b" + Pattern.quote(lower) + "\\b", "<target>");
      } else {
        text = text.replace(lower, "<target>");
        text = text.replace(URLEncoder.encode(lower, StandardCharsets.UTF_8), "<target>");
        text =
            text.replace(
                URLEncoder.encode(lower, StandardCharsets.UTF_8).replace("+", "%20"), "<target>");
      }
    }
    text = TOKEN.matcher(text).replaceAll("$1<token>");
    return TIMESTAMP.matcher(text).replaceAll("<time>");
  }

  private static String location(Answer a) {
    return a.headers()
        .lines()
        .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("location:"))
        .findFirst()
        .orElse("");
  }

  private static String firstDifference(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 60);
    return (from > 0 ? "..." : "") + a.substring(from, Math.min(a.length(), i + 100));
  }

  private static String around(String body, String canary) {
    int at = body.toLowerCase(Locale.ROOT).indexOf(canary.toLowerCase(Locale.ROOT));
    if (at < 0) {
      return "";
    }
    int from = Math.max(0, at - 60);
    return MatrixScan.abbreviate(
        (from > 0 ? "..." : "") + body.substring(from, Math.min(body.length(), at + 80)));
  }
}
