// SPDX-License-Identifier: MIT
/*
 * e1000: binds the Linux net class to the dde-linux server (generated
 * by tools/l4re-driver-wrap).  Its devices (pci bus) are the ones io put
 * on the virtual bus the .cfg gives the server as capability "vbus".
 */
#include <dde/server.h>

int main(int argc, char **argv)
{
	return dde_server_main(argc, argv, &dde_server_class_net, NULL, 0);
}
