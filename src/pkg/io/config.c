// SPDX-License-Identifier: MIT
/*
 * io's configuration: a text file (io's command-line arguments name one
 * or more, e.g. rom/io.cfg), one statement per line, '#' to the end of a
 * line is a comment:
 *
 *   bus <cap>: <device> [<device>...]    serve a virtual bus on the gate
 *                                         <cap> holding these devices
 *                                         (blank-separated: compatible
 *                                         strings hold commas)
 *   mmio <cap>: <device>[ <n>]           serve register region n (default
 *                                         0) as a dataspace on the gate <cap>
 *   irq <cap>: <device>[ <n>]            bind interrupt n (default 0) to the
 *                                         Irq object <cap>
 *
 * <cap> is the name of a capability the .cfg gave io (gates as :svr(), so
 * io may bind them); <device> as in match.c.  Every error is reported as
 * file:line: reason; io_config_load() returns how many there were.
 */
#include "io.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <l4/re/env.h>
#include <l4/sys/err.h>

#define IO_LINE_MAX 512

struct cfg_pos {
	const char *file;
	unsigned line;
	int errors;
};

static void __attribute__((format(printf, 2, 3))) cfg_error(struct cfg_pos *p, const char *fmt, ...)
{
	va_list ap;

	printf("io: %s:%u: ", p->file, p->line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	p->errors++;
}

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = 0;
	return s;
}

static int device(struct cfg_pos *p, const char *spec)
{
	char err[IO_ERR_MAX];
	int dev = io_match(spec, NULL, 0, err);

	if (dev < 0)
		cfg_error(p, "%s", err);
	return dev;
}

static l4_cap_idx_t named_cap(struct cfg_pos *p, const char *name)
{
	l4_cap_idx_t cap = l4re_env_get_cap(name);

	if (l4_is_invalid_cap(cap))
		cfg_error(p, "no capability '%s' (the .cfg must give it to io)", name);
	return cap;
}

static void stmt_bus(struct cfg_pos *p, const char *name, char *devs)
{
	l4_cap_idx_t gate = named_cap(p, name);
	int bus = -1;

	if (!l4_is_invalid_cap(gate)) {
		bus = io_bus_create(name, gate);
		if (bus < 0)
			cfg_error(p, "cannot serve bus '%s': %s (give io the gate with :svr())",
				  name, l4sys_errtostr(bus));
	}
	for (char *s = strtok(devs, " \t"); s; s = strtok(NULL, " \t")) {
		int dev = device(p, s);

		if (dev >= 0 && bus >= 0 && io_bus_add(bus, dev) < 0)
			cfg_error(p, "bus '%s' is full", name);
	}
}

/* "<device>[ <n>]": the device and the index n. */
static int device_index(struct cfg_pos *p, char *rest, unsigned *n)
{
	char *sp = strpbrk(rest, " \t"), *end;

	*n = 0;
	if (sp) {
		*sp++ = 0;
		sp = trim(sp);
		*n = (unsigned)strtoul(sp, &end, 0);
		if (!*sp || *end) {
			cfg_error(p, "bad index '%s'", sp);
			return -L4_EINVAL;
		}
	}
	return device(p, rest);
}

static void stmt_mmio(struct cfg_pos *p, const char *name, char *rest)
{
	l4_cap_idx_t gate = named_cap(p, name);
	unsigned n;
	int dev = device_index(p, rest, &n), obj;

	if (dev < 0 || l4_is_invalid_cap(gate))
		return;
	if (!io_reg_valid(dev, n)) {
		cfg_error(p, "%s has no register region %u", io_devs[dev].name, n);
		return;
	}
	obj = io_iomem_ds(dev, n, gate);
	if (obj < 0)
		cfg_error(p, "cannot serve '%s': %s (give io the gate with :svr())", name,
			  l4sys_errtostr(obj));
}

static void stmt_irq(struct cfg_pos *p, const char *name, char *rest)
{
	l4_cap_idx_t irq = named_cap(p, name);
	unsigned n;
	int dev = device_index(p, rest, &n), err;

	if (dev < 0 || l4_is_invalid_cap(irq))
		return;
	if (n >= io_devs[dev].nr_irqs) {
		cfg_error(p, "%s has no interrupt %u", io_devs[dev].name, n);
		return;
	}
	err = io_irq_bind(dev, n, irq);
	if (err < 0)
		cfg_error(p, "cannot bind interrupt %u of %s to '%s': %s",
			  io_devs[dev].irqs[n].intid, io_devs[dev].name, name, l4sys_errtostr(err));
}

static void statement(struct cfg_pos *p, char *s)
{
	char *kw = s, *name, *colon;

	while (*s && !isspace((unsigned char)*s))
		s++;
	if (*s)
		*s++ = 0;
	colon = strchr(s, ':');
	if (strcmp(kw, "bus") && strcmp(kw, "mmio") && strcmp(kw, "irq")) {
		cfg_error(p, "unknown statement '%s' (bus, mmio, irq)", kw);
		return;
	}
	if (!colon) {
		cfg_error(p, "'%s' needs '<cap>: <device>'", kw);
		return;
	}
	*colon = 0;
	name = trim(s);
	s = trim(colon + 1);
	if (!*name || strpbrk(name, " \t") || strlen(name) > 15) {
		cfg_error(p, "bad capability name '%s'", name);
		return;
	}
	if (!*s) {
		cfg_error(p, "'%s %s' names no device", kw, name);
		return;
	}
	if (!strcmp(kw, "bus"))
		stmt_bus(p, name, s);
	else if (!strcmp(kw, "mmio"))
		stmt_mmio(p, name, s);
	else
		stmt_irq(p, name, s);
}

int io_config_load(const char *path)
{
	struct cfg_pos p = { .file = path };
	char buf[IO_LINE_MAX];
	FILE *f = fopen(path, "r");

	if (!f) {
		printf("io: %s: cannot open: %s\n", path, strerror(errno));
		return 1;
	}
	while (fgets(buf, sizeof(buf), f)) {
		char *s = strchr(buf, '#');

		p.line++;
		if (s)
			*s = 0;
		s = trim(buf);
		if (*s)
			statement(&p, s);
	}
	fclose(f);
	return p.errors;
}
