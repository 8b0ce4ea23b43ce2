// SPDX-License-Identifier: MIT
/*
 * Unit tests of driver_picker's Kconfig and kbuild readers and its driver
 * catalogue, on text snippets and on the hand-written tree in
 * tests/fixtures/linux-mini (menus, menuconfig nesting, if blocks, choice,
 * rsource/osource, help, composite objects, Kbuild over Makefile, and the
 * directories that must be skipped).
 */
#include "drivers.h"
#include "kbuild.h"
#include "kconfig.h"
#include "unit.h"

#define MINI "tests/fixtures/linux-mini"

static char err[1024];

static struct ksym *driver(const struct catalogue *c, const char *key)
{
	size_t amb;

	return catalogue_lookup(c, key, &amb, NULL);
}

TEST(kconfig_menus_and_help)
{
	struct symtab st = { 0 };
	const char *text = "menu \"Top\"\n"
			   "config FOO\n"
			   "\ttristate \"Foo driver\" if BAR\n"
			   "\tdepends on BAR && \\\n"
			   "\t\tBAZ\n"
			   "\thelp\n"
			   "\t  Line one.\n"
			   "\n"
			   "\t    Indented more.\n"
			   "\tLess indented: ends help\n"
			   "config QUX\n"
			   "\tdef_bool y\n"
			   "endmenu\n"
			   "config AFTER\n"
			   "\tbool \"after\"\n";
	struct ksym *s;

	CHECK_EQ(kconfig_parse_text(&st, MINI, "t/Kconfig", text, "arm64", err, sizeof(err)), 0);
	s = symtab_find(&st, "FOO");
	CHECK(s != NULL);
	CHECK_STR(s->type, "tristate");
	CHECK_STR(s->prompt, "Foo driver");
	CHECK_STR(s->menu, "Top");
	CHECK_STR(s->defined_at, "t/Kconfig:2");
	CHECK_EQ(s->depends.n, 1);
	CHECK_STR(s->depends.v[0], "BAR && BAZ");
	CHECK_STR(s->help, "Line one.\n\nIndented more.");
	s = symtab_find(&st, "QUX");
	CHECK(s && s->prompt == NULL);
	CHECK_STR(s->type, "bool");
	s = symtab_find(&st, "AFTER");
	CHECK(s != NULL);
	CHECK_STR(s->menu, "");
	symtab_free(&st);
}

TEST(kconfig_if_block_after_symbol_nests)
{
	struct symtab st = { 0 };
	const char *text = "config VENDOR\n"
			   "\tbool \"Vendor devices\"\n"
			   "if VENDOR\n"
			   "config CARD\n"
			   "\ttristate \"Card\"\n"
			   "endif\n"
			   "config OTHER\n"
			   "\tbool \"Other\"\n"
			   "if VENDOR\n"
			   "config LATER\n"
			   "\ttristate \"Later\"\n"
			   "endif\n";

	CHECK_EQ(kconfig_parse_text(&st, MINI, "t", text, "arm64", err, sizeof(err)), 0);
	CHECK_STR(symtab_find(&st, "CARD")->menu, "Vendor devices");
	/* Not right after VENDOR: a plain condition, no menu level. */
	CHECK_STR(symtab_find(&st, "LATER")->menu, "");
	CHECK_STR(symtab_find(&st, "LATER")->depends.v[0], "VENDOR");
	symtab_free(&st);
}

TEST(kconfig_errors_name_file_and_line)
{
	struct symtab st = { 0 };

	CHECK_EQ(kconfig_parse_text(&st, MINI, "t/Kconfig", "config A\n\tbool\nendmenu\n", "arm64",
				    err, sizeof(err)),
		 -1);
	CHECK_STR(err, "t/Kconfig:3: 'endmenu' without a matching opening line");
	CHECK_EQ(kconfig_parse_text(&st, MINI, "t/Kconfig", "menu \"x\"\n", "arm64", err,
				    sizeof(err)),
		 -1);
	CHECK_STR(err, "t/Kconfig:1: end of file inside a menu block");
	CHECK_EQ(kconfig_parse_text(&st, MINI, "t/Kconfig", "\n\nsource \"nowhere/Kconfig\"\n",
				    "arm64", err, sizeof(err)),
		 -1);
	CHECK_STR(err, "t/Kconfig:3: source file nowhere/Kconfig not found");
	CHECK_EQ(kconfig_parse_text(&st, MINI, "t/Kconfig", "osource \"nowhere/Kconfig\"\n",
				    "arm64", err, sizeof(err)),
		 0);
	CHECK_EQ(kconfig_parse_text(&st, MINI, "t/Kconfig", "config B\n\tbool \"unterminated\n",
				    "arm64", err, sizeof(err)),
		 -1);
	CHECK_STR(err, "t/Kconfig:2: expected a quoted prompt");
	symtab_free(&st);
}

TEST(kbuild_objects_and_composites)
{
	struct symtab st = { 0 };
	struct ksym *x, *y;

	x = symtab_intern(&st, "X");
	y = symtab_intern(&st, "Y");
	kbuild_parse_text(&st, "drivers/x",
			  "obj-$(CONFIG_X) += x.o sub/ # comment\n"
			  "x-y := a.o \\\n   b.o\n"
			  "x-$(CONFIG_X_DEBUG) += dbg.o\n"
			  "x-$(CONFIG_X) += own.o\n"
			  "obj-$(subst m,y,$(CONFIG_Y)) += y.o $(skipped)\n"
			  "obj-$(CONFIG_UNKNOWN) += nobody.o\n"
			  "ccflags-$(CONFIG_X) += -DFOO\n");
	CHECK_EQ(x->objects.n, 2);
	CHECK_STR(x->objects.v[0], "drivers/x/x.o");
	CHECK_STR(x->objects.v[1], "drivers/x/sub/");
	CHECK_EQ(x->parts.n, 3);
	CHECK_STR(x->parts.v[0], "drivers/x/a.o");
	CHECK_STR(x->parts.v[1], "drivers/x/b.o");
	CHECK_STR(x->parts.v[2], "drivers/x/own.o");
	CHECK_EQ(x->optional.n, 1);
	CHECK_STR(x->optional.v[0], "drivers/x/dbg.o (CONFIG_X_DEBUG)");
	CHECK_EQ(y->objects.n, 1);
	CHECK_STR(y->objects.v[0], "drivers/x/y.o");
	CHECK(symtab_find(&st, "UNKNOWN") == NULL);
	symtab_free(&st);
}

