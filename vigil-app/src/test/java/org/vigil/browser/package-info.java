/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Browser tests: a real Vigil server, Debian's headless chromium through chromedriver, and a
 * screenshot of every page visited under target/screenshots.
 */
package org.vigil.browser;
