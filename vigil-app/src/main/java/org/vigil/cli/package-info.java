/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * The {@code vigil} command line (picocli): serving, the demo, accounts, the search index and the
 * audit log. Exit codes: 0 success, 1 failure, 2 bad usage.
 */
package org.vigil.cli;
