// SPDX-License-Identifier: MIT
/*
 * .cmd file reader (see cmdfile.h).
 */
#include "cmdfile.h"

#include "textfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void split_words(const char *cmd, struct strvec *out)
{
	size_t len = strlen(cmd), n = 0;
	char *word = xmalloc(len + 1);
	char q = 0;
	int in_word = 0;

	for (const char *p = cmd;; p++) {
		if (!*p || (!q && is_blank(*p))) {
			if (in_word) {
				word[n] = '\0';
				strvec_push(out, word);
			}
			n = 0;
			in_word = 0;
			if (!*p)
				break;
			continue;
		}
		in_word = 1;
		if (q) {
			if (*p == q)
				q = 0;
		} else if (*p == '\'' || *p == '"') {
			q = *p;
		} else if (*p == '\\' && p[1]) {
			word[n++] = *p++;
		}
		word[n++] = *p;
	}
	free(word);
}

/* "key_<obj> := value": the value if line starts with key_, else NULL. */
static const char *value_of(const char *line, const char *key)
{
	size_t n = strlen(key);
	const char *v;

	if (strncmp(line, key, n) || line[n] != '_')
		return NULL;
	v = strstr(line, ":=");
	return v ? skip_blanks(v + 2) : NULL;
}

static void add_deps(struct cmdfile *cf, char *list)
{
	char *save = NULL;
	int skip = 0;

	for (char *w = strtok_r(list, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		/* $(wildcard include/config/X) names a Kconfig option, not a file read. */
		if (!strncmp(w, "$(wildcard", 10)) {
			skip = !strchr(w, ')');
			continue;
		}
		if (skip) {
			skip = !strchr(w, ')');
			continue;
		}
		if (!strcmp(w, "\\"))
			continue;
		strvec_add_unique(&cf->deps, w);
	}
}

int cmdfile_parse(const char *text, struct cmdfile *cf, char *err, size_t errsz)
{
	struct lines ls;
	char *line;
	const char *v;
	int have_cmd = 0;

	memset(cf, 0, sizeof(*cf));
	lines_init(&ls, text, strlen(text));
	/* Joined lines: deps_ is one logical line of backslash-continued ones. */
	while ((line = lines_next(&ls, 1))) {
		if ((v = value_of(line, "cmd"))) {
			split_words(v, &cf->argv);
			have_cmd = 1;
		} else if ((v = value_of(line, "source"))) {
			char *s = xstrdup(v);

			trim_end(s);
			free(cf->source);
			cf->source = s;
		} else if ((v = value_of(line, "deps"))) {
			char *d = xstrdup(v);

			add_deps(cf, d);
			free(d);
		}
	}
	lines_free(&ls);
	if (!have_cmd) {
		snprintf(err, errsz, "no cmd_ line (not a kbuild .cmd file?)");
		cmdfile_free(cf);
		return -1;
	}
	return 0;
}

void cmdfile_free(struct cmdfile *cf)
{
	strvec_free(&cf->argv);
	strvec_free(&cf->deps);
	free(cf->source);
	cf->source = NULL;
}
