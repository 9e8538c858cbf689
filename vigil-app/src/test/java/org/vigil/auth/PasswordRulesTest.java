/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.model.InvalidValueException;

class PasswordRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password1234",
        "Password2024!",
        "P@ssw0rd2024",
        "qwertyuiop123",
        "1q2w3e4r5t6y",
        "iloveyou1234",
        "Dragon1987!!",
        "passwordpassword",
        "Welcome12345",
        "123456789012",
        "abcabcabcabc",
        "aaaaaaaaaaaaaaa",
        "zyxwvutsrqpo",
        "!!Sunshine2023!!"
      })
  void commonPasswordsAndTheirDressedUpFormsAreRefused(String password) {
    assertThatThrownBy(() -> PasswordRules.checkNew(password))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "correct horse battery staple",
        "twelve chars",
        "Tbilisi-ferry-at-dawn",
        "blue kettle 47 under moss",
        "ZqB8v2LkP9wX"
      })
  void uncommonPasswordsOfTwelveCharactersPass(String password) {
    assertThat(PasswordRules.checkNew(password)).isEqualTo(password);
  }

  @Test
  void theUsernameIsNotAPassword() {
    assertThatThrownBy(() -> PasswordRules.checkNew("analyst.orga1", "analyst.orga"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("username");
  }
}
