// SPDX-License-Identifier: MIT
/*
 * Kconfig reader (see kconfig.h).  One parser state spans all files because
 * menus and if blocks enclose source lines (drivers/Kconfig opens
 * "Device Drivers" and sources every subsystem inside it).
 */
#include "kconfig.h"

#include "textfile.h"

#include <ctype.h>
#include <errno.h>
#include <glob.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum block_kind { BLOCK_MENU, BLOCK_IF, BLOCK_CHOICE };

struct block {
	enum block_kind kind;
	char *title; /* shown in the menu path; NULL for a plain if */
	struct strvec conds;
};

enum entry_kind { ENTRY_NONE, ENTRY_CONFIG, ENTRY_MENU, ENTRY_CHOICE, ENTRY_COMMENT };

struct kparse {
	struct symtab *st;
	const char *srctree, *arch;
	char *err;
	size_t errsz;
	const char *path; /* file being read, relative to srctree */
	unsigned line;
	int depth; /* source nesting, against include loops */

	struct block *blocks;
	size_t nblocks, capblocks;

	enum entry_kind entry;
	struct ksym *sym; /* ENTRY_CONFIG */
	int is_menuconfig;
	char *prompt;		/* prompt seen in this entry */
	struct strvec deps;	/* depends on of this entry */
	struct ksym *last_done; /* symbol of the entry just finished, for "if SYM" */
	struct ksym *nest;	/* last menuconfig, for implicit nesting */
	size_t nest_depth;
};

