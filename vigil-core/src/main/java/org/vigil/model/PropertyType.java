/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The kind of value a property holds. Each type validates a raw value and returns its normal form,
 * the one that is stored and compared: a country code in lower case, a date at the precision it was
 * given, a name with its white space folded.
 */
public enum PropertyType {
  NAME(512),
  TEXT(65_536),
  DATE(32),
  COUNTRY(8),
  IDENTIFIER(256),
  ENTITY(128),
  URL(2_048),
  NUMBER(64),
  LANGUAGE(8);

  private static final Pattern ENTITY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
  private static final Set<String> COUNTRIES = countries();

  private final int maxLength;

  PropertyType(int maxLength) {
    this.maxLength = maxLength;
  }

  /** The longest raw value this type accepts, in chars. */
  public int maxLength() {
    return maxLength;
  }

  /**
   * Validates {@code raw} and returns its normal form.
   *
   * @throws InvalidValueException naming the value and what is wrong with it
   */
  public String normalise(String raw) {
    if (raw == null) {
      throw new InvalidValueException("a " + label() + " value is missing");
    }
    if (raw.length() > maxLength) {
      throw new InvalidValueException(
          "a " + label() + " value is " + raw.length() + " chars long; the limit is " + maxLength);
    }
    String value = this == TEXT ? stripControls(raw).strip() : foldSpace(raw);
    if (value.isEmpty()) {
      throw new InvalidValueException("a " + label() + " value is empty");
    }
    return switch (this) {
      case NAME, IDENTIFIER, TEXT -> value;
      case DATE -> PartialDate.parse(value).toString();
      case COUNTRY -> country(value);
      case ENTITY -> entityId(value);
      case URL -> url(value);
      case NUMBER -> number(value);
      case LANGUAGE -> language(value);
    };
  }

  /** Whether {@code id} is acceptable as an entity id. */
  public static boolean isEntityId(String id) {
    return id != null && ENTITY_ID.matcher(id).matches();
  }

  private String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static String country(String value) {
    String code = value.toLowerCase(Locale.ROOT);
    if (!COUNTRIES.contains(code)) {
      throw new InvalidValueException(
          "'" + value + "' is not a country code (ISO 3166-1 alpha-2, such as 'ir' or 'gb')");
    }
    return code;
  }

  private static String entityId(String value) {
    if (!isEntityId(value)) {
      throw new InvalidValueException(
          "'"
              + value
              + "' is not an entity id (letters, digits and . _ : - only, at most 128 chars)");
    }
    return value;
  }

  private static String url(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new InvalidValueException("'" + value + "' is not an http or https URL");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw new InvalidValueException("'" + value + "' is not a URL: " + e.getReason());
    }
  }

  private static String number(String value) {
    try {
      return new BigDecimal(value.replace(",", "")).toPlainString();
    } catch (NumberFormatException e) {
      throw new InvalidValueException("'" + value + "' is not a number");
    }
  }

  private static String language(String value) {
    String code = value.toLowerCase(Locale.ROOT);
    if (!LANGUAGE_CODE.matcher(code).matches()) {
      throw new InvalidValueException("'" + value + "' is not an ISO 639 language code");
    }
    return code;
  }

  private static String foldSpace(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean space = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String stripControls(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!Character.isISOControl(c) || c == '\n' || c == '\t') {
        out.append(c == '\r' ? '\n' : c);
      }
    }
    return out.toString();
  }

  private static Set<String> countries() {
    Set<String> codes = new TreeSet<>();
    for (String code : Locale.getISOCountries()) {
      codes.add(code.toLowerCase(Locale.ROOT));
    }
    // Codes FtM uses beyond ISO 3166-1: Kosovo, the European Union, and "global" for bodies
    // such as the UN that have no country.
    codes.add("xk");
    codes.add("eu");
    codes.add("zz");
    return Set.copyOf(codes);
  }
}
