// SPDX-License-Identifier: MIT
/*
 * modules.list parser (see modlist.h).  Works on a buffer so that the unit
 * tests can feed it text directly.  Every line of the file is checked for
 * syntax, whichever entry is wanted, so a typo anywhere fails the build.
 */
#include "modlist.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct parse {
	const char *path;
	unsigned line;
	char *err;
	size_t errsz;
};

static int fail(struct parse *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(struct parse *p, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(p->err, p->errsz, "%s:%u: ", p->path, p->line);
	if (n < 0 || (size_t)n >= p->errsz)
		return -1;
	va_start(ap, fmt);
	vsnprintf(p->err + n, p->errsz - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Cuts comment and surrounding whitespace; returns the trimmed start. */
static char *trim(char *s)
{
	char *hash = strchr(s, '#');
	size_t n;

	if (hash)
		*hash = '\0';
	while (is_space(*s))
		s++;
	n = strlen(s);
	while (n && is_space(s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* Splits off the first word; *rest gets the remainder, trimmed. */
static char *first_word(char *s, char **rest)
{
	char *e = s;

	while (*e && !is_space(*e))
		e++;
	if (*e) {
		*e++ = '\0';
		while (is_space(*e))
			e++;
	}
	*rest = e;
	return s;
}

static int set_item(struct parse *p, struct modlist_item *it, const char *kw, char *rest)
{
	char *args;
	char *file;
	size_t flen;

	if (!*rest)
		return fail(p, "'%s' needs a file name", kw);
	if (strlen(rest) >= sizeof(it->cmdline))
		return fail(p, "'%s' line too long for the command line (max %zu characters)", kw,
			    sizeof(it->cmdline) - 1);
	memcpy(it->cmdline, rest, strlen(rest) + 1);
	file = first_word(rest, &args);
	flen = strlen(file);
	if (flen >= sizeof(it->file))
		return fail(p, "file name too long (max %zu characters)", sizeof(it->file) - 1);
	memcpy(it->file, file, flen + 1);
	it->line = p->line;
	return 0;
}

struct state {
	int in_entry;	 /* an entry line was seen */
	int is_wanted;	 /* the current entry is the wanted one */
	int found;	 /* the wanted entry was seen */
	unsigned sigma0; /* line of an explicit sigma0 in the current entry */
	unsigned kernel, roottask;
};

static int check_entry_name(struct parse *p, const char *text, size_t len, const char *name,
			    unsigned upto)
{
	/* A duplicate entry: look for the same name on an earlier line. */
	char line[MODLIST_MAX_LINE];
	size_t pos = 0;
	unsigned ln = 0;

	while (pos < len && ++ln < upto) {
		size_t e = pos;
		char *s, *rest, *kw;

		while (e < len && text[e] != '\n')
			e++;
		if (e - pos < sizeof(line)) {
			memcpy(line, text + pos, e - pos);
			line[e - pos] = '\0';
			s = trim(line);
			kw = first_word(s, &rest);
			if (!strcmp(kw, "entry") && !strcmp(rest, name))
				return fail(p, "duplicate entry '%s' (first at line %u)", name, ln);
		}
		pos = e + 1;
	}
	return 0;
}

static int end_entry(struct parse *p, struct state *st, struct modlist_entry *out)
{
	if (!st->is_wanted)
		return 0;
	if (!out->kernel.line) {
		p->line = out->line;
		return fail(p, "entry '%s' has no kernel", out->name);
	}
	if (!out->roottask.line) {
		p->line = out->line;
		return fail(p, "entry '%s' has no roottask", out->name);
	}
	st->is_wanted = 0;
	return 0;
}

static int parse_line(struct parse *p, struct state *st, char *s, const char *want,
		      struct modlist_entry *out, const char *text, size_t len)
{
	char *rest;
	char *kw = first_word(s, &rest);
	struct modlist_item scratch;
	struct modlist_item *it;

	if (!strcmp(kw, "entry")) {
		char *extra;

		if (end_entry(p, st, out))
			return -1;
		if (!*rest)
			return fail(p, "'entry' needs a name");
		first_word(rest, &extra);
		if (*extra)
			return fail(p, "entry name must be one word");
		if (strlen(rest) >= BOOTINFO_NAME_LEN)
			return fail(p, "entry name too long (max %d characters)",
				    BOOTINFO_NAME_LEN - 1);
		if (check_entry_name(p, text, len, rest, p->line))
			return -1;
		st->in_entry = 1;
		st->kernel = st->roottask = st->sigma0 = 0;
		st->is_wanted = !strcmp(rest, want);
		if (st->is_wanted) {
			st->found = 1;
			memcpy(out->name, rest, strlen(rest) + 1);
			out->line = p->line;
		}
		return 0;
	}

	if (strcmp(kw, "kernel") && strcmp(kw, "sigma0") && strcmp(kw, "roottask") &&
	    strcmp(kw, "module"))
		return fail(p, "unknown keyword '%s'", kw);
	if (!st->in_entry)
		return fail(p, "'%s' outside an entry", kw);

	it = &scratch;
	if (!strcmp(kw, "kernel")) {
		if (st->kernel)
			return fail(p, "second 'kernel' in entry (first at line %u)", st->kernel);
		st->kernel = p->line;
		if (st->is_wanted)
			it = &out->kernel;
	} else if (!strcmp(kw, "roottask")) {
		if (st->roottask)
			return fail(p, "second 'roottask' in entry (first at line %u)",
				    st->roottask);
		st->roottask = p->line;
		if (st->is_wanted)
			it = &out->roottask;
	} else if (!strcmp(kw, "sigma0")) {
		if (st->sigma0)
			return fail(p, "second 'sigma0' in entry (first at line %u)", st->sigma0);
		st->sigma0 = p->line;
		if (st->is_wanted)
			it = &out->sigma0;
	} else if (st->is_wanted) {
		if (out->nr_modules >= MODLIST_MAX_PLAIN)
			return fail(p, "too many modules (max %d)", MODLIST_MAX_PLAIN);
		it = &out->modules[out->nr_modules++];
	}
	return set_item(p, it, kw, rest);
}

int modlist_parse(const char *path, const char *text, size_t len, const char *want,
		  struct modlist_entry *out, char *err, size_t errsz)
{
	struct parse p = { .path = path, .line = 0, .err = err, .errsz = errsz };
	struct state st = { 0 };
	char line[MODLIST_MAX_LINE];
	size_t pos = 0;

	memset(out, 0, sizeof(*out));
	while (pos < len) {
		size_t e = pos;

		p.line++;
		while (e < len && text[e] != '\n')
			e++;
		if (e - pos >= sizeof(line))
			return fail(&p, "line too long (max %d characters)", MODLIST_MAX_LINE - 1);
		if (memchr(text + pos, '\0', e - pos))
			return fail(&p, "NUL byte in line");
		memcpy(line, text + pos, e - pos);
		line[e - pos] = '\0';
		pos = e + 1;

		char *s = trim(line);
		if (!*s)
			continue;
		if (parse_line(&p, &st, s, want, out, text, len))
			return -1;
	}
	if (end_entry(&p, &st, out))
		return -1;
	if (!st.found) {
		snprintf(err, errsz, "%s: no entry '%s'", path, want);
		return -1;
	}
	if (!out->sigma0.line) {
		memcpy(out->sigma0.cmdline, "sigma0", sizeof("sigma0"));
		memcpy(out->sigma0.file, "sigma0", sizeof("sigma0"));
	}
	return 0;
}
