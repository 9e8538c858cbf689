/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SealedBoxTest {
  private final SecureRandom random = new SecureRandom();
  private final SealedBox box = new SealedBox(random);
  private final OpeningKey team = OpeningKey.generate(random);

  @Test
  void theTeamKeyOpensWhatWasSealedToIt() {
    byte[] tip = "مردی با پلاک ۱۲ ایران هر شب عکس می‌گیرد".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = box.seal(team.sealingKey(), tip);
    assertArrayEquals(tip, SealedBox.open(team, sealed));
  }

  @Test
  void theSealedBytesDoNotContainThePlainText() {
    byte[] tip = "distinctive-plain-text-7781".getBytes(StandardCharsets.US_ASCII);
    String sealed = new String(box.seal(team.sealingKey(), tip), StandardCharsets.ISO_8859_1);
    assertFalse(sealed.contains("distinctive"));
  }

  @Test
  void anotherKeyCannotOpen() {
    byte[] sealed = box.seal(team.sealingKey(), new byte[] {1, 2, 3});
    OpeningKey other = OpeningKey.generate(random);
    assertThrows(SealException.class, () -> SealedBox.open(other, sealed));
  }

  @Test
  void anAlteredBoxIsRefused() {
    byte[] sealed = box.seal(team.sealingKey(), new byte[] {1, 2, 3});
    sealed[sealed.length - 1] ^= 1;
    assertThrows(SealException.class, () -> SealedBox.open(team, sealed));
    assertThrows(SealException.class, () -> SealedBox.open(team, new byte[10]));
  }

  @Test
  void twoSealsOfOneTextDiffer() {
    byte[] text = "same".getBytes(StandardCharsets.US_ASCII);
    assertFalse(
        java.util.Arrays.equals(
            box.seal(team.sealingKey(), text), box.seal(team.sealingKey(), text)));
  }

  @Test
  void anEmptyAndALargeMessageRoundTrip() {
    byte[] large = new byte[3 * 1024 * 1024];
    new Random(7).nextBytes(large);
    assertArrayEquals(large, SealedBox.open(team, box.seal(team.sealingKey(), large)));
    assertEquals(0, SealedBox.open(team, box.seal(team.sealingKey(), new byte[0])).length);
  }
}
