// SPDX-License-Identifier: MIT
/*
 * tools/l4re-driver-wrap end to end: the errors a user must be able to act
 * on (no tree, not a Linux tree, unknown driver, bad config file, a failing
 * kbuild step), and real runs on Debian's linux-source-6.1 for the three
 * drivers with servers (pl031, e1000, virtio_blk) into
 * obj/tests/driver-wrap/pkg, which must write each manifest and package
 * (Makefile, glue.c equal to the committed src/pkg/<driver>/ ones, so the
 * committed packages are what the tool generates) and stop with exit
 * status 3: packages build only under src/pkg (the builds themselves are
 * tested by tests/system/driver-*.test).  Everything is written under
 * obj/tests/driver-wrap/.  The real runs cost about a minute from a clean
 * obj/ and a few seconds once obj/linux is configured.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define WORK "obj/tests/driver-wrap"

static char output[65536];

/* Runs the wrap tool with args; returns its exit status, output in output. */
static int wrap(const char *args)
{
	char cmd[1024];
	FILE *f;
	size_t n;
	int st;

	mkdir("obj", 0777);
	mkdir("obj/tests", 0777);
	mkdir(WORK, 0777);
	snprintf(cmd, sizeof(cmd),
		 "tools/l4re-driver-wrap %s --out " WORK "/pkg >" WORK "/out.log 2>&1 </dev/null",
		 args);
	st = system(cmd);
	f = fopen(WORK "/out.log", "r");
	n = f ? fread(output, 1, sizeof(output) - 1, f) : 0;
	output[n] = '\0';
	if (f)
		fclose(f);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		unit_fail(__FILE__, __LINE__, "cannot write %s", path);
	fputs(text, f);
	fclose(f);
}

#define CHECK_OUTPUT(s)                                                                       \
	do {                                                                                  \
		if (!strstr(output, s))                                                       \
			unit_fail(__FILE__, __LINE__, "no \"%s\" in output:\n%s", s, output); \
	} while (0)

TEST(missing_tree)
{
	CHECK_EQ(wrap("--linux-src /nonexistent/linux --symbol E1000"), 1);
	CHECK_OUTPUT("Linux source '/nonexistent/linux' not found");
}

TEST(not_a_linux_tree)
{
	CHECK_EQ(wrap("--linux-src tests/fixtures/linux-mini/drivers --symbol E1000"), 1);
	CHECK_OUTPUT("is not a Linux source tree");
}

TEST(unknown_driver)
{
	CHECK_EQ(wrap("--linux-src tests/fixtures/linux-mini --symbol NO_SUCH_DRIVER"), 1);
	CHECK_OUTPUT("unknown driver 'NO_SUCH_DRIVER'");
}

TEST(bad_config_files)
{
	write_file(WORK "/bad.conf", "LINUX_SRC=tests/fixtures/linux-mini\nthis is wrong\n");
	CHECK_EQ(wrap("--config " WORK "/bad.conf"), 2);
	CHECK_OUTPUT(WORK "/bad.conf:2: expected KEY=VALUE");
	write_file(WORK "/nodriver.conf", "LINUX_SRC=tests/fixtures/linux-mini\n");
	CHECK_EQ(wrap("--config " WORK "/nodriver.conf"), 2);
	CHECK_OUTPUT("DRIVER= is required");
	write_file(WORK "/key.conf", "DRIVER=x\nCOLOUR=blue\n");
	CHECK_EQ(wrap("--config " WORK "/key.conf"), 2);
	CHECK_OUTPUT("unknown key COLOUR");
}

TEST(failing_kbuild_step_is_named)
{
	FILE *f;
	size_t n;

	/* The fixture has Kconfig files but no kbuild: defconfig must fail. */
	write_file(WORK "/mini.conf",
		   "LINUX_SRC=tests/fixtures/linux-mini\nDRIVER=demo-nic\nSYMBOL=DEMO_NIC\n");
	CHECK_EQ(system("LINUX_BUILD=" WORK "/mini-build tools/l4re-driver-wrap --config " WORK
			"/mini.conf --out " WORK "/pkg >" WORK "/out.log 2>&1") >>
			 8,
		 1);
	f = fopen(WORK "/out.log", "r");
	n = f ? fread(output, 1, sizeof(output) - 1, f) : 0;
	output[n] = '\0';
	if (f)
		fclose(f);
	CHECK_OUTPUT("step 'defconfig' failed");
	CHECK_OUTPUT("logs/defconfig.log");
	CHECK_OUTPUT("kbuild of CONFIG_DEMO_NIC failed");
}

TEST(help)
{
	CHECK_EQ(wrap("--help"), 0);
	CHECK_OUTPUT("--config FILE");
	CHECK(strstr(output, "set -euo") == NULL);
}

