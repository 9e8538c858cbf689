/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives the parts of a name written in Cyrillic the skeletons of the Arabic names Russian spells
 * its own way: Russian writes the j of "Jihad" as "дж" (romanised "dzh") and the h of "Hamid" as
 * "х" (romanised "kh"), so "Джихад" is also "jihad" and "Хамид" also "hamid"; and it writes the h
 * of foreign words as "г" (romanised "g"), so "Гидромаш" is also "hydromash". The romanisation
 * keeps its own skeleton first, so "Михаил" still meets "Mikhail"; the others are added.
 */
public final class AddRussianSpellingSkeletons {

  public List<NamePart> apply(List<NamePart> parts) {
    List<NamePart> out = new ArrayList<>(parts.size());
    for (NamePart part : parts) {
      out.add(part.translated() ? part : withVariants(part));
    }
    return out;
  }

  private static NamePart withVariants(NamePart part) {
    String surface = part.surface();
    if (!surface.contains("dzh") && !surface.contains("kh") && !surface.contains("g")) {
      return part;
    }
    Set<String> skeletons = new LinkedHashSet<>(part.skeletons());
    String j = surface.replace("dzh", "j");
    for (String variant :
        List.of(j, surface.replace("kh", "h"), j.replace("kh", "h"), surface.replace('g', 'h'))) {
      String skeleton = PhoneticKey.skeleton(variant);
      if (!skeleton.isEmpty()) {
        skeletons.add(skeleton);
      }
    }
    return new NamePart(
        surface,
        part.form(),
        part.skeleton(),
        List.copyOf(skeletons),
        part.written(),
        part.translated());
  }
}
