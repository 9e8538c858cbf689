/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.vigil.model.InvalidValueException;

class PasswordHasherTest {
  // A cheap cost keeps the unit test fast; the format and the checks are the same.
  private final PasswordHasher cheap =
      new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom());

  @Test
  void hashIsAStandardArgon2idPhcString() {
    String hash = cheap.hash("correct horse battery staple");
    assertThat(hash)
        .matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
  }

  @Test
  void defaultCostIsOwaspsMinimum() {
    assertThat(PasswordHasher.standard().hash("correct horse battery staple"))
        .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
  }

  @Test
  void rightPasswordVerifiesAndWrongOneDoesNot() {
    String hash = cheap.hash("correct horse battery staple");
    assertThat(cheap.verify("correct horse battery staple", hash)).isTrue();
    assertThat(cheap.verify("correct horse battery stapler", hash)).isFalse();
    assertThat(cheap.verify("", hash)).isFalse();
  }

  @Test
  void sameMismatchUnderDifferentSaltsGivesDifferentHashes() {
    assertThat(cheap.hash("Ωμέγα-şifre-пароль")).isNotEqualTo(cheap.hash("Ωμέγα-şifre-пароль"));
    assertThat(cheap.verify("Ωμέγα-şifre-пароль", cheap.hash("Ωμέγα-şifre-пароль"))).isTrue();
  }

  @Test
  void costIsReadFromTheStoredString() {
    String cheapHash = cheap.hash("correct horse battery staple");
    PasswordHasher stronger =
        new PasswordHasher(new PasswordHasher.Cost(2048, 2, 1), new SecureRandom());
    assertThat(stronger.verify("correct horse battery staple", cheapHash)).isTrue();
    assertThat(stronger.needsRehash(cheapHash)).isTrue();
    assertThat(cheap.needsRehash(cheapHash)).isFalse();
  }

  @Test
  void tamperedHashMatchesNothing() {
    String hash = cheap.hash("correct horse battery staple");
    // $argon2id$v=19$m=...,t=...,p=...$salt$hash
    String[] parts = hash.split("\\$");
    assertThat(cheap.verify("correct horse battery staple", join(parts, 5, flipMiddle(parts[5]))))
        .isFalse();
    assertThat(cheap.verify("correct horse battery staple", join(parts, 4, flipMiddle(parts[4]))))
        .isFalse();
    assertThat(cheap.verify("correct horse battery staple", hash.replace("t=1", "t=2"))).isFalse();
    assertThat(cheap.verify("correct horse battery staple", hash.replace("m=1024", "m=2048")))
        .isFalse();
  }

  /** Changes a character in the middle, where every bit counts (unlike base64's last one). */
  private static String flipMiddle(String base64) {
    int at = base64.length() / 2;
    char replacement = base64.charAt(at) == 'A' ? 'B' : 'A';
    return base64.substring(0, at) + replacement + base64.substring(at + 1);
  }

  private static String join(String[] parts, int index, String replacement) {
    String[] copy = parts.clone();
    copy[index] = replacement;
    return String.join("$", copy);
  }

  @Test
  void malformedHashesMatchNothing() {
    assertThat(cheap.verify("x", "")).isFalse();
    assertThat(cheap.verify("x", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
        .isFalse();
    assertThat(cheap.verify("x", "$argon2id$v=19$m=1,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"))
        .isFalse();
    assertThat(cheap.verify("x", "plain text password")).isFalse();
  }

  @Test
  void newPasswordsNeedTwelveCharacters() {
    assertThatThrownBy(() -> PasswordRules.checkNew("short-pass1"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at least 12");
    assertThat(PasswordRules.checkNew("twelve chars")).isEqualTo("twelve chars");
    assertThatThrownBy(() -> PasswordRules.checkNew("            "))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void generatedSecretsAreLongAndDistinct() {
    assertThat(Secrets.newPassword()).hasSize(20).isNotEqualTo(Secrets.newPassword());
    assertThat(PasswordRules.checkNew(Secrets.newPassword())).hasSize(20);
    assertThat(Secrets.newToken()).hasSize(43);
    assertThat(Secrets.digest("abc")).hasSize(64).isEqualTo(Secrets.digest("abc"));
  }
}
