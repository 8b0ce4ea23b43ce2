/* SPDX-License-Identifier: MIT */
/*
 * The driver catalogue of one Linux tree: its Kconfig symbols joined with
 * what its Makefiles build.  A "driver" is a bool or tristate symbol the
 * user can set (it has a prompt) whose obj-$(CONFIG_X) line builds at least
 * one object file.  Also: recognising a Linux tree, its version, and
 * finding a driver by symbol or object name.
 */
#ifndef DRIVER_PICKER_DRIVERS_H
#define DRIVER_PICKER_DRIVERS_H

#include "symtab.h"

#include <stddef.h>

struct catalogue {
	char *srctree;
	char *version; /* "6.1.192", or "unknown" without a top-level Makefile */
	struct symtab st;
	struct ksym **drivers; /* sorted by symbol name */
	size_t n;
};

/* Reads the tree; -1 with a message in err if srctree is no Linux tree or
 * a Kconfig file cannot be parsed. */
int catalogue_load(struct catalogue *c, const char *srctree, const char *arch, char *err,
		   size_t errsz);
void catalogue_free(struct catalogue *c);

int ksym_is_driver(const struct ksym *s);

/* Whether s belongs to subsystem sub: a case-insensitive part of its menu
 * path, or a prefix of its directory ("drivers/rtc"). */
int driver_in_subsystem(const struct ksym *s, const char *sub);

/* Whether s matches a search text (case-insensitive, in the symbol, the
 * prompt or an object's name). */
int driver_matches(const struct ksym *s, const char *text);

/* The driver called key: a symbol (with or without CONFIG_), an object's
 * base name (dashes and underscores alike), or else the only driver whose
 * symbol or object name contains key.  NULL if none; *ambiguous is set to
 * the number of candidates when several fit. */
struct ksym *catalogue_lookup(const struct catalogue *c, const char *key, size_t *ambiguous,
			      struct strvec *candidates);

/* The Kconfig symbol with that name, driver or not. */
struct ksym *catalogue_symbol(const struct catalogue *c, const char *name);

#endif /* DRIVER_PICKER_DRIVERS_H */
