// SPDX-License-Identifier: MIT
/*
 * kbuild Makefile reader (see kbuild.h).  Composite definitions may follow
 * the obj- line that uses them, so a file is read completely before its
 * objects are resolved.
 */
#include "kbuild.h"

#include "textfile.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One "base-<cond> += part" member; cond is NULL for -y and -objs. */
struct member {
	char *base, *cond, *part;
};

struct objline {
	char *sym, *obj;
};

struct mkfile {
	struct member *m;
	size_t nm, capm;
	struct objline *o;
	size_t no, capo;
};

static void cut_comment(char *s)
{
	for (char *p = s; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '#') {
			*p = '\0';
			return;
		}
	}
}

/* The first CONFIG_ name inside s (a variable reference), or NULL. */
static char *config_in(const char *s, const char *end)
{
	const char *p = strstr(s, "CONFIG_");
	const char *q;

	if (!p || p >= end)
		return NULL;
	p += 7;
	for (q = p; q < end && (*q == '_' || (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') ||
				(*q >= '0' && *q <= '9'));
	     q++)
		;
	return q > p ? xstrndup(p, (size_t)(q - p)) : NULL;
}

static void add_member(struct mkfile *mf, const char *base, size_t blen, char *cond,
		       const char *part)
{
	if (mf->nm == mf->capm) {
		mf->capm = mf->capm ? mf->capm * 2 : 16;
		mf->m = xrealloc(mf->m, mf->capm * sizeof(*mf->m));
	}
	mf->m[mf->nm].base = xstrndup(base, blen);
	mf->m[mf->nm].cond = cond ? xstrdup(cond) : NULL;
	mf->m[mf->nm].part = xstrdup(part);
	mf->nm++;
}

static void add_obj(struct mkfile *mf, const char *sym, const char *obj)
{
	if (mf->no == mf->capo) {
		mf->capo = mf->capo ? mf->capo * 2 : 16;
		mf->o = xrealloc(mf->o, mf->capo * sizeof(*mf->o));
	}
	mf->o[mf->no].sym = xstrdup(sym);
	mf->o[mf->no].obj = xstrdup(obj);
	mf->no++;
}

/* Splits "lhs op rhs"; returns 0 if the line is no assignment. */
static int split_assign(char *line, char **lhs, char **rhs)
{
	int depth = 0;

	for (char *p = line; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (depth == 0 && *p == '=') {
			char *end = p;

			if (end > line && (end[-1] == '+' || end[-1] == ':' || end[-1] == '?'))
				end--;
			*end = '\0';
			*lhs = skip_blanks(line);
			trim_end(*lhs);
			*rhs = skip_blanks(p + 1);
			return **lhs != '\0';
		}
	}
	return 0;
}

static void parse_assign(struct mkfile *mf, char *lhs, char *rhs)
{
	char *sym = NULL, *cond = NULL, *tok, *save = NULL;
	const char *dash;
	int is_obj = 0, member = 0;
	size_t blen = 0;

	if (!strncmp(lhs, "obj-", 4)) {
		sym = config_in(lhs + 4, lhs + strlen(lhs));
		if (!sym)
			return; /* obj-y, obj-m: not tied to a symbol */
		is_obj = 1;
	} else if ((dash = strrchr(lhs, '-')) && dash > lhs && !strchr(lhs, ' ')) {
		/* base-y, base-objs, base-$(CONFIG_Y); the base has no $ */
		if (!strcmp(dash, "-y") || !strcmp(dash, "-objs")) {
			member = 1;
		} else if (!strncmp(dash, "-$(", 3)) {
			dash = strstr(lhs, "-$(");
			cond = config_in(dash, lhs + strlen(lhs));
			member = cond != NULL;
		}
		blen = (size_t)(dash - lhs);
		if (memchr(lhs, '$', blen))
			member = 0;
	}
	if (!is_obj && !member) {
		free(cond);
		return;
	}
	for (tok = strtok_r(rhs, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		if (strchr(tok, '$'))
			continue;
		if (is_obj)
			add_obj(mf, sym, tok);
		else
			add_member(mf, lhs, blen, cond, tok);
	}
	free(sym);
	free(cond);
}

static char *join(const char *dir, const char *name)
{
	return dir[0] ? xasprintf("%s/%s", dir, name) : xstrdup(name);
}

/* Adds the members of composite object base (recursively, bounded). */
static void expand_parts(const struct mkfile *mf, const char *dir, const char *obj, struct ksym *s,
			 int depth)
{
	size_t blen = strlen(obj) - 2; /* without .o */

	if (depth > 4)
		return;
	for (size_t i = 0; i < mf->nm; i++) {
		const struct member *m = &mf->m[i];
		char *path;

		if (strlen(m->base) != blen || strncmp(m->base, obj, blen))
			continue;
		if (!strcmp(m->part, obj))
			continue;
		path = join(dir, m->part);
		if (!m->cond || !strcmp(m->cond, s->name)) {
			strvec_add_unique(&s->parts, path);
		} else {
			char *opt = xasprintf("%s (CONFIG_%s)", path, m->cond);

			strvec_add_unique(&s->optional, opt);
			free(opt);
		}
		free(path);
		expand_parts(mf, dir, m->part, s, depth + 1);
	}
}

void kbuild_parse_text(struct symtab *st, const char *dir, const char *text)
{
	struct mkfile mf;
	struct lines ls;
	char *line, *lhs, *rhs;

	memset(&mf, 0, sizeof(mf));
	lines_init(&ls, text, strlen(text));
	while ((line = lines_next(&ls, 1))) {
		cut_comment(line);
		if (split_assign(line, &lhs, &rhs))
			parse_assign(&mf, lhs, rhs);
	}
	lines_free(&ls);

	for (size_t i = 0; i < mf.no; i++) {
		struct ksym *s = symtab_find(st, mf.o[i].sym);
		const char *obj = mf.o[i].obj;
		size_t len = strlen(obj);
		char *path;

		if (!s)
			continue;
		path = join(dir, obj);
		strvec_add_unique(&s->objects, path);
		free(path);
		if (len > 2 && !strcmp(obj + len - 2, ".o"))
			expand_parts(&mf, dir, obj, s, 0);
	}
	for (size_t i = 0; i < mf.nm; i++) {
		free(mf.m[i].base);
		free(mf.m[i].cond);
		free(mf.m[i].part);
	}
	for (size_t i = 0; i < mf.no; i++) {
		free(mf.o[i].sym);
		free(mf.o[i].obj);
	}
	free(mf.m);
	free(mf.o);
}

static int skipped(const char *dir, const char *name, const char *arch)
{
	static const char *const top[] = { "Documentation", "tools",	"scripts", "samples",
					   "usr",	    "LICENSES", "debian" };

	if (name[0] == '.')
		return 1;
	if (!dir[0]) {
		for (size_t i = 0; i < sizeof(top) / sizeof(top[0]); i++)
			if (!strcmp(name, top[i]))
				return 1;
	}
	return !strcmp(dir, "arch") && strcmp(name, arch);
}

static int scan_dir(struct symtab *st, const char *srctree, const char *dir, const char *arch,
		    char *err, size_t errsz)
{
	char *full = dir[0] ? xasprintf("%s/%s", srctree, dir) : xstrdup(srctree);
	DIR *d = opendir(full);
	struct dirent *de;
	struct strvec subdirs = { 0 };
	int rc = 0, have_kbuild = 0, have_makefile = 0;

	if (!d) {
		snprintf(err, errsz, "%s: %s", full, strerror(errno));
		free(full);
		return -1;
	}
	while ((de = readdir(d))) {
		int isdir;

		if (!strcmp(de->d_name, "Kbuild"))
			have_kbuild = 1;
		if (!strcmp(de->d_name, "Makefile"))
			have_makefile = 1;
		if (skipped(dir, de->d_name, arch))
			continue;
		if (de->d_type == DT_UNKNOWN) {
			char *p = xasprintf("%s/%s", full, de->d_name);
			struct stat sb;

			isdir = !lstat(p, &sb) && S_ISDIR(sb.st_mode);
			free(p);
		} else {
			isdir = de->d_type == DT_DIR;
		}
		if (isdir)
			strvec_push(&subdirs, de->d_name);
	}
	closedir(d);
	if (have_kbuild || have_makefile) {
		char *mk = xasprintf("%s/%s", full, have_kbuild ? "Kbuild" : "Makefile");
		char *text = textfile_read(mk, NULL);

		if (text) {
			kbuild_parse_text(st, dir, text);
			free(text);
		}
		free(mk);
	}
	for (size_t i = 0; i < subdirs.n && !rc; i++) {
		char *sub = join(dir, subdirs.v[i]);

		rc = scan_dir(st, srctree, sub, arch, err, errsz);
		free(sub);
	}
	strvec_free(&subdirs);
	free(full);
	return rc;
}

int kbuild_scan_tree(struct symtab *st, const char *srctree, const char *arch, char *err,
		     size_t errsz)
{
	return scan_dir(st, srctree, "", arch, err, errsz);
}
