// SPDX-License-Identifier: MIT
/*
 * libext2fs' error table (EXT2_ET_* codes and their messages), compiled
 * from what compile_et's awk scripts made of ext2_err.et.in
 * (obj/l4/arm64/pkg/ext2fs/gen/, see Makefile).  This file exists only
 * because mk/pkg.mk compiles sources named relative to the package.
 */
#include <ext2_err.c> /* NOLINT(bugprone-suspicious-include): generated source */
