/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * The sanctions lists loaded into a data directory: releases kept on disk with their manifests, the
 * current release of each dataset, loading, comparing and downloading releases, and the one
 * screener a process builds over the current releases.
 */
package org.vigil.watchlists;
