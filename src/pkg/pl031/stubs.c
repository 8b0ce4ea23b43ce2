// SPDX-License-Identifier: MIT
/*
 * pl031: Linux functions the driver (or dde-linux's Linux half) references
 * that nobody provides, found at link time by tools/l4re-driver-wrap.  Each
 * stops the server with its name when called (<dde/stub.h>); one a test
 * reaches gets a real implementation in src/pkg/dde-linux/ instead.
 */
#include <dde/stub.h>

DDE_STUB(alt_cb_patch_nops)
