/* SPDX-License-Identifier: MIT */
/*
 * kbuild's .cmd files: after compiling foo.o, kbuild leaves .foo.o.cmd
 * beside it with three assignments, all written by kbuild itself (fixdep):
 *
 *   cmd_<obj> := <the full compiler command>
 *   source_<obj> := <the source file>
 *   deps_<obj> := \
 *     <header> \
 *       $(wildcard include/config/FOO) \      (Kconfig dependencies, skipped)
 *     ...
 *
 * This reads them; it does not interpret paths (manifest.c does).
 */
#ifndef DRIVER_EXTRACT_CMDFILE_H
#define DRIVER_EXTRACT_CMDFILE_H

#include "strvec.h"

#include <stddef.h>

struct cmdfile {
	struct strvec argv; /* the command split into shell words, quotes kept */
	char *source;	    /* NULL for commands that compile nothing (links) */
	struct strvec deps; /* every file the compiler read, as written */
};

/* Parses the text of a .cmd file; -1 with a reason in err if it has no
 * cmd_ line. */
int cmdfile_parse(const char *text, struct cmdfile *cf, char *err, size_t errsz);
void cmdfile_free(struct cmdfile *cf);

/* Splits a shell command into words: blanks separate words outside quotes,
 * quotes stay in the word (the flags go back to a shell later). */
void split_words(const char *cmd, struct strvec *out);

#endif /* DRIVER_EXTRACT_CMDFILE_H */
