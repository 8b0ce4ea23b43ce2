// SPDX-License-Identifier: MIT
/*
 * Driver list and details output (see report.h).
 */
#include "report.h"

#include <string.h>

static void tsv_field(FILE *f, const char *s)
{
	for (; s && *s; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static void json_string(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void json_list(FILE *f, const char *key, const struct strvec *sv)
{
	fprintf(f, ", \"%s\": [", key);
	for (size_t i = 0; i < sv->n; i++) {
		if (i)
			fputs(", ", f);
		json_string(f, sv->v[i]);
	}
	fputc(']', f);
}

static void json_driver(FILE *f, const struct ksym *s, int details)
{
	char buf[512], sym[300];

	snprintf(sym, sizeof(sym), "CONFIG_%s", s->name);
	fputs("{\"symbol\": ", f);
	json_string(f, sym);
	fputs(", \"prompt\": ", f);
	json_string(f, s->prompt);
	fputs(", \"type\": ", f);
	json_string(f, s->type);
	fputs(", \"menu\": ", f);
	json_string(f, s->menu);
	fputs(", \"directory\": ", f);
	json_string(f, ksym_directory(s, buf, sizeof(buf)));
	json_list(f, "objects", &s->objects);
	json_list(f, "parts", &s->parts);
	if (details) {
		json_list(f, "optional_parts", &s->optional);
		json_list(f, "depends", &s->depends);
		fputs(", \"defined_at\": ", f);
		json_string(f, s->defined_at);
		fputs(", \"help\": ", f);
		json_string(f, s->help);
	}
	fputc('}', f);
}

void report_list(FILE *f, struct ksym *const *drivers, size_t n, enum report_format fmt)
{
	char buf[512];

	if (fmt == FORMAT_JSON)
		fputs("[\n", f);
	for (size_t i = 0; i < n; i++) {
		const struct ksym *s = drivers[i];

		if (fmt == FORMAT_JSON) {
			fputs("  ", f);
			json_driver(f, s, 0);
			fputs(i + 1 < n ? ",\n" : "\n", f);
			continue;
		}
		fprintf(f, "CONFIG_%s\t", s->name);
		tsv_field(f, s->prompt);
		fputc('\t', f);
		tsv_field(f, s->menu);
		fputc('\t', f);
		tsv_field(f, ksym_directory(s, buf, sizeof(buf)));
		fputc('\t', f);
		for (size_t j = 0; j < s->objects.n; j++) {
			if (j)
				fputc(' ', f);
			tsv_field(f, s->objects.v[j]);
		}
		fputc('\n', f);
	}
	if (fmt == FORMAT_JSON)
		fputs("]\n", f);
}

static void text_list(FILE *f, const char *key, const struct strvec *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		fprintf(f, "%s: %s\n", key, sv->v[i]);
}

void report_driver(FILE *f, const struct catalogue *c, const struct ksym *s, enum report_format fmt)
{
	char buf[512];

	if (fmt == FORMAT_JSON) {
		json_driver(f, s, 1);
		fputc('\n', f);
		return;
	}
	if (fmt == FORMAT_TSV) {
		report_list(f, (struct ksym *const *)&s, 1, FORMAT_TSV);
		return;
	}
	fprintf(f, "symbol: CONFIG_%s\n", s->name);
	fprintf(f, "prompt: %s\n", s->prompt ? s->prompt : "");
	fprintf(f, "type: %s\n", s->type ? s->type : "");
	fprintf(f, "menu: %s\n", s->menu ? s->menu : "");
	fprintf(f, "directory: %s\n", ksym_directory(s, buf, sizeof(buf)) ? buf : "");
	fprintf(f, "defined-at: %s\n", s->defined_at ? s->defined_at : "");
	fprintf(f, "linux-version: %s\n", c->version);
	text_list(f, "object", &s->objects);
	text_list(f, "part", &s->parts);
	text_list(f, "optional-part", &s->optional);
	text_list(f, "depends", &s->depends);
	if (s->help) {
		/* Help last, one line each, so the rest stays easy to grep. */
		for (const char *p = s->help; *p;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);

			if (len)
				fprintf(f, "help: %.*s\n", (int)len, p);
			else
				fputs("help:\n", f);
			p += len + (nl ? 1 : 0);
		}
	}
}
