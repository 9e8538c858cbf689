/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signing in and out through the pages, as a person at a browser does. */
@ExtendWith(BrowserExtension.class)
class SignInBrowserIT {
  @Test
  void anAnalystSignsInLandsOnTheHomePageAndSignsOut(Browser browser) {
    browser.open("/");
    assertThat(browser.path()).startsWith("/login");
    browser.signIn(UiServer.ANALYST);
    assertThat(browser.path()).isEqualTo("/");
    assertThat(browser.find("header .who").getText()).contains(UiServer.ANALYST);
    browser.find("form.signout button").click();
    browser.find("form.signin");
    assertThat(browser.path()).startsWith("/login");
    browser.shot("signed out");
  }

  @Test
  void aWrongPasswordIsRefusedOnThePage(Browser browser) {
    browser.open("/login");
    browser.find("input[name=username]").sendKeys(UiServer.ANALYST);
    browser.find("input[name=password]").sendKeys("not the password");
    browser.find("form.signin button[type=submit]").click();
    assertThat(browser.waitForText("p.error", "wrong").getText())
        .isEqualTo("The username or the password is wrong.");
    browser.shot("refused");
  }
}
