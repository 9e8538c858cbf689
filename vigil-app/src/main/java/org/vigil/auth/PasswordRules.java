/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.vigil.model.InvalidValueException;

/**
 * What a new password must satisfy: a length, and not being one of the passwords people pick most
 * (NIST SP 800-63B, 5.1.1.2). Composition rules ("a digit and a symbol") are not imposed; they make
 * {@code Password2024!} pass. A password is refused when, lower-cased, with look-alike characters
 * read as letters ({@code p@ssw0rd}), with digits and symbols around it taken away ({@code
 * Dragon1987!}) and with a repetition reduced ({@code passwordpassword}), it is one of the cores in
 * {@code common-passwords.txt}; or when it is a run or a repetition of a few characters ({@code
 * 123456789012}, {@code abcabcabcabc}); or when it is the username.
 */
public final class PasswordRules {
  public static final int MIN_LENGTH = 12;

  /** Argon2 takes any length, but an unbounded one would let a caller burn memory and time. */
  public static final int MAX_LENGTH = 1_024;

  private static final String COMMON_RESOURCE = "common-passwords.txt";
  private static final Set<String> COMMON = load();
  private static final String DECORATION = "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private PasswordRules() {}

  /**
   * Checks a password chosen by a person.
   *
   * @throws InvalidValueException saying what is wrong (never echoing the password)
   */
  public static String checkNew(String password) {
    return checkNew(password, "");
  }

  /**
   * Checks a password chosen by the user {@code username} (which it must not be).
   *
   * @throws InvalidValueException saying what is wrong (never echoing the password)
   */
  public static String checkNew(String password, String username) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw new InvalidValueException(
          "the password has " + length + " characters; it needs at least " + MIN_LENGTH);
    }
    if (length > MAX_LENGTH) {
      throw new InvalidValueException(
          "the password has " + length + " characters; the limit is " + MAX_LENGTH);
    }
    if (password.isBlank()) {
      throw new InvalidValueException("the password is only white space");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String name = username.strip().toLowerCase(Locale.ROOT);
    for (String candidate : candidates(lower)) {
      if (COMMON.contains(candidate)) {
        throw new InvalidValueException(
            "the password is one of the most common ones, dressed up or not; choose another (a"
                + " few unrelated words make a good one)");
      }
      if (!name.isEmpty() && candidate.equals(name)) {
        throw new InvalidValueException("the password is the username; choose another");
      }
    }
    if (isRunOrRepetition(lower)) {
      throw new InvalidValueException(
          "the password is a run or a repetition of a few characters; choose another");
    }
    return password;
  }

  /** The forms of a lower-cased password that are looked up: as typed, undecorated, de-leeted. */
  private static Set<String> candidates(String lower) {
    Set<String> out = new LinkedHashSet<>();
    for (String form :
        new String[] {lower, stripEnd(lower), stripEnds(lower), deleet(stripEnds(lower))}) {
      if (form.isEmpty()) {
        continue;
      }
      out.add(form);
      out.add(deleet(form));
      String unit = repeatedUnit(form);
      out.add(unit);
      out.add(deleet(unit));
    }
    out.remove("");
    return out;
  }

  private static String stripEnd(String text) {
    int end = text.length();
    while (end > 0 && DECORATION.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(0, end);
  }

  private static String stripEnds(String text) {
    String cut = stripEnd(text);
    int start = 0;
    while (start < cut.length() && DECORATION.indexOf(cut.charAt(start)) >= 0) {
      start++;
    }
    return cut.substring(start);
  }

  /** Reads the digits and symbols people put for look-alike letters as those letters. */
  private static String deleet(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(
          switch (c) {
            case '@', '4' -> 'a';
            case '3' -> 'e';
            case '1', '!' -> 'i';
            case '0' -> 'o';
            case '$', '5' -> 's';
            case '7', '+' -> 't';
            default -> c;
          });
    }
    return out.toString();
  }

  /** The shortest unit that {@code text} is a repetition of ("abcabcabc" is "abc"). */
  private static String repeatedUnit(String text) {
    int n = text.length();
    for (int unit = 1; unit <= n / 2; unit++) {
      if (n % unit == 0 && text.substring(0, unit).repeat(n / unit).equals(text)) {
        return text.substring(0, unit);
      }
    }
    return text;
  }

  /** A repetition of a unit of at most four characters, or a run of consecutive characters. */
  private static boolean isRunOrRepetition(String text) {
    if (repeatedUnit(text).length() <= 4) {
      return true;
    }
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < text.length(); i++) {
      int step = text.charAt(i) - text.charAt(i - 1);
      // "1234567890" wraps from 9 to 0.
      boolean wraps = text.charAt(i - 1) == '9' && text.charAt(i) == '0';
      boolean wrapsDown = text.charAt(i - 1) == '0' && text.charAt(i) == '9';
      up &= step == 1 || wraps;
      down &= step == -1 || wrapsDown;
    }
    return up || down;
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordRules.class.getResourceAsStream(COMMON_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(COMMON_RESOURCE + " is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + COMMON_RESOURCE, e);
    }
    return Set.copyOf(words);
  }
}
