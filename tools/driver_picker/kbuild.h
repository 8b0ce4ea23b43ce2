/* SPDX-License-Identifier: MIT */
/*
 * A reader of kbuild Makefiles good enough to say what each Kconfig symbol
 * builds: "obj-$(CONFIG_X) += foo.o bar/" lines give the symbol's objects
 * and subdirectories, "foo-y"/"foo-objs" (and "foo-$(CONFIG_Y)") lines the
 * members of composite objects.  Conditionals (ifdef, ifeq) are not
 * evaluated: every line counts, which lists a superset at worst.
 */
#ifndef DRIVER_PICKER_KBUILD_H
#define DRIVER_PICKER_KBUILD_H

#include "symtab.h"

#include <stddef.h>

/* One Makefile's text; dir is its directory relative to the tree root ("" for
 * the root).  Objects go to symbols already in st (from Kconfig); lines for
 * unknown symbols are ignored. */
void kbuild_parse_text(struct symtab *st, const char *dir, const char *text);

/* Every Kbuild (or, where there is none, Makefile) under srctree, leaving out
 * Documentation, tools, scripts, samples, usr and other architectures' arch/
 * directories.  Returns 0, or -1 with a reason in err. */
int kbuild_scan_tree(struct symtab *st, const char *srctree, const char *arch, char *err,
		     size_t errsz);

#endif /* DRIVER_PICKER_KBUILD_H */
