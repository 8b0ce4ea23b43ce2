// SPDX-License-Identifier: MIT
/*
 * driver_picker: lists the drivers of a Linux source tree (Kconfig symbols
 * with their prompt, menu path, directory and objects) and lets the user
 * pick one, interactively or by name.  See docs/drivers.md.
 *
 *   driver_picker --linux-src DIR                       interactive; prints CONFIG_X
 *   driver_picker --linux-src DIR --list [--subsystem S] [--format tsv|json]
 *   driver_picker --linux-src DIR --driver NAME [--format text|tsv|json]
 *   driver_picker --linux-src DIR --subsystems
 *
 * Exit status: 0 done, 1 error (no tree, unknown or ambiguous driver,
 * nothing selected), 2 bad command line.
 */
#include "drivers.h"
#include "report.h"
#include "tui.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	fputs("usage: driver_picker --linux-src DIR [--arch ARCH] [--output FILE]\n"
	      "           [--list [--subsystem S] | --driver NAME | --subsystems]\n"
	      "           [--format text|tsv|json]\n"
	      "  (no mode)        interactive selector; prints the chosen CONFIG_ symbol\n"
	      "  --list           all drivers (default format tsv: symbol, prompt, menu,\n"
	      "                   directory, objects)\n"
	      "  --subsystem S    only drivers whose menu path contains S or whose\n"
	      "                   directory is under S (drivers/rtc)\n"
	      "  --driver NAME    one driver: CONFIG_ symbol, symbol, or object name\n"
	      "                   (default format text: key: value lines)\n"
	      "  --subsystems     the menu paths that hold drivers, with counts\n"
	      "  --arch ARCH      architecture for $(SRCARCH) (default arm64)\n",
	      f);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_subsystems(FILE *out, const struct catalogue *c)
{
	struct strvec menus = { 0 };

	for (size_t i = 0; i < c->n; i++)
		strvec_add_unique(&menus, c->drivers[i]->menu ? c->drivers[i]->menu : "");
	if (menus.n)
		qsort(menus.v, menus.n, sizeof(*menus.v), by_string);
	for (size_t m = 0; m < menus.n; m++) {
		size_t count = 0;

		for (size_t i = 0; i < c->n; i++)
			if (!strcmp(c->drivers[i]->menu ? c->drivers[i]->menu : "", menus.v[m]))
				count++;
		fprintf(out, "%zu\t%s\n", count, menus.v[m]);
	}
	strvec_free(&menus);
}

struct options {
	const char *src, *arch, *subsystem, *driver, *format, *output;
	int list, subsystems;
};

static int parse_args(int argc, char **argv, struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->arch = "arm64";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			exit(0);
		} else if (!strcmp(a, "--list")) {
			o->list = 1;
		} else if (!strcmp(a, "--subsystems")) {
			o->subsystems = 1;
		} else if (!strcmp(a, "--linux-src")) {
			slot = &o->src;
		} else if (!strcmp(a, "--arch")) {
			slot = &o->arch;
		} else if (!strcmp(a, "--subsystem")) {
			slot = &o->subsystem;
		} else if (!strcmp(a, "--driver")) {
			slot = &o->driver;
		} else if (!strcmp(a, "--format")) {
			slot = &o->format;
		} else if (!strcmp(a, "--output") || !strcmp(a, "-o")) {
			slot = &o->output;
		} else {
			fprintf(stderr, "driver_picker: unknown option '%s'\n", a);
			return -1;
		}
		if (slot) {
			if (i + 1 >= argc) {
				fprintf(stderr, "driver_picker: %s needs a value\n", a);
				return -1;
			}
			*slot = argv[++i];
		}
	}
	if (!o->src) {
		fputs("driver_picker: --linux-src DIR is required\n", stderr);
		return -1;
	}
	if (o->list + o->subsystems + (o->driver != NULL) > 1) {
		fputs("driver_picker: --list, --driver and --subsystems exclude each other\n",
		      stderr);
		return -1;
	}
	if (o->format && strcmp(o->format, "text") && strcmp(o->format, "tsv") &&
	    strcmp(o->format, "json")) {
		fprintf(stderr, "driver_picker: --format must be text, tsv or json (not '%s')\n",
			o->format);
		return -1;
	}
	return 0;
}

