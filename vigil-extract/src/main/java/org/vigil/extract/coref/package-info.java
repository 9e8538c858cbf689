/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Who "he" is: short forms of names, pronouns and descriptions joined to the named mention they
 * stand for, by small rules that resolve only when one candidate fits and leave the rest out.
 */
package org.vigil.extract.coref;
