/* SPDX-License-Identifier: MIT */
/*
 * The IPC side of fs_server (server.c): the volume gates it serves the
 * file protocol on (<l4/fs/fs_proto.h>) and the loop that answers them.
 */
#ifndef FS_SERVER_SERVER_H
#define FS_SERVER_SERVER_H

#include <l4/sys/types.h>

/* Serve the volume on gate (server end) as volume number id (1, 2, ...). 0 or -L4_E*. */
int fs_server_export(l4_cap_idx_t gate, unsigned id, const char *name);

/* Answer requests forever. */
_Noreturn void fs_server_loop(void);

#endif
