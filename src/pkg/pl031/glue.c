// SPDX-License-Identifier: MIT
/*
 * pl031: binds the Linux rtc class to the dde-linux server (generated
 * by tools/l4re-driver-wrap).  Its devices: the AMBA devices io put on the
 * virtual bus the .cfg gives the server as capability "vbus"; without one,
 * QEMU virt's device below.  "--amba NAME@BASE[+SIZE][:IRQ]" on the
 * command line replaces both.
 */
#include <dde/server.h>

static const struct dde_amba_dev_cfg defaults[] = {
	{ .name = "pl031", .base = 0x09010000, .size = 0x1000, .irq = 34 },
};

int main(int argc, char **argv)
{
	return dde_server_main(argc, argv, &dde_server_class_rtc, defaults,
			       sizeof(defaults) / sizeof(defaults[0]));
}
