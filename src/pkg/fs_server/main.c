// SPDX-License-Identifier: MIT
/*
 * fs_server: serves the ext4 file system on the virtio block device to
 * clients of the file protocol (docs/fs.md).  Its capabilities come by
 * the names its environment gives, exactly as its systemd unit will name
 * them (files/cfg/bash.cfg):
 *
 *   L4_CAP_VIRTIO_BLK, L4_CAP_VIRTIO_BLK_IRQ, L4_CAP_IOMEM  the device (io)
 *   L4_CAP_SCHED       a scheduler: the server runs at --prio with it
 *   L4_CAP_GLOBAL_FS   server end of the gate native programs use
 *   L4_CAP_LSB_ROOT    server end of the gate the root volume is exported
 *                      on for the Linux guest (optional)
 *
 * Options: --ramdisk FILE  serve a RAM copy of FILE instead of the device
 *          --read-only     never write
 *          --bench-raw MiB time a raw sequential read of the device first
 *          --prio N        priority of the server thread (needs L4_CAP_SCHED)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <et/com_err.h>
#include <l4/re/env.h>
#include <l4/re/env_cap.h>
#include <l4/sys/err.h>
#include <l4/sys/scheduler.h>

#include "blkdev.h"
#include "fs.h"
#include "server.h"

int fs_bench_raw(struct fs_blkdev *d, unsigned mib);

/* The capability an environment variable names, or invalid (quietly if optional). */
static l4_cap_idx_t env_cap(const char *var, int required)
{
	l4_cap_idx_t c = l4re_env_get_cap_by_envvar(var);

	if (l4_is_invalid_cap(c) && required)
		printf("fs_server: %s: %s\n", var,
		       l4re_env_cap_error(c) == -L4_ENOENT ? "not set in the environment" :
							     "no such capability");
	return c;
}

static void set_prio(unsigned prio)
{
	l4_cap_idx_t sched = env_cap("L4_CAP_SCHED", 1);
	l4_sched_param_t sp = l4_sched_param(prio, 0);
	long err;

	if (l4_is_invalid_cap(sched))
		return;
	err = l4_error(l4_scheduler_run_thread(sched, l4re_env()->main_thread, &sp));
	if (err < 0)
		printf("fs_server: cannot set priority %u: %ld\n", prio, err);
}

int main(int argc, char **argv)
{
	static struct fs_blkdev dev;
	const char *ramdisk = NULL;
	unsigned bench = 0, prio = 0;
	bool rw = true;
	l4_cap_idx_t global_fs, lsb_root;
	int err;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--ramdisk") && i + 1 < argc) {
			ramdisk = argv[++i];
		} else if (!strcmp(argv[i], "--read-only")) {
			rw = false;
		} else if (!strcmp(argv[i], "--bench-raw") && i + 1 < argc) {
			bench = (unsigned)strtoul(argv[++i], NULL, 0);
		} else if (!strcmp(argv[i], "--prio") && i + 1 < argc) {
			prio = (unsigned)strtoul(argv[++i], NULL, 0);
		} else {
			printf("fs_server: unknown argument '%s'\n", argv[i]);
			return 2;
		}
	}
	global_fs = env_cap("L4_CAP_GLOBAL_FS", 1);
	if (l4_is_invalid_cap(global_fs))
		return 1;
	lsb_root = env_cap("L4_CAP_LSB_ROOT", 0);
	if (prio)
		set_prio(prio);
	/*
	 * Bind the gates first: a client that calls before the volume is
	 * mounted then waits in its send phase instead of finding no server.
	 */
	if (fs_server_export(global_fs, 1, "global_fs") < 0)
		return 1;
	if (!l4_is_invalid_cap(lsb_root) && fs_server_export(lsb_root, 2, "lsb_root") < 0)
		return 1;

	if (ramdisk)
		err = fs_blkdev_ram_open(&dev, ramdisk);
	else if (fs_blkdev_l4virtio_wanted())
		err = fs_blkdev_l4virtio_open(&dev);
	else
		err = fs_blkdev_virtio_open(&dev);
	if (err < 0)
		return 1;
	if (bench)
		fs_bench_raw(&dev, bench);
	err = fs_vol_mount(&dev, rw);
	if (err < 0)
		return 1;
	printf("fs_server: %s: ext%d, %llu MiB, %llu MiB free, %s; serving global_fs%s\n", dev.name,
	       ext2fs_has_feature_extents(fs_vol.fs->super) ? 4 :
	       ext2fs_has_feature_journal(fs_vol.fs->super) ? 3 :
							      2,
	       (unsigned long long)(ext2fs_blocks_count(fs_vol.fs->super) * fs_vol.fs->blocksize >>
				    20),
	       (unsigned long long)(ext2fs_free_blocks_count(fs_vol.fs->super) *
					    fs_vol.fs->blocksize >>
				    20),
	       fs_vol.rw ? "read-write" : "read-only",
	       l4_is_invalid_cap(lsb_root) ? "" : ", lsb_root");
	fs_server_loop();
}
