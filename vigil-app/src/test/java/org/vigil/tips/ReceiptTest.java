/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiptTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void aReceiptHoldsAtLeast128SecretBitsInNineGroupsOfFour() {
    Receipt r = Receipt.generate(random);
    assertTrue(Receipt.SECRET_CHARS * 5 >= 128);
    assertTrue(r.grouped().matches("([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}"));
  }

  @Test
  void aReceiptTypedBackInLowerCaseWithSpacesAndLookAlikesIsTheSame() {
    Receipt r = Receipt.generate(random);
    String typed =
        r.grouped().replace('-', ' ').toLowerCase(Locale.ROOT).replace('0', 'o').replace('1', 'l');
    Optional<Receipt> back = Receipt.parse(" " + typed + "\n");
    assertTrue(back.isPresent());
    assertEquals(r.grouped(), back.get().grouped());
  }

  @Test
  void aShortOrForeignReceiptIsNone() {
    assertFalse(Receipt.parse("ABCD-EFGH").isPresent());
    assertFalse(Receipt.parse("U".repeat(36)).isPresent());
    assertFalse(Receipt.parse("<script>").isPresent());
    assertFalse(Receipt.parse("A".repeat(500)).isPresent());
  }

  @Test
  void theSecretNeverAppearsInToString() {
    Receipt r = Receipt.generate(random);
    assertFalse(r.toString().contains(r.secret()));
  }

  @Test
  void aRightReceiptOpensItsKeyAndAWrongOneDoesNot() {
    ReceiptHasher hasher = new ReceiptHasher(64, 1, random);
    Receipt r = Receipt.generate(random);
    ReceiptHasher.Derived d = hasher.derive(r);
    assertEquals(
        d.tipsterKey().sealingKey(),
        hasher.check(r.secret(), d.salt(), d.verifier()).orElseThrow().sealingKey());
    Receipt other = Receipt.generate(random);
    assertFalse(hasher.check(other.secret(), d.salt(), d.verifier()).isPresent());
  }
}
