// SPDX-License-Identifier: MIT
/*
 * mkimage: packs one entry of a modules.list (kernel, sigma0, root task,
 * modules) into the boot payload that the build links into bootstrap
 * (format: src/pkg/bootstrap/include/bootstrap/payload.h).
 *
 *   mkimage -l modules.list -e ENTRY -p DIR[:DIR...] -o payload.bin
 *
 * Every error is printed as "file:line: reason" and leaves no output file:
 * the payload is written to a temporary name and renamed at the very end.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bootstrap/payload.h"
#include "elfcheck.h"
#include "modlist.h"

struct input {
	const char *kind; /* keyword, for messages */
	const struct modlist_item *item;
	unsigned line;
	char path[4096];
	unsigned char *data;
	size_t size;
	struct elfcheck_info elf;
};

static const char *list_path;

static void die(unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

static void die(unsigned line, const char *fmt, ...)
{
	va_list ap;

	if (line)
		fprintf(stderr, "%s:%u: ", list_path, line);
	else
		fprintf(stderr, "%s: ", list_path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static unsigned char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f)
		return NULL;
	for (;;) {
		size_t got;

		if (n == cap) {
			unsigned char *nb;

			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				errno = ENOMEM;
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		errno = EIO;
		return NULL;
	}
	fclose(f);
	*size = n;
	return buf;
}

static int is_regular(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Finds in->item->file along the colon-separated search path. */
static void resolve(struct input *in, const char *search)
{
	const char *file = in->item->file;
	const char *p = search;

	if (file[0] == '/') {
		if (snprintf(in->path, sizeof(in->path), "%s", file) < (int)sizeof(in->path) &&
		    is_regular(in->path))
			return;
		die(in->line, "%s '%s' not found", in->kind, file);
	}
	while (*p) {
		const char *colon = strchr(p, ':');
		size_t dlen = colon ? (size_t)(colon - p) : strlen(p);

		if (dlen &&
		    (size_t)snprintf(in->path, sizeof(in->path), "%.*s/%s", (int)dlen, p, file) <
			    sizeof(in->path) &&
		    is_regular(in->path))
			return;
		p += dlen;
		if (*p == ':')
			p++;
	}
	die(in->line, "%s '%s' not found in search path '%s'", in->kind, file, search);
}

static void load(struct input *in, const char *search)
{
	resolve(in, search);
	in->data = read_file(in->path, &in->size);
	if (!in->data)
		die(in->line, "%s '%s': cannot read %s: %s", in->kind, in->item->file, in->path,
		    strerror(errno));
}

static void check_elf(struct input *in)
{
	char why[256];

	if (elfcheck(in->data, in->size, &in->elf, why, sizeof(why)))
		die(in->line, "%s '%s' (%s): %s", in->kind, in->item->file, in->path, why);
}

static void check_overlap(const struct input *a, const struct input *b)
{
	char why[256];

	if (elfcheck_overlap(&a->elf, &b->elf, why, sizeof(why)))
		die(b->line, "%s '%s' overlaps %s '%s': %s", b->kind, b->item->file, a->kind,
		    a->item->file, why);
}

static uint64_t page_up(uint64_t x)
{
	return (x + IMAGE_PAGE_SIZE - 1) & ~(IMAGE_PAGE_SIZE - 1);
}

static void usage(void)
{
	fprintf(stderr, "usage: mkimage -l modules.list -e ENTRY -p DIR[:DIR...] -o OUT\n");
	exit(2);
}

int main(int argc, char **argv)
{
	static struct modlist_entry ent;
	static struct input in[IMAGE_MAX_MODULES];
	static struct image_payload hdr;
	const char *entry = NULL, *search = ".", *outpath = NULL;
	char err[1024], tmp[4200];
	unsigned char *text;
	size_t len;
	unsigned n, i;
	uint64_t off;
	FILE *f;
	int c;

	while ((c = getopt(argc, argv, "l:e:p:o:")) != -1) {
		switch (c) {
		case 'l':
			list_path = optarg;
			break;
		case 'e':
			entry = optarg;
			break;
		case 'p':
			search = optarg;
			break;
		case 'o':
			outpath = optarg;
			break;
		default:
			usage();
		}
	}
	if (!list_path || !entry || !outpath || optind != argc)
		usage();

	text = read_file(list_path, &len);
	if (!text)
		die(0, "cannot read: %s", strerror(errno));
	if (modlist_parse(list_path, (const char *)text, len, entry, &ent, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	free(text);

	in[IMAGE_MOD_KERNEL] = (struct input){ .kind = "kernel", .item = &ent.kernel };
	in[IMAGE_MOD_SIGMA0] = (struct input){ .kind = "sigma0", .item = &ent.sigma0 };
	in[IMAGE_MOD_ROOTTASK] = (struct input){ .kind = "roottask", .item = &ent.roottask };
	n = IMAGE_MOD_FIRST_PLAIN;
	for (i = 0; i < ent.nr_modules; i++)
		in[n++] = (struct input){ .kind = "module", .item = &ent.modules[i] };

	hdr.magic = IMAGE_PAYLOAD_MAGIC;
	hdr.version = IMAGE_PAYLOAD_VERSION;
	hdr.nr_modules = n;
	memcpy(hdr.entry_name, ent.name, sizeof(hdr.entry_name));
	/* First find every file, then check the ELFs: a missing file is reported first. */
	for (i = 0; i < n; i++) {
		in[i].line = in[i].item->line ? in[i].item->line : ent.line;
		load(&in[i], search);
	}
	for (i = 0; i < IMAGE_MOD_FIRST_PLAIN; i++)
		check_elf(&in[i]);
	off = IMAGE_PAYLOAD_DATA_OFF;
	for (i = 0; i < n; i++) {
		struct image_module *m = &hdr.modules[i];
		const char *base;

		base = strrchr(in[i].item->file, '/');
		base = base ? base + 1 : in[i].item->file;
		if (strlen(base) >= sizeof(m->name))
			die(in[i].line, "%s name '%s' too long (max %zu characters)", in[i].kind,
			    base, sizeof(m->name) - 1);
		memcpy(m->name, base, strlen(base) + 1);
		memcpy(m->cmdline, in[i].item->cmdline, sizeof(m->cmdline));
		m->offset = off;
		m->size = in[i].size;
		off = page_up(off + in[i].size);
	}
	check_overlap(&in[IMAGE_MOD_KERNEL], &in[IMAGE_MOD_SIGMA0]);
	check_overlap(&in[IMAGE_MOD_KERNEL], &in[IMAGE_MOD_ROOTTASK]);
	check_overlap(&in[IMAGE_MOD_SIGMA0], &in[IMAGE_MOD_ROOTTASK]);
	hdr.total_size = off;

	snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", outpath, (long)getpid());
	f = fopen(tmp, "wb");
	if (!f)
		die(0, "cannot create %s: %s", tmp, strerror(errno));
	if (fwrite(&hdr, sizeof(hdr), 1, f) != 1)
		goto write_failed;
	for (i = 0; i < n; i++) {
		if (fseek(f, (long)hdr.modules[i].offset, SEEK_SET) ||
		    (in[i].size && fwrite(in[i].data, in[i].size, 1, f) != 1))
			goto write_failed;
	}
	/* Pad to the page multiple the header promises. */
	if (fflush(f) || ftruncate(fileno(f), (off_t)hdr.total_size))
		goto write_failed;
	if (fclose(f)) {
		f = NULL;
		goto write_failed;
	}
	if (rename(tmp, outpath)) {
		unlink(tmp);
		die(0, "cannot rename %s to %s: %s", tmp, outpath, strerror(errno));
	}
	return 0;

write_failed:
	if (f)
		fclose(f);
	unlink(tmp);
	die(0, "cannot write %s: %s", outpath, strerror(errno));
}
