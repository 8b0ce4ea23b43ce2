// SPDX-License-Identifier: MIT
/*
 * fs_server --bench-raw MiB: reads the first MiB mebibytes of the block
 * device sequentially (1 MiB requests, below the file system) before
 * mounting, and prints the throughput in MiB per second of guest time
 * (the KIP clock; under QEMU -icount shift=0 that is instructions).  It
 * is the baseline `make bench` sets the file-system figures against.
 */
#include <stdio.h>
#include <stdlib.h>

#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/kip.h>

#include "blkdev.h"

int fs_bench_raw(struct fs_blkdev *d, unsigned mib);

int fs_bench_raw(struct fs_blkdev *d, unsigned mib)
{
	const size_t chunk = 1u << 20;
	char *buf = malloc(chunk);
	uint64_t t0, t1, sectors = (uint64_t)mib * (chunk / FS_SECTOR_SIZE);
	int err = 0;

	if (!buf)
		return -L4_ENOMEM;
	if (sectors > d->sectors)
		sectors = d->sectors - d->sectors % (chunk / FS_SECTOR_SIZE);
	t0 = l4_kip_clock(l4re_kip());
	for (uint64_t s = 0; s < sectors && !err; s += chunk / FS_SECTOR_SIZE)
		err = d->read(d, s, buf, chunk / FS_SECTOR_SIZE);
	t1 = l4_kip_clock(l4re_kip());
	free(buf);
	if (err) {
		printf("fs_server: bench: raw read failed: %d\n", err);
		return err;
	}
	printf("bench: blk_raw_seq_read_%lluMiB: %llu.%02llu MiB/s\n",
	       (unsigned long long)(sectors * FS_SECTOR_SIZE >> 20),
	       (unsigned long long)((sectors * FS_SECTOR_SIZE >> 20) * 1000000ull /
				    (t1 - t0 ? t1 - t0 : 1)),
	       (unsigned long long)((sectors * FS_SECTOR_SIZE >> 20) * 100000000ull /
				    (t1 - t0 ? t1 - t0 : 1) % 100));
	return 0;
}
