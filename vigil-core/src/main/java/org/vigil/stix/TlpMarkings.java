/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.Tlp;

/**
 * The official TLP 2.0 marking-definition objects (OASIS cti-stix-common-objects): fixed ids that
 * every STIX 2.1 consumer recognises, with the TLP 2.0 property extension.
 */
public final class TlpMarkings {
  /** The extension definition that carries {@code tlp_2_0} on the official objects. */
  public static final String EXTENSION =
      "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

  private TlpMarkings() {}

  /** The id of the official marking definition of {@code tlp}. */
  public static String id(Tlp tlp) {
    return switch (tlp) {
      case CLEAR -> "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
      case GREEN -> "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
      case AMBER -> "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
      case AMBER_STRICT -> "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
      case RED -> "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    };
  }

  /**
   * The TLP level an official marking-definition id stands for, if it is one: the TLP 2.0 ids, and
   * the TLP 1.0 ids of STIX 2.1's section 7.2.1.4 read as their TLP 2.0 equivalents (WHITE as
   * CLEAR, GREEN, AMBER and RED as themselves; TLP 1.0 had no AMBER+STRICT). Exports use the 2.0
   * ids only.
   */
  public static Optional<Tlp> levelOf(String markingId) {
    for (Tlp tlp : Tlp.values()) {
      if (id(tlp).equals(markingId)) {
        return Optional.of(tlp);
      }
    }
    return Optional.ofNullable(TLP_1.get(markingId));
  }

  /** The TLP 1.0 marking-definition ids, each with the TLP 2.0 level it stands for. */
  private static final Map<String, Tlp> TLP_1 =
      Map.of(
          "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR,
          "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
          "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
          "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED);

  /** The official marking-definition object of {@code tlp}. */
  public static ObjectNode definition(Tlp tlp) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("type", "marking-definition");
    out.put("spec_version", "2.1");
    out.put("id", id(tlp));
    out.put("created", "2022-10-01T00:00:00.000Z");
    out.put("name", tlp.label());
    ObjectNode extension = out.putObject("extensions").putObject(EXTENSION);
    extension.put("extension_type", "property-extension");
    extension.put("tlp_2_0", tlp.code().toLowerCase(Locale.ROOT));
    return out;
  }
}
