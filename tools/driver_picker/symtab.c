// SPDX-License-Identifier: MIT
/*
 * Symbol table (see symtab.h): FNV-1a hashing, linear probing, rehash at
 * half load so probes stay short.
 */
#include "symtab.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

static size_t *probe(const struct symtab *st, const char *name)
{
	size_t mask = st->nslots - 1, i = hash(name) & mask;

	while (st->slots[i] && strcmp(st->syms[st->slots[i] - 1]->name, name))
		i = (i + 1) & mask;
	return &st->slots[i];
}

struct ksym *symtab_find(const struct symtab *st, const char *name)
{
	size_t *slot;

	if (!st->nslots)
		return NULL;
	slot = probe(st, name);
	return *slot ? st->syms[*slot - 1] : NULL;
}

static void grow(struct symtab *st)
{
	free(st->slots);
	st->nslots = st->nslots ? st->nslots * 2 : 1024;
	st->slots = xmalloc(st->nslots * sizeof(*st->slots));
	memset(st->slots, 0, st->nslots * sizeof(*st->slots));
	for (size_t i = 0; i < st->n; i++)
		*probe(st, st->syms[i]->name) = i + 1;
}

struct ksym *symtab_intern(struct symtab *st, const char *name)
{
	struct ksym *s = symtab_find(st, name);

	if (s)
		return s;
	if ((st->n + 1) * 2 > st->nslots)
		grow(st);
	if (st->n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 256;
		st->syms = xrealloc(st->syms, st->cap * sizeof(struct ksym *));
	}
	s = xmalloc(sizeof(*s));
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	st->syms[st->n++] = s;
	*probe(st, name) = st->n;
	return s;
}

void symtab_free(struct symtab *st)
{
	for (size_t i = 0; i < st->n; i++) {
		struct ksym *s = st->syms[i];

		free(s->name);
		free(s->type);
		free(s->prompt);
		free(s->menu);
		free(s->defined_at);
		free(s->help);
		strvec_free(&s->depends);
		strvec_free(&s->objects);
		strvec_free(&s->parts);
		strvec_free(&s->optional);
		free(s);
	}
	free(st->syms);
	free(st->slots);
	memset(st, 0, sizeof(*st));
}

const char *ksym_directory(const struct ksym *s, char *buf, size_t size)
{
	const char *pick = NULL;
	const char *slash;
	size_t len;

	for (size_t i = 0; i < s->objects.n && !pick; i++) {
		size_t l = strlen(s->objects.v[i]);

		if (l && s->objects.v[i][l - 1] != '/')
			pick = s->objects.v[i];
	}
	if (!pick && s->objects.n)
		pick = s->objects.v[0];
	if (!pick)
		return NULL;
	len = strlen(pick);
	if (pick[len - 1] == '/') {
		len--;
	} else {
		slash = strrchr(pick, '/');
		len = slash ? (size_t)(slash - pick) : 0;
	}
	if (len == 0)
		snprintf(buf, size, ".");
	else
		snprintf(buf, size, "%.*s", (int)len, pick);
	return buf;
}
