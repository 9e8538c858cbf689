/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * Who may do and see what: roles and their permissions, the viewer a request acts for, and the
 * marking policy that every read path applies to every statement.
 */
package org.vigil.access;
