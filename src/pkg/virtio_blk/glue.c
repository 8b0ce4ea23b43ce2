// SPDX-License-Identifier: MIT
/*
 * virtio_blk: binds the Linux blk class to the dde-linux server (generated
 * by tools/l4re-driver-wrap).  Its devices (virtio bus) are the ones io put
 * on the virtual bus the .cfg gives the server as capability "vbus".
 */
#include <dde/server.h>

int main(int argc, char **argv)
{
	return dde_server_main(argc, argv, &dde_server_class_blk, NULL, 0);
}
