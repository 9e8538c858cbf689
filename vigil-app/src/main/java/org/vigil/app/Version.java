/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The version of this build, as Maven stamped it into a resource. */
public final class Version {
  private static final String RESOURCE = "/org/vigil/app/vigil-version.properties";
  private static final String VERSION = load();

  private Version() {}

  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      String version = properties.getProperty("version", "unknown");
      // An unfiltered copy (running from an IDE without Maven) still holds the placeholder.
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
