/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Security tests across organisations: the write-assisted adversarial matrix and the regression
 * tests of the findings it stands for.
 */
package org.vigil.security;
