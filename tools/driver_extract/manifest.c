// SPDX-License-Identifier: MIT
/*
 * Manifest building and writing (see manifest.h).
 */
#include "manifest.h"

#include <stdlib.h>
#include <string.h>

/* Whether path is dir or below it; *rest is what follows "dir/". */
static int under(const char *path, const char *dir, const char **rest)
{
	size_t n = strlen(dir);

	if (!dir[0] || strncmp(path, dir, n) || (path[n] != '/' && path[n] != '\0'))
		return 0;
	*rest = path[n] ? path + n + 1 : path + n;
	return 1;
}

char *manifest_path(const struct manifest *m, const char *path)
{
	const char *rest;

	if (under(path, m->src_abs, &rest))
		return xstrdup(rest);
	if (under(path, m->build_abs, &rest))
		return xasprintf("gen:%s", rest);
	if (path[0] == '/')
		return xstrdup(path);
	while (!strncmp(path, "./", 2))
		path += 2;
	return xasprintf("gen:%s", path);
}

/* A path inside a flag: $(LINUX_SRC)/..., $(LINUX_BUILD)/..., or as is. */
static char *flag_path(const struct manifest *m, const char *path)
{
	const char *rest;

	if (under(path, m->src_abs, &rest))
		return rest[0] ? xasprintf("$(LINUX_SRC)/%s", rest) : xstrdup("$(LINUX_SRC)");
	if (under(path, m->build_abs, &rest))
		return rest[0] ? xasprintf("$(LINUX_BUILD)/%s", rest) : xstrdup("$(LINUX_BUILD)");
	if (path[0] == '/')
		return xstrdup(path);
	while (!strncmp(path, "./", 2))
		path += 2;
	if (!strcmp(path, "."))
		return xstrdup("$(LINUX_BUILD)");
	return xasprintf("$(LINUX_BUILD)/%s", path);
}

/* Every occurrence of the source tree in a word becomes $(LINUX_SRC). */
static char *subst_src(const struct manifest *m, const char *w)
{
	size_t n = strlen(m->src_abs), cap = strlen(w) * 2 + 64, len = 0;
	char *out = xmalloc(cap);

	while (*w) {
		if (n && !strncmp(w, m->src_abs, n)) {
			if (len + 16 >= cap)
				out = xrealloc(out, cap *= 2);
			memcpy(out + len, "$(LINUX_SRC)", 12);
			len += 12;
			w += n;
			continue;
		}
		if (len + 2 >= cap)
			out = xrealloc(out, cap *= 2);
		out[len++] = *w++;
	}
	out[len] = '\0';
	return out;
}

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

void manifest_flags(const struct manifest *m, const struct cmdfile *cf, struct strvec *out)
{
	static const char *const path_opts[] = { "-I", "-include", "-isystem", "-iquote",
						 "-imacros" };

	for (size_t i = 1; i < cf->argv.n; i++) {
		const char *w = cf->argv.v[i];
		int done = 0;

		if (!strcmp(w, "-o")) {
			i++;
			continue;
		}
		if (cf->source && !strcmp(w, cf->source))
			continue;
		for (size_t k = 0; k < sizeof(path_opts) / sizeof(path_opts[0]) && !done; k++) {
			const char *o = path_opts[k];
			char *p, *f;

			if (!strcmp(w, o) && i + 1 < cf->argv.n) {
				p = flag_path(m, cf->argv.v[++i]);
			} else if (!strcmp(o, "-I") && starts(w, "-I")) {
				p = flag_path(m, w + 2);
			} else {
				continue;
			}
			f = !strcmp(o, "-I") ? xasprintf("-I%s", p) : xasprintf("%s %s", o, p);
			strvec_push(out, f);
			free(f);
			free(p);
			done = 1;
		}
		if (done)
			continue;
		/* Meaning, not diagnostics: warnings, -g, -c and -Wp,-MMD stay out. */
		if (starts(w, "-D") || starts(w, "-U") || starts(w, "-f") || starts(w, "-m") ||
		    starts(w, "-std=") || starts(w, "-O") || starts(w, "-Wa,") ||
		    starts(w, "--param") || !strcmp(w, "-nostdinc")) {
			char *f = subst_src(m, w);

			strvec_push(out, f);
			free(f);
		}
	}
}

