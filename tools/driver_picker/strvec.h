/* SPDX-License-Identifier: MIT */
/*
 * Growable vectors of owned strings, the one container the driver tools use
 * for lists of objects, dependencies and flags.  Allocation failure ends the
 * program (xmalloc): these are short-lived host tools, and a half-built list
 * would only produce a wrong answer later.
 */
#ifndef DRIVER_PICKER_STRVEC_H
#define DRIVER_PICKER_STRVEC_H

#include <stddef.h>

struct strvec {
	char **v;
	size_t n, cap;
};

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A formatted string in fresh memory. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void strvec_push(struct strvec *sv, const char *s);
/* Appends s unless an equal string is already there; returns 1 if added. */
int strvec_add_unique(struct strvec *sv, const char *s);
int strvec_contains(const struct strvec *sv, const char *s);
void strvec_free(struct strvec *sv);

#endif /* DRIVER_PICKER_STRVEC_H */
