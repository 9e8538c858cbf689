/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoFoldsTest {
  private static List<String> sentences(int n) {
    Random random = new Random(7);
    String[] words = {"the", "minister", "of", "Tehran", "said", "Ali", "works", "for", "Acme"};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder s = new StringBuilder();
      for (int w = 0; w < 3 + random.nextInt(12); w++) {
        s.append(words[random.nextInt(words.length)]).append(' ');
      }
      out.add(s.append(i).append(" .").toString());
    }
    return out;
  }

  @Test
  void everySentenceFallsInOneOfTwoHalvesOfAboutTheSameSize() {
    List<String> all = sentences(2_000);

    long first = all.stream().filter(s -> TwoFolds.of(s) == 0).count();
    long second = all.stream().filter(s -> TwoFolds.of(s) == 1).count();

    assertThat(first + second).isEqualTo(2_000);
    assertThat(first).isBetween(900L, 1_100L);
  }

  @Test
  void aSentenceHeldTwiceLiesInOneHalfWhoeverReadsIt() {
    String text = "Anna Berg , who works for Helix Dynamics , spoke .";

    assertThat(TwoFolds.of(new String(text.toCharArray()))).isEqualTo(TwoFolds.of(text));
    assertThat(TwoFolds.of("")).isBetween(0, 1);
  }
}
