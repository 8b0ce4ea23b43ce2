// SPDX-License-Identifier: MIT
/*
 * Unit tests of driver_extract: reading kbuild .cmd files (hand-written
 * here in kbuild's format) and turning them into the manifest's paths,
 * flags and lists.
 */
#include "cmdfile.h"
#include "manifest.h"
#include "unit.h"

#include <stdlib.h>

static char err[256];

static const char cmd_a[] =
	"cmd_drivers/x/a.o := aarch64-linux-gnu-gcc -Wp,-MMD,drivers/x/.a.o.d -nostdinc "
	"-I/L/src/include -I./include -include /L/src/include/linux/kconfig.h -D__KERNEL__ "
	"-Wall -O2 -fmacro-prefix-map=/L/src/= -DNAME='\"a b\"' -g -I /L/src/drivers/x "
	"-I ./drivers/x -DKBUILD_BASENAME='\"a\"' -c -o drivers/x/a.o /L/src/drivers/x/a.c\n"
	"\n"
	"source_drivers/x/a.o := /L/src/drivers/x/a.c\n"
	"\n"
	"deps_drivers/x/a.o := \\\n"
	"  /L/src/include/linux/kconfig.h \\\n"
	"    $(wildcard include/config/CPU_BIG_ENDIAN) \\\n"
	"  include/generated/bounds.h \\\n"
	"  /L/build/arch/arm64/include/generated/asm/cpucaps.h \\\n"
	"  /usr/lib/gcc-cross/stdarg.h \\\n"
	"  /L/src/drivers/x/a.h \\\n"
	"\n"
	"drivers/x/a.o: $(deps_drivers/x/a.o)\n"
	"\n"
	"$(deps_drivers/x/a.o):\n";

static const char cmd_b[] =
	"cmd_drivers/x/b.o := gcc -nostdinc -I/L/src/include -I./include "
	"-include /L/src/include/linux/kconfig.h -D__KERNEL__ -O2 "
	"-fmacro-prefix-map=/L/src/= -DNAME='\"a b\"' -I /L/src/drivers/x -I ./drivers/x "
	"-DKBUILD_BASENAME='\"b\"' -DEXTRA -c -o drivers/x/b.o /L/src/drivers/x/b.c\n"
	"source_drivers/x/b.o := /L/src/drivers/x/b.c\n"
	"deps_drivers/x/b.o := \\\n"
	"  /L/src/drivers/x/a.h \\\n"
	"  /L/src/drivers/x/b.h \\\n";

static struct manifest new_manifest(void)
{
	struct manifest m;

	memset(&m, 0, sizeof(m));
	m.driver = "x";
	m.symbol = "CONFIG_X";
	m.version = "6.1.192";
	m.arch = "arm64";
	m.directory = "drivers/x";
	m.src_abs = "/L/src";
	m.build_abs = "/L/build";
	return m;
}

TEST(split_words_keeps_quotes)
{
	struct strvec w = { 0 };

	split_words("gcc  -DA='\"x y\"' -DB=\\ c 'q r'", &w);
	CHECK_EQ(w.n, 4);
	CHECK_STR(w.v[0], "gcc");
	CHECK_STR(w.v[1], "-DA='\"x y\"'");
	CHECK_STR(w.v[2], "-DB=\\ c");
	CHECK_STR(w.v[3], "'q r'");
	strvec_free(&w);
}

TEST(cmdfile_reads_command_source_and_deps)
{
	struct cmdfile cf;

	CHECK_EQ(cmdfile_parse(cmd_a, &cf, err, sizeof(err)), 0);
	CHECK_STR(cf.argv.v[0], "aarch64-linux-gnu-gcc");
	CHECK_STR(cf.source, "/L/src/drivers/x/a.c");
	CHECK_EQ(cf.deps.n, 5); /* the wildcard entry is no file */
	CHECK_STR(cf.deps.v[0], "/L/src/include/linux/kconfig.h");
	CHECK_STR(cf.deps.v[1], "include/generated/bounds.h");
	cmdfile_free(&cf);
	CHECK_EQ(cmdfile_parse("source_x := y\n", &cf, err, sizeof(err)), -1);
	CHECK_STR(err, "no cmd_ line (not a kbuild .cmd file?)");
}

TEST(manifest_paths)
{
	struct manifest m = new_manifest();
	char *p;

	p = manifest_path(&m, "/L/src/include/linux/pci.h");
	CHECK_STR(p, "include/linux/pci.h");
	free(p);
	p = manifest_path(&m, "./include/generated/autoconf.h");
	CHECK_STR(p, "gen:include/generated/autoconf.h");
	free(p);
	p = manifest_path(&m, "/L/build/include/generated/bounds.h");
	CHECK_STR(p, "gen:include/generated/bounds.h");
	free(p);
	p = manifest_path(&m, "/L/srcx/a.h"); /* a sibling, not the tree */
	CHECK_STR(p, "/L/srcx/a.h");
	free(p);
}

TEST(manifest_from_two_objects)
{
	struct manifest m = new_manifest();
	struct cmdfile a, b;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	CHECK_EQ(cmdfile_parse(cmd_a, &a, err, sizeof(err)), 0);
	CHECK_EQ(cmdfile_parse(cmd_b, &b, err, sizeof(err)), 0);
	manifest_add(&m, "drivers/x/a.o", &a);
	manifest_add(&m, "drivers/x/b.o", &b);
	manifest_finish(&m);
	f = open_memstream(&text, &len);
	CHECK(f != NULL);
	manifest_write(f, &m);
	fclose(f);
	CHECK(strstr(text, "\nformat: 1\ndriver: x\nsymbol: CONFIG_X\nlinux-version: 6.1.192\n"
			   "arch: arm64\ndirectory: drivers/x\n"
			   "object: drivers/x/a.o\nobject: drivers/x/b.o\n"
			   "source: drivers/x/a.c\nsource: drivers/x/b.c\n"
			   "header: drivers/x/a.h\nheader: drivers/x/b.h\n"
			   "header: include/linux/kconfig.h\n"
			   "generated: arch/arm64/include/generated/asm/cpucaps.h\n"
			   "generated: include/generated/autoconf.h\n"
			   "generated: include/generated/bounds.h\n"
			   "external: /usr/lib/gcc-cross/stdarg.h\n"
			   "flag: -nostdinc\n"
			   "flag: -I$(LINUX_SRC)/include\n"
			   "flag: -I$(LINUX_BUILD)/include\n"
			   "flag: -include $(LINUX_SRC)/include/linux/kconfig.h\n"
			   "flag: -D__KERNEL__\n"
			   "flag: -O2\n"
			   "flag: -fmacro-prefix-map=$(LINUX_SRC)/=\n"
			   "flag: -DNAME='\"a b\"'\n"
			   "flag: -I$(LINUX_SRC)/drivers/x\n"
			   "flag: -I$(LINUX_BUILD)/drivers/x\n"
			   "source-flag: drivers/x/a.c -DKBUILD_BASENAME='\"a\"'\n"
			   "source-flag: drivers/x/b.c -DKBUILD_BASENAME='\"b\"'\n"
			   "source-flag: drivers/x/b.c -DEXTRA\n") != NULL);
	free(text);
	cmdfile_free(&a);
	cmdfile_free(&b);
	manifest_free(&m);
}