static enum report_format format_of(const char *s, enum report_format dflt)
{
	if (!s)
		return dflt;
	if (!strcmp(s, "json"))
		return FORMAT_JSON;
	return !strcmp(s, "tsv") ? FORMAT_TSV : FORMAT_TEXT;
}

static int run(const struct options *o, const struct catalogue *c, FILE *out)
{
	if (o->subsystems) {
		list_subsystems(out, c);
		return 0;
	}
	if (o->list) {
		struct ksym **pick = xmalloc((c->n ? c->n : 1) * sizeof(struct ksym *));
		size_t n = 0;
		enum report_format fmt = format_of(o->format, FORMAT_TSV);

		for (size_t i = 0; i < c->n; i++)
			if (!o->subsystem || driver_in_subsystem(c->drivers[i], o->subsystem))
				pick[n++] = c->drivers[i];
		if (o->subsystem && !n) {
			fprintf(stderr,
				"driver_picker: no driver in subsystem '%s' (see --subsystems)\n",
				o->subsystem);
			free(pick);
			return 1;
		}
		report_list(out, pick, n, fmt == FORMAT_TEXT ? FORMAT_TSV : fmt);
		free(pick);
		return 0;
	}
	if (o->driver) {
		struct strvec cand = { 0 };
		size_t amb;
		const struct ksym *s = catalogue_lookup(c, o->driver, &amb, &cand);

		if (!s) {
			const struct ksym *any = catalogue_symbol(c, o->driver);

			if (amb) {
				fprintf(stderr, "driver_picker: '%s' is ambiguous (%zu drivers):",
					o->driver, amb);
				for (size_t i = 0; i < cand.n; i++)
					fprintf(stderr, " CONFIG_%s", cand.v[i]);
				fputs(amb > cand.n ? " ...\n" : "\n", stderr);
			} else if (any) {
				fprintf(stderr,
					"driver_picker: CONFIG_%s is a Kconfig symbol but no driver "
					"(%s)\n",
					any->name,
					!any->prompt ?
						"it has no prompt" :
						"no obj-$(CONFIG_...) line builds an object for it");
			} else {
				fprintf(stderr,
					"driver_picker: unknown driver '%s' in %s (try --list)\n",
					o->driver, c->srctree);
			}
			strvec_free(&cand);
			return 1;
		}
		strvec_free(&cand);
		report_driver(out, c, s, format_of(o->format, FORMAT_TEXT));
		return 0;
	}
	{
		const char *err;
		const struct ksym *s = tui_pick(c, o->subsystem, &err);

		if (!s) {
			fprintf(stderr, "driver_picker: %s\n", err ? err : "no driver selected");
			return 1;
		}
		fprintf(out, "CONFIG_%s\n", s->name);
		return 0;
	}
}

int main(int argc, char **argv)
{
	struct options o;
	struct catalogue c;
	char err[1024];
	FILE *out = stdout;
	int rc;

	if (parse_args(argc, argv, &o)) {
		usage(stderr);
		return 2;
	}
	if (catalogue_load(&c, o.src, o.arch, err, sizeof(err))) {
		fprintf(stderr, "driver_picker: %s\n", err);
		return 1;
	}
	if (o.output && !(out = fopen(o.output, "w"))) {
		fprintf(stderr, "driver_picker: cannot write %s: %s\n", o.output, strerror(errno));
		catalogue_free(&c);
		return 1;
	}
	rc = run(&o, &c, out);
	if (out != stdout && fclose(out) && !rc) {
		fprintf(stderr, "driver_picker: cannot write %s\n", o.output);
		rc = 1;
	}
	catalogue_free(&c);
	return rc;
}
