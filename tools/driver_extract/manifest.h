/* SPDX-License-Identifier: MIT */
/*
 * driver.manifest: the exact Linux files and flags one driver is compiled
 * with, gathered from kbuild's .cmd files.  Format (docs/drivers.md): one
 * "key: value" per line, a list as one line per item with the same key,
 * "#" comments.  Paths are relative to the Linux source tree (sources,
 * headers) or to the build tree (generated headers); flags name the trees
 * as $(LINUX_SRC) and $(LINUX_BUILD), so a Makefile can set both.
 */
#ifndef DRIVER_EXTRACT_MANIFEST_H
#define DRIVER_EXTRACT_MANIFEST_H

#include "cmdfile.h"

#include <stdio.h>

struct manifest {
	const char *driver, *symbol, *version, *arch, *directory;
	const char *src_abs, *build_abs; /* the trees as absolute paths, as kbuild wrote them */
	struct strvec objects;		 /* compiled objects, build-tree relative */
	struct strvec sources, headers, generated, external;
	struct strvec flags;	    /* flags every source is compiled with */
	struct strvec source_flags; /* "<source> <flag>": the rest, per source */
	struct strvec *obj_flags;   /* per object, until manifest_finish */
	size_t nobj_flags;
};

/* Adds one compiled object and what its .cmd says. */
void manifest_add(struct manifest *m, const char *object, const struct cmdfile *cf);
/* Splits the flags into common and per-source ones; call once, before writing. */
void manifest_finish(struct manifest *m);
void manifest_write(FILE *f, const struct manifest *m);
void manifest_free(struct manifest *m);

/* A path as the manifest writes it: "include/linux/pci.h" (source tree),
 * "gen:include/generated/autoconf.h" (build tree) or absolute (elsewhere).
 * Fresh memory. */
char *manifest_path(const struct manifest *m, const char *path);
/* The compiler flags of a command worth keeping (defines, include paths,
 * -f, -m, -std, -O options), paths rewritten to $(LINUX_SRC)/$(LINUX_BUILD). */
void manifest_flags(const struct manifest *m, const struct cmdfile *cf, struct strvec *out);

#endif /* DRIVER_EXTRACT_MANIFEST_H */
