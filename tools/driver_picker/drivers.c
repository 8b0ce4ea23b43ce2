// SPDX-License-Identifier: MIT
/*
 * Driver catalogue (see drivers.h).
 */
#include "drivers.h"

#include "kbuild.h"
#include "kconfig.h"
#include "textfile.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int is_dir(const char *path)
{
	struct stat sb;

	return !stat(path, &sb) && S_ISDIR(sb.st_mode);
}

static int is_file(const char *path)
{
	struct stat sb;

	return !stat(path, &sb) && S_ISREG(sb.st_mode);
}

/* "VERSION = 6" etc. from the top-level Makefile. */
static char *read_version(const char *srctree)
{
	char *path = xasprintf("%s/Makefile", srctree);
	char *text = textfile_read(path, NULL);
	char ver[32] = "", patch[32] = "", sub[32] = "", extra[64] = "";
	char *v = NULL;

	free(path);
	if (!text)
		return xstrdup("unknown");
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		sscanf(line, "VERSION = %31s", ver);
		sscanf(line, "PATCHLEVEL = %31s", patch);
		sscanf(line, "SUBLEVEL = %31s", sub);
		sscanf(line, "EXTRAVERSION = %63s", extra);
		if (!strncmp(line, "NAME", 4))
			break;
	}
	if (ver[0] && patch[0])
		v = xasprintf("%s.%s%s%s%s", ver, patch, sub[0] ? "." : "", sub, extra);
	free(text);
	return v ? v : xstrdup("unknown");
}

int ksym_is_driver(const struct ksym *s)
{
	if (!s->prompt || !s->type || (strcmp(s->type, "tristate") && strcmp(s->type, "bool")))
		return 0;
	for (size_t i = 0; i < s->objects.n; i++) {
		size_t l = strlen(s->objects.v[i]);

		if (l > 2 && !strcmp(s->objects.v[i] + l - 2, ".o"))
			return 1;
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(struct ksym *const *)a)->name, (*(struct ksym *const *)b)->name);
}

int catalogue_load(struct catalogue *c, const char *srctree, const char *arch, char *err,
		   size_t errsz)
{
	char *kc = xasprintf("%s/Kconfig", srctree);
	char *archkc = xasprintf("%s/arch/%s/Kconfig", srctree, arch);
	char *drv = xasprintf("%s/drivers", srctree);
	int ok = is_file(kc) && is_file(archkc) && is_dir(drv);

	memset(c, 0, sizeof(*c));
	if (!is_dir(srctree))
		snprintf(err, errsz, "%s: no such directory", srctree);
	else if (!ok)
		snprintf(
			err, errsz,
			"%s is not a Linux source tree (needs Kconfig, arch/%s/Kconfig and drivers/)",
			srctree, arch);
	free(kc);
	free(archkc);
	free(drv);
	if (!ok)
		return -1;
	c->srctree = xstrdup(srctree);
	c->version = read_version(srctree);
	if (kconfig_parse_file(&c->st, srctree, "Kconfig", arch, err, errsz) ||
	    kbuild_scan_tree(&c->st, srctree, arch, err, errsz)) {
		catalogue_free(c);
		return -1;
	}
	for (size_t i = 0; i < c->st.n; i++)
		if (ksym_is_driver(c->st.syms[i]))
			c->n++;
	c->drivers = xmalloc(c->n * sizeof(struct ksym *));
	c->n = 0;
	for (size_t i = 0; i < c->st.n; i++)
		if (ksym_is_driver(c->st.syms[i]))
			c->drivers[c->n++] = c->st.syms[i];
	qsort(c->drivers, c->n, sizeof(struct ksym *), by_name);
	return 0;
}

void catalogue_free(struct catalogue *c)
{
	symtab_free(&c->st);
	free(c->drivers);
	free(c->srctree);
	free(c->version);
	memset(c, 0, sizeof(*c));
}

static int contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (!hay)
		return 0;
	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return 1;
	return n == 0;
}

int driver_in_subsystem(const struct ksym *s, const char *sub)
{
	char buf[512];
	const char *dir = ksym_directory(s, buf, sizeof(buf));
	size_t n = strlen(sub);

	while (n && sub[n - 1] == '/')
		n--;
	if (dir && !strncmp(dir, sub, n) && (dir[n] == '\0' || dir[n] == '/'))
		return 1;
	return contains_nocase(s->menu, sub);
}

/* The base name of an object path: "drivers/rtc/rtc-pl031.o" -> "rtc-pl031". */
static void obj_base(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');
	const char *b = slash ? slash + 1 : path;
	size_t l = strlen(b);

	if (l > 2 && !strcmp(b + l - 2, ".o"))
		l -= 2;
	snprintf(buf, size, "%.*s", (int)l, b);
}

int driver_matches(const struct ksym *s, const char *text)
{
	char base[256];

	if (contains_nocase(s->name, text) || contains_nocase(s->prompt, text))
		return 1;
	for (size_t i = 0; i < s->objects.n; i++) {
		obj_base(s->objects.v[i], base, sizeof(base));
		if (contains_nocase(base, text))
			return 1;
	}
	return 0;
}

/* Equal ignoring case, with '-' and '_' alike. */
static int same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a == '-' ? '_' : (char)tolower((unsigned char)*a);
		char y = *b == '-' ? '_' : (char)tolower((unsigned char)*b);

		if (x != y)
			return 0;
	}
	return *a == *b;
}

static int obj_named(const struct ksym *s, const char *key)
{
	char base[256];

	for (size_t i = 0; i < s->objects.n; i++) {
		obj_base(s->objects.v[i], base, sizeof(base));
		if (same_name(base, key))
			return 1;
	}
	return 0;
}

struct ksym *catalogue_symbol(const struct catalogue *c, const char *name)
{
	if (!strncmp(name, "CONFIG_", 7))
		name += 7;
	return symtab_find(&c->st, name);
}

struct ksym *catalogue_lookup(const struct catalogue *c, const char *key, size_t *ambiguous,
			      struct strvec *candidates)
{
	const char *bare = !strncmp(key, "CONFIG_", 7) ? key + 7 : key;
	struct ksym *hit = NULL;
	size_t n = 0;

	*ambiguous = 0;
	for (size_t i = 0; i < c->n; i++)
		if (!strcasecmp(c->drivers[i]->name, bare))
			return c->drivers[i];
	/* By object name; the pass that finds exactly one wins. */
	for (int pass = 0; pass < 2; pass++) {
		hit = NULL;
		n = 0;
		for (size_t i = 0; i < c->n; i++) {
			struct ksym *s = c->drivers[i];
			int ok = pass == 0 ? obj_named(s, key) : driver_matches(s, key);

			if (!ok)
				continue;
			if (candidates && n < 20)
				strvec_push(candidates, s->name);
			hit = s;
			n++;
		}
		if (n == 1)
			return hit;
		if (n > 1) {
			*ambiguous = n;
			return NULL;
		}
	}
	return NULL;
}