TEST(fixture_tree_catalogue)
{
	struct catalogue c;
	struct ksym *s;
	char dir[256];

	CHECK_EQ(catalogue_load(&c, MINI, "arm64", err, sizeof(err)), 0);
	CHECK_STR(c.version, "unknown");
	/* DEMO_BLK DEMO_NIC DEMO_SPEED_FAST RTC_CLASS RTC_DRV_DEMO RTC_DRV_EXTRA */
	CHECK_EQ(c.n, 6);
	CHECK_STR(c.drivers[0]->name, "DEMO_BLK");

	s = driver(&c, "CONFIG_DEMO_NIC");
	CHECK(s != NULL);
	CHECK_STR(s->menu, "Device Drivers > Network device support");
	CHECK_STR(ksym_directory(s, dir, sizeof(dir)), "drivers/net/demo");
	CHECK_EQ(s->objects.n, 2);
	CHECK_STR(s->objects.v[0], "drivers/net/demo/");
	CHECK_STR(s->objects.v[1], "drivers/net/demo/demo_nic.o");
	CHECK_EQ(s->parts.n, 3);
	CHECK_STR(s->parts.v[2], "drivers/net/demo/demo_ethtool.o");
	CHECK_EQ(s->optional.n, 1);
	CHECK_STR(s->optional.v[0], "drivers/net/demo/demo_debug.o (CONFIG_DEMO_NIC_DEBUG)");
	CHECK_STR(s->help, "A made-up network card.\nIt has two lines of help.\n\n"
			   "And a paragraph after a blank line.");
	CHECK_STR(s->depends.v[0], "PCI");
	CHECK_STR(s->depends.v[1], "NETDEVICES");

	s = driver(&c, "DEMO_SPEED_FAST");
	CHECK_STR(s->menu, "Device Drivers > Network device support > Demo link speed");
	/* menuconfig BLK_DEV followed by entries depending on it */
	s = driver(&c, "demo-blk");
	CHECK(s != NULL);
	CHECK_STR(s->name, "DEMO_BLK");
	CHECK_STR(s->menu, "Device Drivers > Block devices");
	CHECK_EQ(s->objects.n, 1); /* not arch/x86 or Documentation */
	CHECK_STR(s->objects.v[0], "drivers/block/demo_blk.o");
	CHECK_STR(driver(&c, "rtc_demo")->menu, "Device Drivers > Real Time Clock");
	CHECK_STR(driver(&c, "RTC_DRV_EXTRA")->defined_at, "drivers/rtc/Kconfig.extra:2");
	CHECK_STR(driver(&c, "RTC_DRV_EXTRA")->menu, "Device Drivers");

	CHECK(driver(&c, "X86_ONLY_DRV") == NULL);
	CHECK(driver(&c, "NO_OBJECTS") == NULL);
	CHECK(catalogue_symbol(&c, "CONFIG_NO_OBJECTS") != NULL);
	catalogue_free(&c);
}

TEST(lookup_and_subsystems)
{
	struct catalogue c;
	struct strvec cand = { 0 };
	size_t amb;

	CHECK_EQ(catalogue_load(&c, MINI, "arm64", err, sizeof(err)), 0);
	CHECK(catalogue_lookup(&c, "demo", &amb, &cand) == NULL);
	CHECK_EQ(amb, 5);
	CHECK_EQ(cand.n, 5);
	CHECK(catalogue_lookup(&c, "nosuchthing", &amb, NULL) == NULL);
	CHECK_EQ(amb, 0);
	/* unique substring */
	CHECK_STR(catalogue_lookup(&c, "extra", &amb, NULL)->name, "RTC_DRV_EXTRA");
	CHECK(driver_in_subsystem(driver(&c, "RTC_DRV_DEMO"), "drivers/rtc"));
	CHECK(driver_in_subsystem(driver(&c, "RTC_DRV_DEMO"), "drivers/rtc/"));
	CHECK(driver_in_subsystem(driver(&c, "RTC_DRV_DEMO"), "real time"));
	CHECK(!driver_in_subsystem(driver(&c, "RTC_DRV_DEMO"), "drivers/rt"));
	CHECK(!driver_in_subsystem(driver(&c, "DEMO_BLK"), "drivers/rtc"));
	strvec_free(&cand);
	catalogue_free(&c);
}

TEST(not_a_linux_tree)
{
	struct catalogue c;

	CHECK_EQ(catalogue_load(&c, "tests/fixtures/linux-mini/drivers", "arm64", err, sizeof(err)),
		 -1);
	CHECK_STR(err, "tests/fixtures/linux-mini/drivers is not a Linux source tree (needs "
		       "Kconfig, arch/arm64/Kconfig and drivers/)");
	CHECK_EQ(catalogue_load(&c, "tests/fixtures/nonexistent", "arm64", err, sizeof(err)), -1);
	CHECK_STR(err, "tests/fixtures/nonexistent: no such directory");
}
