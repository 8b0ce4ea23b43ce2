// SPDX-License-Identifier: MIT
/*
 * driver_extract: writes a driver's driver.manifest from the .cmd files a
 * kbuild run left in the build tree (tools/driver_extract/linux-tree.sh
 * makes that run).  Which objects belong to the driver comes from
 * driver_picker's details ("object:", "part:", "optional-part:" lines):
 * built-in composite objects leave no .cmd of their own, so their members
 * are read instead.  See docs/drivers.md.
 *
 *   driver_extract --src DIR --build DIR --details FILE --driver NAME -o FILE
 *
 * Exit status: 0 written, 1 a .cmd file is missing or unreadable (the
 * message names it), 2 bad command line.
 */
#include "cmdfile.h"
#include "manifest.h"
#include "textfile.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct details {
	char *symbol, *version, *directory;
	struct strvec objects, parts, optional;
};

static int read_details(const char *path, struct details *d)
{
	size_t len;
	char *text = textfile_read(path, &len);
	struct lines ls;
	char *l;

	memset(d, 0, sizeof(*d));
	if (!text) {
		fprintf(stderr, "driver_extract: cannot read %s: %s\n", path, strerror(errno));
		return -1;
	}
	lines_init(&ls, text, len);
	while ((l = lines_next(&ls, 0))) {
		char *v = strchr(l, ':');
		size_t klen;

		if (!v)
			continue;
		klen = (size_t)(v - l);
		v = skip_blanks(v + 1);
		if (klen == 6 && !strncmp(l, "symbol", 6))
			d->symbol = xstrdup(v);
		else if (klen == 13 && !strncmp(l, "linux-version", 13))
			d->version = xstrdup(v);
		else if (klen == 9 && !strncmp(l, "directory", 9))
			d->directory = xstrdup(v);
		else if (klen == 6 && !strncmp(l, "object", 6))
			strvec_push(&d->objects, v);
		else if (klen == 4 && !strncmp(l, "part", 4))
			strvec_push(&d->parts, v);
		else if (klen == 13 && !strncmp(l, "optional-part", 13))
			strvec_push(&d->optional, v);
	}
	lines_free(&ls);
	free(text);
	if (!d->symbol || !d->objects.n) {
		fprintf(stderr,
			"driver_extract: %s: no symbol: or object: lines "
			"(expected driver_picker --driver output)\n",
			path);
		return -1;
	}
	return 0;
}

static void free_details(struct details *d)
{
	free(d->symbol);
	free(d->version);
	free(d->directory);
	strvec_free(&d->objects);
	strvec_free(&d->parts);
	strvec_free(&d->optional);
}

enum cmd_result { CMD_COMPILED, CMD_NONE, CMD_OTHER };

