/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  /** RFC 6238 appendix B's SHA-1 seed: the ASCII digits "12345678901234567890". */
  private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "T = {0} s gives {1}")
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void eightDigitCodesMatchTheSha1TestVectorsOfRfc6238AppendixB(long seconds, String expected) {
    assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(seconds)), 8))
        .isEqualTo(expected);
  }

  @Test
  void aSixDigitCodeIsTheLastSixDigitsOfTheEightDigitOne() {
    // RFC 4226 section 5.3: the code is the truncated value modulo 10^digits.
    long step = Totp.step(Instant.ofEpochSecond(1111111109));
    assertThat(Totp.code(RFC_SEED, step, 6)).isEqualTo("081804");
  }

  @Test
  void aCodeIsTakenWithinOneStepOfDriftAndNotBeyond() {
    String secret = Totp.base32(RFC_SEED);
    Instant now = Instant.ofEpochSecond(1111111109);
    long step = Totp.step(now);
    String code = Totp.code(RFC_SEED, step, 6);

    assertThat(Totp.verify(secret, code, now)).hasValue(step);
    assertThat(Totp.verify(secret, code, now.plusSeconds(30))).hasValue(step);
    assertThat(Totp.verify(secret, code, now.minusSeconds(30))).hasValue(step);
    assertThat(Totp.verify(secret, code, now.plusSeconds(90))).isEmpty();
    assertThat(Totp.verify(secret, "12345", now)).isEmpty();
    assertThat(Totp.verify(secret, "abcdef", now)).isEmpty();
  }

  @Test
  void base32RoundTripsAndReadsTheRfc4648Vector() {
    // RFC 4648 section 10: BASE32("foobar") = "MZXW6YTBOI======".
    assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(new String(Totp.decodeBase32("mzxw6ytboi======"), StandardCharsets.US_ASCII))
        .isEqualTo("foobar");
    String secret = Totp.newSecret();
    assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
    assertThat(Totp.base32(Totp.decodeBase32(secret))).isEqualTo(secret);
  }

  @Test
  void theUriIsTheOneAuthenticatorAppsRead() {
    assertThat(Totp.uri("Vigil", "alice@org-a", "MZXW6YTBOI"))
        .isEqualTo(
            "otpauth://totp/Vigil:alice%40org-a?secret=MZXW6YTBOI&issuer=Vigil"
                + "&algorithm=SHA1&digits=6&period=30");
  }
}
