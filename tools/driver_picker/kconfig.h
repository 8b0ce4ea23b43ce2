/* SPDX-License-Identifier: MIT */
/*
 * A Kconfig reader good enough to name drivers: it follows source lines
 * from the top-level Kconfig (with $(SRCARCH)/$(ARCH) set to one
 * architecture), records every config/menuconfig with its type, prompt,
 * dependencies and help, and attributes it to a menu path built from
 * menu/endmenu, choice/endchoice, and the nesting Kconfig itself shows
 * (an "if SYM" block right after SYM's entry, entries right after a
 * menuconfig that depend on it).  It does not evaluate expressions: it is
 * not a configurator, only a catalogue.
 */
#ifndef DRIVER_PICKER_KCONFIG_H
#define DRIVER_PICKER_KCONFIG_H

#include "symtab.h"

#include <stddef.h>

/* Parses <srctree>/<path> and every file it sources.  Returns 0, or -1 with
 * "file:line: reason" in err. */
int kconfig_parse_file(struct symtab *st, const char *srctree, const char *path, const char *arch,
		       char *err, size_t errsz);

/* The same over a buffer named path (tests); source lines still read files
 * under srctree. */
int kconfig_parse_text(struct symtab *st, const char *srctree, const char *path, const char *text,
		       const char *arch, char *err, size_t errsz);

#endif /* DRIVER_PICKER_KCONFIG_H */