/* Reads <build>/<dir>/.<name>.cmd for object obj into m. */
static enum cmd_result read_object(struct manifest *m, const char *obj, const char *symbol,
				   int *err)
{
	const char *slash = strrchr(obj, '/');
	char *path = slash ? xasprintf("%s/%.*s/.%s.cmd", m->build_abs, (int)(slash - obj), obj,
				       slash + 1) :
			     xasprintf("%s/.%s.cmd", m->build_abs, obj);
	char *text = textfile_read(path, NULL);
	struct cmdfile cf;
	char msg[256];
	enum cmd_result r = CMD_OTHER;

	if (!text) {
		free(path);
		return CMD_NONE;
	}
	if (cmdfile_parse(text, &cf, msg, sizeof(msg))) {
		fprintf(stderr, "driver_extract: step 'read .cmd': %s: %s\n", path, msg);
		*err = 1;
	} else {
		if (cf.source) {
			manifest_add(m, obj, &cf);
			r = CMD_COMPILED;
		}
		cmdfile_free(&cf);
	}
	(void)symbol;
	free(text);
	free(path);
	return r;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

static int collect(struct manifest *m, const struct details *d)
{
	int err = 0, composite = 0;

	for (size_t i = 0; i < d->objects.n && !err; i++) {
		const char *o = d->objects.v[i];

		if (!ends_with(o, ".o"))
			continue; /* a subdirectory: its objects are listed too */
		if (read_object(m, o, d->symbol, &err) != CMD_COMPILED)
			composite = 1;
	}
	/* Built-in composite objects go straight into built-in.a; their members
	 * have the .cmd files. */
	for (size_t i = 0; composite && i < d->parts.n && !err; i++) {
		const char *p = d->parts.v[i];
		enum cmd_result r = read_object(m, p, d->symbol, &err);

		if (r == CMD_NONE && !err) {
			const char *slash = strrchr(p, '/');

			fprintf(stderr,
				"driver_extract: step 'read .cmd': %s/%.*s/.%s.cmd is missing: %s was "
				"not built (is %s=y in %s/.config? did the directory build run?)\n",
				m->build_abs, slash ? (int)(slash - p) : 1, slash ? p : ".",
				slash ? slash + 1 : p, p, d->symbol, m->build_abs);
			err = 1;
		}
	}
	for (size_t i = 0; composite && i < d->optional.n && !err; i++) {
		char *p = xstrdup(d->optional.v[i]);
		char *sp = strchr(p, ' ');

		if (sp)
			*sp = '\0';
		read_object(m, p, d->symbol, &err); /* built only if its option is on */
		free(p);
	}
	if (!err && !m->sources.n) {
		fprintf(stderr,
			"driver_extract: step 'read .cmd': no compiled object of %s has a .cmd file "
			"under %s (first expected: %s/.cmd of %s); was it built with %s=y?\n",
			d->symbol, m->build_abs, d->directory ? d->directory : "?", d->objects.v[0],
			d->symbol);
		err = 1;
	}
	return err ? -1 : 0;
}

static void usage(void)
{
	fputs("usage: driver_extract --src DIR --build DIR --details FILE --driver NAME\n"
	      "                      [--arch ARCH] -o FILE\n"
	      "  --details FILE   driver_picker --driver output for the driver\n"
	      "  --src, --build   the Linux source and kbuild output (O=) trees\n",
	      stderr);
}

int main(int argc, char **argv)
{
	const char *src = NULL, *build = NULL, *details = NULL, *driver = NULL, *out = NULL;
	const char *arch = "arm64";
	char src_abs[PATH_MAX], build_abs[PATH_MAX];
	struct details d;
	struct manifest m;
	FILE *f;
	int rc = 1;

	for (int i = 1; i < argc; i++) {
		const char **slot = NULL;

		if (!strcmp(argv[i], "--src"))
			slot = &src;
		else if (!strcmp(argv[i], "--build"))
			slot = &build;
		else if (!strcmp(argv[i], "--details"))
			slot = &details;
		else if (!strcmp(argv[i], "--driver"))
			slot = &driver;
		else if (!strcmp(argv[i], "--arch"))
			slot = &arch;
		else if (!strcmp(argv[i], "-o"))
			slot = &out;
		if (!slot || i + 1 >= argc) {
			fprintf(stderr, "driver_extract: bad argument '%s'\n", argv[i]);
			usage();
			return 2;
		}
		*slot = argv[++i];
	}
	if (!src || !build || !details || !driver || !out) {
		usage();
		return 2;
	}
	if (!realpath(src, src_abs) || !realpath(build, build_abs)) {
		fprintf(stderr, "driver_extract: %s: %s\n", realpath(src, src_abs) ? build : src,
			strerror(errno));
		return 1;
	}
	if (read_details(details, &d))
		return 1;
	memset(&m, 0, sizeof(m));
	m.driver = driver;
	m.symbol = d.symbol;
	m.version = d.version ? d.version : "unknown";
	m.arch = arch;
	m.directory = d.directory ? d.directory : "";
	m.src_abs = src_abs;
	m.build_abs = build_abs;
	if (!collect(&m, &d)) {
		manifest_finish(&m);
		f = fopen(out, "w");
		if (!f) {
			fprintf(stderr, "driver_extract: cannot write %s: %s\n", out,
				strerror(errno));
		} else {
			manifest_write(f, &m);
			rc = fclose(f) ? 1 : 0;
			if (rc)
				fprintf(stderr, "driver_extract: cannot write %s\n", out);
		}
	}
	manifest_free(&m);
	free_details(&d);
	return rc;
}
