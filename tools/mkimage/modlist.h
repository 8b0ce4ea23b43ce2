/* SPDX-License-Identifier: MIT */
/*
 * Parser for modules.list files in L4Re's syntax:
 *
 *   entry NAME          starts an entry
 *   kernel FILE [args]  the kernel (required)
 *   sigma0 FILE         the root pager (optional, default "sigma0")
 *   roottask FILE [args] the root task (required)
 *   module FILE [args]  a boot module, in order
 *
 * '#' starts a comment, blank lines are ignored, leading and trailing
 * whitespace is ignored.  The whole file is checked; one entry is returned.
 * Errors are "file:line: reason" (or "file: reason") in the caller's buffer.
 */
#ifndef MKIMAGE_MODLIST_H
#define MKIMAGE_MODLIST_H

#include <stddef.h>

#include "bootinfo.h"

#define MODLIST_MAX_LINE 1024
#define MODLIST_MAX_FILE 256
#define MODLIST_MAX_PLAIN (BOOTINFO_MAX_MODULES - 2)

struct modlist_item {
	char file[MODLIST_MAX_FILE];	    /* as written in the list */
	char cmdline[BOOTINFO_CMDLINE_LEN]; /* the line minus the keyword */
	unsigned line;			    /* 0: not given */
};

struct modlist_entry {
	char name[BOOTINFO_NAME_LEN];
	unsigned line;
	struct modlist_item kernel;
	struct modlist_item sigma0;
	struct modlist_item roottask;
	struct modlist_item modules[MODLIST_MAX_PLAIN];
	unsigned nr_modules;
};

/*
 * Parses text[0..len) (the contents of `path`) and fills *out with entry
 * `want`.  Returns 0, or -1 with a message in err[0..errsz).
 */
int modlist_parse(const char *path, const char *text, size_t len, const char *want,
		  struct modlist_entry *out, char *err, size_t errsz);

#endif /* MKIMAGE_MODLIST_H */
