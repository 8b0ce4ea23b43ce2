// SPDX-License-Identifier: MIT
/*
 * The devices io knows (filled once from the device tree) and the objects
 * it serves.  An object is an IPC gate bound to io's thread with label
 * index << 4: either a gate the .cfg handed to io (named in io's
 * configuration) or one io made for a vbus client.
 */
#include "io.h"

#include <l4/re/env.h>
#include <l4/sys/err.h>
#include <l4/sys/rcv_endpoint.h>

struct io_dev io_devs[IO_MAX_DEVS];
unsigned io_nr_devs;
const void *io_fdt;
l4_cap_idx_t io_sigma0 = L4_INVALID_CAP, io_icu = L4_INVALID_CAP;

static struct io_obj objs[IO_MAX_OBJS];

int io_obj_new(enum io_obj_type type, l4_cap_idx_t gate)
{
	/* Index 0 stays unused: label 0 is what kernel objects answer with. */
	for (int i = 1; i < IO_MAX_OBJS; i++) {
		long err;

		if (objs[i].type != IO_OBJ_FREE)
			continue;
		err = l4_error(
			l4_rcv_ep_bind_thread(gate, l4re_env()->main_thread, (l4_umword_t)i << 4));
		if (err < 0)
			return (int)err;
		objs[i] = (struct io_obj){ .type = type, .gate = gate };
		return i;
	}
	return -L4_ENOMEM;
}

struct io_obj *io_obj(int obj)
{
	return &objs[obj];
}

int io_obj_by_label(l4_umword_t label)
{
	l4_umword_t i = label >> 4;

	if (!i || i >= IO_MAX_OBJS || objs[i].type == IO_OBJ_FREE)
		return -1;
	return (int)i;
}