void manifest_add(struct manifest *m, const char *object, const struct cmdfile *cf)
{
	char *src = manifest_path(m, cf->source);

	strvec_add_unique(&m->objects, object);
	strvec_add_unique(&m->sources, src);
	for (size_t i = 0; i < cf->deps.n; i++) {
		char *p = manifest_path(m, cf->deps.v[i]);

		if (!strcmp(p, src))
			; /* the source itself */
		else if (starts(p, "gen:"))
			strvec_add_unique(&m->generated, p + 4);
		else if (p[0] == '/')
			strvec_add_unique(&m->external, p);
		else
			strvec_add_unique(&m->headers, p);
		free(p);
	}
	/* fixdep replaces autoconf.h by one dependency per CONFIG_ option it
	 * uses, so the deps never name it; kconfig.h includes it. */
	if (strvec_contains(&m->headers, "include/linux/kconfig.h"))
		strvec_add_unique(&m->generated, "include/generated/autoconf.h");
	m->obj_flags = xrealloc(m->obj_flags, (m->nobj_flags + 1) * sizeof(*m->obj_flags));
	memset(&m->obj_flags[m->nobj_flags], 0, sizeof(*m->obj_flags));
	manifest_flags(m, cf, &m->obj_flags[m->nobj_flags]);
	m->nobj_flags++;
	free(src);
}

void manifest_finish(struct manifest *m)
{
	if (!m->nobj_flags)
		return;
	for (size_t i = 0; i < m->obj_flags[0].n; i++) {
		const char *f = m->obj_flags[0].v[i];
		int everywhere = 1;

		for (size_t o = 1; o < m->nobj_flags && everywhere; o++)
			everywhere = strvec_contains(&m->obj_flags[o], f);
		if (everywhere)
			strvec_push(&m->flags, f);
	}
	for (size_t o = 0; o < m->nobj_flags; o++) {
		for (size_t i = 0; i < m->obj_flags[o].n; i++) {
			if (strvec_contains(&m->flags, m->obj_flags[o].v[i]))
				continue;
			char *sf = xasprintf("%s %s", m->sources.v[o], m->obj_flags[o].v[i]);

			strvec_push(&m->source_flags, sf);
			free(sf);
		}
		strvec_free(&m->obj_flags[o]);
	}
	free(m->obj_flags);
	m->obj_flags = NULL;
	m->nobj_flags = 0;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void write_list(FILE *f, const char *key, const struct strvec *sv, int sorted)
{
	char **v = xmalloc((sv->n ? sv->n : 1) * sizeof(*v));

	memcpy(v, sv->v, sv->n * sizeof(*v));
	if (sorted)
		qsort(v, sv->n, sizeof(*v), by_string);
	for (size_t i = 0; i < sv->n; i++)
		fprintf(f, "%s: %s\n", key, v[i]);
	free(v);
}

void manifest_write(FILE *f, const struct manifest *m)
{
	fprintf(f,
		"# driver.manifest of %s, written by driver_extract from kbuild's .cmd files.\n"
		"# Format: docs/drivers.md.  source/header: relative to the Linux source tree;\n"
		"# generated: relative to the build tree; flags use $(LINUX_SRC), $(LINUX_BUILD).\n",
		m->driver);
	fprintf(f, "format: 1\n");
	fprintf(f, "driver: %s\n", m->driver);
	fprintf(f, "symbol: %s\n", m->symbol);
	fprintf(f, "linux-version: %s\n", m->version);
	fprintf(f, "arch: %s\n", m->arch);
	fprintf(f, "directory: %s\n", m->directory);
	write_list(f, "object", &m->objects, 0);
	write_list(f, "source", &m->sources, 0);
	write_list(f, "header", &m->headers, 1);
	write_list(f, "generated", &m->generated, 1);
	write_list(f, "external", &m->external, 1);
	write_list(f, "flag", &m->flags, 0);
	write_list(f, "source-flag", &m->source_flags, 0);
}

void manifest_free(struct manifest *m)
{
	strvec_free(&m->objects);
	strvec_free(&m->sources);
	strvec_free(&m->headers);
	strvec_free(&m->generated);
	strvec_free(&m->external);
	strvec_free(&m->flags);
	strvec_free(&m->source_flags);
	for (size_t o = 0; o < m->nobj_flags; o++)
		strvec_free(&m->obj_flags[o]);
	free(m->obj_flags);
	m->obj_flags = NULL;
	m->nobj_flags = 0;
}