/* The whole file, NUL-terminated (NULL if unreadable); free() it. */
static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text;
	size_t n;

	if (!f)
		return NULL;
	text = calloc(1, 1 << 16);
	n = text ? fread(text, 1, (1 << 16) - 1, f) : 0;
	fclose(f);
	if (text)
		text[n] = '\0';
	return text;
}

static void same_file(const char *generated, const char *committed)
{
	char *a = read_text(generated), *b = read_text(committed);

	CHECK(a != NULL);
	CHECK(b != NULL);
	if (a && b)
		CHECK_STR(a, b);
	free(a);
	free(b);
}

TEST(real_tree_pl031)
{
	char *text;
	FILE *f;
	size_t n;

	write_file(WORK "/pl031.conf", "# PL031 from Debian's linux-source\n"
				       "LINUX_SRC=/usr/src/linux-source-6.1.tar.xz\n"
				       "DRIVER=pl031\n");
	CHECK_EQ(wrap("--config " WORK "/pl031.conf"), 3);
	CHECK_OUTPUT("driver CONFIG_RTC_DRV_PL031");
	CHECK_OUTPUT("not built: packages build only under src/pkg");
	f = fopen(WORK "/pkg/pl031/driver.manifest", "r");
	CHECK(f != NULL);
	text = calloc(1, 1 << 20);
	CHECK(text != NULL);
	n = fread(text, 1, (1 << 20) - 1, f);
	fclose(f);
	text[n] = '\0';
	CHECK(strstr(text, "\ndriver: pl031\nsymbol: CONFIG_RTC_DRV_PL031\nlinux-version: 6.1.") !=
	      NULL);
	CHECK(strstr(text, "\nsource: drivers/rtc/rtc-pl031.c\n") != NULL);
	CHECK(strstr(text, "\nheader: include/linux/amba/bus.h\n") != NULL);
	CHECK(strstr(text, "\ngenerated: include/generated/autoconf.h\n") != NULL);
	CHECK(strstr(text, "\nflag: -D__KERNEL__\n") != NULL);
	free(text);
	same_file(WORK "/pkg/pl031/Makefile", "src/pkg/pl031/Makefile");
	same_file(WORK "/pkg/pl031/glue.c", "src/pkg/pl031/glue.c");
	text = read_text(WORK "/pkg/pl031/stubs.c");
	CHECK(text != NULL && strstr(text, "#include <dde/stub.h>") != NULL);
	free(text);
}

/* A driver's package from the real tree: its manifest names these sources, and
 * the Makefile and glue are the committed ones. */
static void check_real_driver(const char *driver, const char *const *sources, unsigned n)
{
	char conf[128], path[256], committed[128], *text;
	unsigned i;

	snprintf(conf, sizeof(conf), WORK "/%s.conf", driver);
	snprintf(path, sizeof(path), "DRIVER=%s\n", driver);
	write_file(conf, path);
	snprintf(path, sizeof(path), "--config %s", conf);
	CHECK_EQ(wrap(path), 3);
	snprintf(path, sizeof(path), WORK "/pkg/%s/driver.manifest", driver);
	text = read_text(path);
	CHECK(text != NULL);
	for (i = 0; text && i < n; i++) {
		char line[160];

		snprintf(line, sizeof(line), "\nsource: %s\n", sources[i]);
		CHECK(strstr(text, line) != NULL);
	}
	free(text);
	snprintf(path, sizeof(path), WORK "/pkg/%s/Makefile", driver);
	snprintf(committed, sizeof(committed), "src/pkg/%s/Makefile", driver);
	same_file(path, committed);
	snprintf(path, sizeof(path), WORK "/pkg/%s/glue.c", driver);
	snprintf(committed, sizeof(committed), "src/pkg/%s/glue.c", driver);
	same_file(path, committed);
}

/* PCI network driver: class net, bus pci, devices from io's bus. */
TEST(real_tree_e1000)
{
	static const char *const sources[] = {
		"drivers/net/ethernet/intel/e1000/e1000_main.c",
		"drivers/net/ethernet/intel/e1000/e1000_hw.c",
	};

	check_real_driver("e1000", sources, 2);
	CHECK_OUTPUT("driver CONFIG_E1000");
}

/* A virtio driver takes Linux's virtio core and virtio-mmio transport along. */
TEST(real_tree_virtio_blk)
{
	static const char *const sources[] = {
		"drivers/block/virtio_blk.c",
		"drivers/virtio/virtio.c",
		"drivers/virtio/virtio_ring.c",
		"drivers/virtio/virtio_mmio.c",
	};

	check_real_driver("virtio_blk", sources, 4);
	CHECK_OUTPUT("adding Linux's virtio core and virtio-mmio transport");
}
