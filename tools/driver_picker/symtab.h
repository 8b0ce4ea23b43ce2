/* SPDX-License-Identifier: MIT */
/*
 * The Kconfig symbols of a Linux tree and what the Makefiles build for each.
 * The Kconfig parser (kconfig.c) fills the first half of a symbol, the
 * Makefile parser (kbuild.c) the object lists.  Lookup is by hash because a
 * real tree has ~18 000 symbols and ~30 000 obj- lines to attribute.
 */
#ifndef DRIVER_PICKER_SYMTAB_H
#define DRIVER_PICKER_SYMTAB_H

#include "strvec.h"

struct ksym {
	char *name;	  /* without the CONFIG_ prefix */
	char *type;	  /* bool, tristate, int, hex, string; NULL if never typed */
	char *prompt;	  /* NULL: the user cannot set it (not a driver) */
	char *menu;	  /* menu path, "Device Drivers > Real Time Clock" */
	char *defined_at; /* "drivers/rtc/Kconfig:123", first definition */
	char *help;
	struct strvec depends; /* own "depends on" plus enclosing menus and ifs */
	struct strvec objects; /* obj-$(CONFIG_<name>) entries, from the tree root; dirs end in / */
	struct strvec parts;   /* members of composite objects (foo-y, foo-objs) */
	struct strvec optional; /* members under another option: "path (CONFIG_Y)" */
};

struct symtab {
	struct ksym **syms; /* in order of first appearance */
	size_t n, cap;
	size_t *slots; /* open addressing: index + 1 into syms, 0 = empty */
	size_t nslots;
};

struct ksym *symtab_find(const struct symtab *st, const char *name);
/* The symbol named name, created empty if new. */
struct ksym *symtab_intern(struct symtab *st, const char *name);
void symtab_free(struct symtab *st);

/* Directory of a symbol's first object file (or first subdirectory), no
 * trailing slash; NULL if the Makefiles build nothing for it. */
const char *ksym_directory(const struct ksym *s, char *buf, size_t size);

#endif /* DRIVER_PICKER_SYMTAB_H */
