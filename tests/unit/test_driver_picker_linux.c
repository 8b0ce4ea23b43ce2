// SPDX-License-Identifier: MIT
/*
 * driver_picker's readers against the real Linux tree (Debian's
 * linux-source-6.1, installed by ./setup): the tree is unpacked into
 * obj/linux/src once by tools/driver_extract/linux-tree.sh (about 15-25 s,
 * then cached); reading it takes under a second.  Checks the directory,
 * objects and menu of three drivers the project uses: E1000 (a composite
 * object in its own directory), RTC_DRV_PL031 and VIRTIO_BLK.
 */
#include "drivers.h"
#include "unit.h"

#include <stdlib.h>
#include <sys/stat.h>

#define TREE "obj/linux/src"

static struct catalogue cat;
static int loaded;
static char err[1024];

static const struct catalogue *tree(void)
{
	struct stat sb;

	if (loaded)
		return &cat;
	if (stat(TREE "/.l4rec-unpacked", &sb) &&
	    system("tools/driver_extract/linux-tree.sh unpack >/dev/null") != 0)
		unit_fail(__FILE__, __LINE__,
			  "unpacking the Linux tree failed (./setup installs "
			  "linux-source-6.1)");
	if (catalogue_load(&cat, TREE, "arm64", err, sizeof(err)))
		unit_fail(__FILE__, __LINE__, "%s", err);
	loaded = 1;
	return &cat;
}

static const struct ksym *get(const char *key)
{
	size_t amb;
	const struct ksym *s = catalogue_lookup(tree(), key, &amb, NULL);

	if (!s)
		unit_fail(__FILE__, __LINE__, "no driver %s", key);
	return s;
}

TEST(version_and_size)
{
	const struct catalogue *c = tree();

	CHECK(!strncmp(c->version, "6.1.", 4));
	CHECK(c->n > 3000); /* thousands of drivers */
}

TEST(e1000)
{
	const struct ksym *s = get("E1000");
	char dir[256];

	CHECK_STR(s->prompt, "Intel(R) PRO/1000 Gigabit Ethernet support");
	CHECK_STR(s->type, "tristate");
	CHECK_STR(ksym_directory(s, dir, sizeof(dir)), "drivers/net/ethernet/intel/e1000");
	CHECK(strvec_contains(&s->objects, "drivers/net/ethernet/intel/e1000/"));
	CHECK(strvec_contains(&s->objects, "drivers/net/ethernet/intel/e1000/e1000.o"));
	CHECK_EQ(s->parts.n, 4);
	CHECK(strvec_contains(&s->parts, "drivers/net/ethernet/intel/e1000/e1000_main.o"));
	CHECK(strvec_contains(&s->parts, "drivers/net/ethernet/intel/e1000/e1000_hw.o"));
	CHECK(strvec_contains(&s->parts, "drivers/net/ethernet/intel/e1000/e1000_ethtool.o"));
	CHECK(strvec_contains(&s->parts, "drivers/net/ethernet/intel/e1000/e1000_param.o"));
	CHECK_STR(s->menu, "Device Drivers > Network device support > Ethernet driver support > "
			   "Intel devices");
	CHECK(strvec_contains(&s->depends, "PCI"));
	CHECK(get("e1000") == s);
}

TEST(rtc_pl031)
{
	const struct ksym *s = get("CONFIG_RTC_DRV_PL031");
	char dir[256];

	CHECK_STR(ksym_directory(s, dir, sizeof(dir)), "drivers/rtc");
	CHECK_EQ(s->objects.n, 1);
	CHECK_STR(s->objects.v[0], "drivers/rtc/rtc-pl031.o");
	CHECK_STR(s->menu, "Device Drivers > Real Time Clock");
	CHECK(get("rtc-pl031") == s);
	CHECK(driver_in_subsystem(s, "drivers/rtc"));
}

TEST(virtio_blk)
{
	const struct ksym *s = get("VIRTIO_BLK");
	char dir[256];

	CHECK_STR(ksym_directory(s, dir, sizeof(dir)), "drivers/block");
	CHECK_EQ(s->objects.n, 1);
	CHECK_STR(s->objects.v[0], "drivers/block/virtio_blk.o");
	CHECK_STR(s->menu, "Device Drivers > Block devices");
	CHECK(get("virtio_blk") == s);
}

TEST(unknown_driver)
{
	size_t amb;

	CHECK(catalogue_lookup(tree(), "NO_SUCH_DRIVER_XYZ", &amb, NULL) == NULL);
	CHECK_EQ(amb, 0);
	catalogue_free(&cat);
	loaded = 0;
}
