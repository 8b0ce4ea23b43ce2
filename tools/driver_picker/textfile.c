// SPDX-License-Identifier: MIT
/*
 * Whole-file reads and logical-line iteration (see textfile.h).
 */
#include "textfile.h"

#include "strvec.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *textfile_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;
	int saved;

	if (!f)
		return NULL;
	do {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got);
	if (ferror(f)) {
		saved = errno;
		fclose(f);
		free(buf);
		errno = saved ? saved : EIO;
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

void lines_init(struct lines *ls, const char *text, size_t len)
{
	memset(ls, 0, sizeof(*ls));
	ls->p = text;
	ls->end = text + len;
	ls->next = 1;
}

static void put(struct lines *ls, size_t *n, char c)
{
	if (*n + 1 >= ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 256;
		ls->buf = xrealloc(ls->buf, ls->cap);
	}
	ls->buf[(*n)++] = c;
}

char *lines_next(struct lines *ls, int join)
{
	size_t n = 0;

	if (ls->p >= ls->end)
		return NULL;
	ls->lineno = ls->next;
	while (ls->p < ls->end) {
		char c = *ls->p++;

		if (c == '\n') {
			ls->next++;
			break;
		}
		if (join && c == '\\' && ls->p < ls->end &&
		    (*ls->p == '\n' ||
		     (*ls->p == '\r' && ls->p + 1 < ls->end && ls->p[1] == '\n'))) {
			ls->p += *ls->p == '\r' ? 2 : 1;
			ls->next++;
			put(ls, &n, ' ');
			continue;
		}
		put(ls, &n, c);
	}
	put(ls, &n, '\0');
	if (n >= 2 && ls->buf[n - 2] == '\r')
		ls->buf[n - 2] = '\0';
	return ls->buf;
}

void lines_free(struct lines *ls)
{
	free(ls->buf);
	ls->buf = NULL;
}

int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

char *skip_blanks(const char *s)
{
	while (is_blank(*s))
		s++;
	return (char *)s;
}

void trim_end(char *s)
{
	size_t n = strlen(s);

	while (n && is_blank(s[n - 1]))
		s[--n] = '\0';
}