static int fail(struct kparse *kp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(struct kparse *kp, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(kp->err, kp->errsz, "%s:%u: ", kp->path, kp->line);
	if (n < 0 || (size_t)n >= kp->errsz)
		return -1;
	va_start(ap, fmt);
	vsnprintf(kp->err + n, kp->errsz - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* A quoted string ("..." or '...') at *s; advances *s past it.  NULL if *s
 * does not start with a quote or the string is unterminated. */
static char *parse_string(const char **s)
{
	const char *p = skip_blanks(*s);
	char q = *p, *out;
	size_t n = 0;

	if (q != '"' && q != '\'')
		return NULL;
	out = xmalloc(strlen(p) + 1);
	for (p++; *p && *p != q; p++) {
		if (*p == '\\' && p[1])
			p++;
		out[n++] = *p;
	}
	if (*p != q) {
		free(out);
		return NULL;
	}
	out[n] = '\0';
	*s = p + 1;
	return out;
}

/* Removes a trailing "# comment" outside quotes. */
static void strip_comment(char *s)
{
	char q = 0;

	for (; *s; s++) {
		if (q) {
			if (*s == '\\' && s[1])
				s++;
			else if (*s == q)
				q = 0;
		} else if (*s == '"' || *s == '\'') {
			q = *s;
		} else if (*s == '#') {
			*s = '\0';
			break;
		}
	}
}

/* Runs of blanks (joined continuation lines) become one space. */
static void squeeze_blanks(char *s)
{
	char *start = s, *out = s;

	for (; *s; s++) {
		if (is_blank(*s)) {
			if (out == start || out[-1] != ' ')
				*out++ = ' ';
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

static size_t indent_of(const char *s)
{
	size_t col = 0;

	for (; *s == ' ' || *s == '\t'; s++)
		col = *s == '\t' ? (col + 8) & ~(size_t)7 : col + 1;
	return col;
}

static char *menu_path(const struct kparse *kp)
{
	size_t len = 1;
	char *out;

	for (size_t i = 0; i < kp->nblocks; i++)
		if (kp->blocks[i].title)
			len += strlen(kp->blocks[i].title) + 3;
	out = xmalloc(len);
	out[0] = '\0';
	for (size_t i = 0; i < kp->nblocks; i++) {
		if (!kp->blocks[i].title)
			continue;
		if (out[0])
			strcat(out, " > ");
		strcat(out, kp->blocks[i].title);
	}
	return out;
}

/* Whether expression e mentions symbol name as a whole word. */
static int mentions(const char *e, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = strstr(e, name); p; p = strstr(p + 1, name)) {
		int before = p > e && (isalnum((unsigned char)p[-1]) || p[-1] == '_');
		int after = isalnum((unsigned char)p[n]) || p[n] == '_';

		if (!before && !after)
			return 1;
	}
	return 0;
}

static void finish_entry(struct kparse *kp)
{
	struct ksym *s = kp->sym;

	if (kp->entry == ENTRY_CHOICE && kp->prompt && kp->nblocks &&
	    kp->blocks[kp->nblocks - 1].kind == BLOCK_CHOICE && !kp->blocks[kp->nblocks - 1].title)
		kp->blocks[kp->nblocks - 1].title = xstrdup(kp->prompt);
	if (kp->entry == ENTRY_MENU && kp->nblocks)
		for (size_t i = 0; i < kp->deps.n; i++)
			strvec_push(&kp->blocks[kp->nblocks - 1].conds, kp->deps.v[i]);
	kp->last_done = NULL;
	if (kp->entry == ENTRY_CONFIG && s) {
		int nested = 0;

		for (size_t i = 0; kp->nest && i < kp->deps.n; i++)
			if (kp->nest_depth == kp->nblocks &&
			    mentions(kp->deps.v[i], kp->nest->name))
				nested = 1;
		/* A later prompted definition beats an earlier bare one. */
		if (!s->menu || (kp->prompt && !s->prompt)) {
			char *path = menu_path(kp);

			free(s->menu);
			if (nested) {
				s->menu = path[0] ? xasprintf("%s > %s", path, kp->nest->prompt) :
						    xstrdup(kp->nest->prompt);
				free(path);
			} else {
				s->menu = path;
			}
			strvec_free(&s->depends);
			for (size_t i = 0; i < kp->deps.n; i++)
				strvec_add_unique(&s->depends, kp->deps.v[i]);
			for (size_t b = 0; b < kp->nblocks; b++)
				for (size_t i = 0; i < kp->blocks[b].conds.n; i++)
					strvec_add_unique(&s->depends, kp->blocks[b].conds.v[i]);
		}
		if (kp->prompt && !s->prompt)
			s->prompt = xstrdup(kp->prompt);
		if (!nested)
			kp->nest = NULL;
		if (kp->is_menuconfig && kp->prompt) {
			kp->nest = s;
			kp->nest_depth = kp->nblocks;
		}
		kp->last_done = s;
	}
	kp->entry = ENTRY_NONE;
	kp->sym = NULL;
	kp->is_menuconfig = 0;
	free(kp->prompt);
	kp->prompt = NULL;
	strvec_free(&kp->deps);
}

static void push_block(struct kparse *kp, enum block_kind kind, const char *title, const char *cond)
{
	struct block *b;

	if (kp->nblocks == kp->capblocks) {
		kp->capblocks = kp->capblocks ? kp->capblocks * 2 : 16;
		kp->blocks = xrealloc(kp->blocks, kp->capblocks * sizeof(*kp->blocks));
	}
	b = &kp->blocks[kp->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->title = title ? xstrdup(title) : NULL;
	if (cond)
		strvec_push(&b->conds, cond);
}

static int pop_block(struct kparse *kp, enum block_kind kind, const char *word)
{
	struct block *b;

	if (!kp->nblocks || kp->blocks[kp->nblocks - 1].kind != kind)
		return fail(kp, "'%s' without a matching opening line", word);
	b = &kp->blocks[--kp->nblocks];
	free(b->title);
	strvec_free(&b->conds);
	/* Entries after the block are no longer under the last menuconfig. */
	kp->nest = NULL;
	kp->last_done = NULL;
	return 0;
}

/* A prompt, optionally followed by "if expr" (the condition is ignored). */
static int take_prompt(struct kparse *kp, const char *rest)
{
	const char *p = rest;
	char *s;

	if (!*skip_blanks(p))
		return 0;
	s = parse_string(&p);
	if (!s)
		return fail(kp, "expected a quoted prompt");
	if (!kp->prompt)
		kp->prompt = s;
	else
		free(s);
	return 0;
}

static int parse_help(struct kparse *kp, struct lines *ls)
{
	size_t want = 0, len = 0, cap = 256;
	char *text = xmalloc(cap);
	const char *save_p;
	unsigned save_next;
	char *l;

	text[0] = '\0';
	for (;;) {
		save_p = ls->p;
		save_next = ls->next;
		l = lines_next(ls, 0);
		if (!l)
			break;
		if (!*skip_blanks(l)) {
			if (len && len + 2 < cap)
				text[len++] = '\n', text[len] = '\0';
			continue;
		}
		if (!want)
			want = indent_of(l);
		if (indent_of(l) < want || want == 0) {
			ls->p = save_p;
			ls->next = save_next;
			break;
		}
		l = skip_blanks(l);
		while (len + strlen(l) + 2 >= cap) {
			cap *= 2;
			text = xrealloc(text, cap);
		}
		len += (size_t)sprintf(text + len, "%s\n", l);
	}
	while (len && text[len - 1] == '\n')
		text[--len] = '\0';
	if (kp->entry == ENTRY_CONFIG && kp->sym && !kp->sym->help)
		kp->sym->help = text;
	else
		free(text);
	return 0;
}

static int parse_buffer(struct kparse *kp, const char *text, size_t len);

/* Replaces $(SRCARCH) and $(ARCH); NULL if another macro remains. */
static char *expand(const struct kparse *kp, const char *in)
{
	char *out = xmalloc(strlen(in) * 4 + strlen(kp->arch) * 8 + 1);
	size_t n = 0;

	while (*in) {
		if (!strncmp(in, "$(SRCARCH)", 10) || !strncmp(in, "$(ARCH)", 7)) {
			n += (size_t)sprintf(out + n, "%s", kp->arch);
			in += in[2] == 'S' ? 10 : 7;
		} else if (in[0] == '$' && in[1] == '(') {
			free(out);
			return NULL;
		} else {
			out[n++] = *in++;
		}
	}
	out[n] = '\0';
	return out;
}

static int parse_path(struct kparse *kp, const char *rel)
{
	char *full = xasprintf("%s/%s", kp->srctree, rel);
	size_t len;
	char *text = textfile_read(full, &len);
	const char *saved_path = kp->path;
	unsigned saved_line = kp->line;
	int rc;

	if (!text) {
		rc = fail(kp, "cannot read %s: %s", rel, strerror(errno));
		free(full);
		return rc;
	}
	free(full);
	if (kp->depth > 64) {
		free(text);
		return fail(kp, "source nesting too deep (loop?) at %s", rel);
	}
	kp->depth++;
	kp->path = rel;
	rc = parse_buffer(kp, text, len);
	kp->path = saved_path;
	kp->line = saved_line;
	kp->depth--;
	free(text);
	return rc;
}

static int do_source(struct kparse *kp, const char *word, const char *rest)
{
	int relative = word[0] == 'r' || !strcmp(word, "orsource");
	int optional = word[0] == 'o';
	const char *p = rest;
	char *arg = parse_string(&p), *exp, *rel;
	glob_t g;
	int rc = 0;

	if (!arg) {
		char *tmp = xstrdup(skip_blanks(rest));

		trim_end(tmp);
		arg = tmp;
	}
	exp = expand(kp, arg);
	if (!exp) {
		rc = optional ? 0 : fail(kp, "cannot expand '%s'", arg);
		free(arg);
		return rc;
	}
	if (relative) {
		const char *slash = strrchr(kp->path, '/');

		rel = slash ? xasprintf("%.*s/%s", (int)(slash - kp->path), kp->path, exp) :
			      xstrdup(exp);
	} else {
		rel = xstrdup(exp);
	}
	if (strpbrk(rel, "*?[")) {
		char *pattern = xasprintf("%s/%s", kp->srctree, rel);
		size_t skip = strlen(kp->srctree) + 1;

		if (glob(pattern, 0, NULL, &g) == 0) {
			for (size_t i = 0; i < g.gl_pathc && !rc; i++) {
				char *one = xstrdup(g.gl_pathv[i] + skip);

				rc = parse_path(kp, one);
				free(one);
			}
			globfree(&g);
		} else if (!optional) {
			rc = fail(kp, "%s: no file matches", rel);
		}
		free(pattern);
	} else {
		char *full = xasprintf("%s/%s", kp->srctree, rel);
		FILE *f = fopen(full, "r");

		if (f) {
			fclose(f);
			rc = parse_path(kp, rel);
		} else if (!optional) {
			rc = fail(kp, "source file %s not found", rel);
		}
		free(full);
	}
	/* parse_path keeps pointers to rel only while it runs. */
	free(rel);
	free(exp);
	free(arg);
	return rc;
}

static int starts_word(const char *s, const char *w, const char **rest)
{
	size_t n = strlen(w);

	if (strncmp(s, w, n) || (s[n] && !is_blank(s[n])))
		return 0;
	*rest = s + n;
	return 1;
}

static int parse_line(struct kparse *kp, struct lines *ls, char *line)
{
	const char *s, *rest;
	char name[256];

	strip_comment(line);
	trim_end(line);
	s = skip_blanks(line);
	if (!*s)
		return 0;

	if (starts_word(s, "config", &rest) || starts_word(s, "menuconfig", &rest)) {
		int menuconfig = s[0] == 'm';

		finish_entry(kp);
		if (sscanf(rest, " %255[A-Za-z0-9_]", name) != 1)
			return fail(kp, "expected a symbol name");
		kp->entry = ENTRY_CONFIG;
		kp->sym = symtab_intern(kp->st, name);
		kp->is_menuconfig = menuconfig;
		if (!kp->sym->defined_at)
			kp->sym->defined_at = xasprintf("%s:%u", kp->path, kp->line);
		return 0;
	}
	if (starts_word(s, "choice", &rest)) {
		finish_entry(kp);
		push_block(kp, BLOCK_CHOICE, NULL, NULL);
		kp->entry = ENTRY_CHOICE;
		return 0;
	}
	if (starts_word(s, "endchoice", &rest)) {
		finish_entry(kp);
		return pop_block(kp, BLOCK_CHOICE, "endchoice");
	}
	if (starts_word(s, "menu", &rest)) {
		char *title;

		finish_entry(kp);
		title = parse_string(&rest);
		if (!title)
			return fail(kp, "menu without a quoted title");
		push_block(kp, BLOCK_MENU, title, NULL);
		free(title);
		kp->entry = ENTRY_MENU;
		return 0;
	}
	if (starts_word(s, "endmenu", &rest)) {
		finish_entry(kp);
		return pop_block(kp, BLOCK_MENU, "endmenu");
	}
	if (starts_word(s, "if", &rest)) {
		struct ksym *prev;
		char *cond = xstrdup(skip_blanks(rest));
		const char *title = NULL;

		finish_entry(kp);
		/* "config FOO ... if FOO": Kconfig shows the block under FOO. */
		prev = kp->last_done;
		if (prev && prev->prompt && !strcmp(cond, prev->name))
			title = prev->prompt;
		push_block(kp, BLOCK_IF, title, cond);
		free(cond);
		return 0;
	}
	if (starts_word(s, "endif", &rest)) {
		finish_entry(kp);
		return pop_block(kp, BLOCK_IF, "endif");
	}
	if (starts_word(s, "source", &rest) || starts_word(s, "rsource", &rest) ||
	    starts_word(s, "osource", &rest) || starts_word(s, "orsource", &rest)) {
		char word[16];

		finish_entry(kp);
		snprintf(word, sizeof(word), "%.*s", (int)(rest - s), s);
		if (do_source(kp, word, rest))
			return -1;
		kp->last_done = NULL;
		return 0;
	}
	if (starts_word(s, "comment", &rest)) {
		finish_entry(kp);
		kp->entry = ENTRY_COMMENT;
		return 0;
	}
	if (starts_word(s, "mainmenu", &rest)) {
		finish_entry(kp);
		return 0;
	}

	/* Attributes of the current entry. */
	if (kp->entry == ENTRY_NONE)
		return 0; /* macro assignments (cc-option := ...) and the like */
	if (starts_word(s, "bool", &rest) || starts_word(s, "tristate", &rest) ||
	    starts_word(s, "string", &rest) || starts_word(s, "int", &rest) ||
	    starts_word(s, "hex", &rest) || starts_word(s, "boolean", &rest)) {
		if (kp->entry == ENTRY_CONFIG && !kp->sym->type)
			kp->sym->type = xstrndup(s, (size_t)(rest - s));
		return take_prompt(kp, rest);
	}
	if (starts_word(s, "def_bool", &rest) || starts_word(s, "def_tristate", &rest)) {
		if (kp->entry == ENTRY_CONFIG && !kp->sym->type)
			kp->sym->type = xstrdup(s[4] == 'b' ? "bool" : "tristate");
		return 0;
	}
	if (starts_word(s, "prompt", &rest))
		return take_prompt(kp, rest);
	if (starts_word(s, "depends", &rest)) {
		rest = skip_blanks(rest);
		if (!starts_word(rest, "on", &rest))
			return fail(kp, "expected 'depends on'");
		strvec_push(&kp->deps, skip_blanks(rest));
		squeeze_blanks(kp->deps.v[kp->deps.n - 1]);
		return 0;
	}
	if (starts_word(s, "visible", &rest))
		return 0;
	if (starts_word(s, "help", &rest) || starts_word(s, "---help---", &rest))
		return parse_help(kp, ls);
	return 0; /* select, imply, default, range, option, modules, ... */
}

static int parse_buffer(struct kparse *kp, const char *text, size_t len)
{
	struct lines ls;
	char *line;
	int rc = 0;
	size_t depth = kp->nblocks;

	lines_init(&ls, text, len);
	while (!rc && (line = lines_next(&ls, 1))) {
		kp->line = ls.lineno;
		rc = parse_line(kp, &ls, line);
	}
	lines_free(&ls);
	if (!rc)
		finish_entry(kp);
	if (!rc && kp->nblocks > depth) {
		kp->line = ls.next - 1;
		rc = fail(kp, "end of file inside a %s block",
			  kp->blocks[kp->nblocks - 1].kind == BLOCK_MENU   ? "menu" :
			  kp->blocks[kp->nblocks - 1].kind == BLOCK_CHOICE ? "choice" :
									     "if");
	}
	return rc;
}

static void kparse_free(struct kparse *kp)
{
	finish_entry(kp);
	for (size_t i = 0; i < kp->nblocks; i++) {
		free(kp->blocks[i].title);
		strvec_free(&kp->blocks[i].conds);
	}
	free(kp->blocks);
}

int kconfig_parse_text(struct symtab *st, const char *srctree, const char *path, const char *text,
		       const char *arch, char *err, size_t errsz)
{
	struct kparse kp;
	int rc;

	memset(&kp, 0, sizeof(kp));
	kp.st = st;
	kp.srctree = srctree;
	kp.arch = arch;
	kp.err = err;
	kp.errsz = errsz;
	kp.path = path;
	rc = parse_buffer(&kp, text, strlen(text));
	kparse_free(&kp);
	return rc;
}

int kconfig_parse_file(struct symtab *st, const char *srctree, const char *path, const char *arch,
		       char *err, size_t errsz)
{
	struct kparse kp;
	int rc;

	memset(&kp, 0, sizeof(kp));
	kp.st = st;
	kp.srctree = srctree;
	kp.arch = arch;
	kp.err = err;
	kp.errsz = errsz;
	kp.path = path;
	rc = parse_path(&kp, path);
	kparse_free(&kp);
	return rc;
}
