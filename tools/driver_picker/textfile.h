/* SPDX-License-Identifier: MIT */
/*
 * Reading Kconfig, Makefile and .cmd files: whole-file reads and logical
 * lines (backslash-newline joins lines in all three languages), counted so
 * that errors can name file:line.
 */
#ifndef DRIVER_PICKER_TEXTFILE_H
#define DRIVER_PICKER_TEXTFILE_H

#include <stddef.h>

/* The file's contents, NUL-terminated, or NULL (errno set). */
char *textfile_read(const char *path, size_t *len);

struct lines {
	const char *p, *end;
	unsigned lineno; /* line of the logical line last returned (first physical line) */
	unsigned next;	 /* physical line where the next one starts */
	char *buf;
	size_t cap;
};

void lines_init(struct lines *ls, const char *text, size_t len);
/* Next logical line, continuations joined with a space, without the newline;
 * NULL at the end.  join == 0 returns physical lines (Kconfig help text). */
char *lines_next(struct lines *ls, int join);
void lines_free(struct lines *ls);

int is_blank(char c);
/* s without leading blanks. */
char *skip_blanks(const char *s);
/* Removes trailing blanks in place. */
void trim_end(char *s);

#endif /* DRIVER_PICKER_TEXTFILE_H */
