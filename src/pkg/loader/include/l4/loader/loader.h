/* SPDX-License-Identifier: MIT */
/*
 * libloader: start an ELF program in a new task with its own region map,
 * initial stack and L4Re environment (docs/runtime.md, "Program start").
 * Used by moe (to start ned, or a program named on its command line) and
 * by ned (for every program a .cfg script starts).  Freestanding: needs
 * only memcpy, memset and strlen from whatever C library the user links.
 *
 * What l4_loader_start() does:
 *   1. reads the ELF headers from params->bin (a dataspace, e.g. a rom/
 *      module), checks it is a static AArch64 ET_EXEC;
 *   2. creates a region map for the child (factory create on
 *      params->mem_alloc, named params->name) and attaches every PT_LOAD
 *      segment: read-only segments straight from params->bin, the others
 *      copied into fresh zero-filled RAM dataspaces (.bss stays zero);
 *      code pages are cleaned to the point of unification;
 *   3. allocates and attaches the stack and writes argc, argv, envp, auxv
 *      (AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_ENTRY, AT_RANDOM,
 *      AT_HWCAP, AT_EXECFN, AT_L4_ENV), the l4re_env_t and its named
 *      capabilities into it;
 *   4. creates the task (params->factory), maps the capabilities into it,
 *      creates the main thread (UTCB at the start of the task's UTCB area,
 *      pager and exception handler = its region map), and starts it with
 *      params->scheduler at params->prio.
 *
 * The child's capability slots (selector = index << L4_CAP_SHIFT):
 *   1 task, 2 factory, 3 main thread, 4 region map (= pager),
 *   5 log, 7 scheduler, 0xc parent, 0xd mem_alloc,
 *   0x10.. the named capabilities in params->caps order (always also
 *   "rom" if params->rom is valid), first_free_cap right after them.
 * Layout of its address space: UTCB area L4_LOADER_UTCB_AREA (16 UTCBs),
 * stack below L4_LOADER_STACK_TOP, the rest is the program's.
 *
 * Where the loader gets memory for itself (to read the ELF and to write
 * segments and the stack): through `ops`.  l4_loader_l4re_ops uses the
 * caller's own L4Re environment (rm attach/detach); moe, which is its own
 * memory server, passes its own ops.
 */
#ifndef L4_LOADER_LOADER_H
#define L4_LOADER_LOADER_H

#include <l4/re/c/dataspace.h>
#include <l4/re/env.h>
#include <l4/sys/types.h>
#include <l4/sys/utcb.h>

EXTERN_C_BEGIN

#define L4_LOADER_UTCB_AREA 0x0000fffe00000000UL /* 16 KiB: 16 UTCBs */
#define L4_LOADER_UTCB_AREA_ORDER 14
#define L4_LOADER_STACK_TOP 0x0000fffd00000000UL
#define L4_LOADER_STACK_SIZE (256UL << 10) /* default */
#define L4_LOADER_MAX_CAPS 32		   /* named capabilities per program */

/* Child capability slots (see above). */
enum l4_loader_child_caps {
	L4_LOADER_CHILD_RM = 4UL << L4_CAP_SHIFT,
	L4_LOADER_CHILD_PARENT = 0xcUL << L4_CAP_SHIFT,
	L4_LOADER_CHILD_MEM_ALLOC = 0xdUL << L4_CAP_SHIFT,
	L4_LOADER_CHILD_NAMED = 0x10UL << L4_CAP_SHIFT,
};

/* One named capability for the child. rights: L4_CAP_FPAGE_* (0 = RWS). */
struct l4_loader_cap {
	char const *name; /* at most 15 characters */
	l4_cap_idx_t cap; /* in the caller's task */
	unsigned rights;
};

/*
 * How the loader gets memory and region maps.  Every call returns 0 or a
 * negative error.  l4_loader_l4re_ops implements them with libl4re over
 * the caller's environment; moe implements them directly (it cannot call
 * itself).
 */
struct l4_loader_ops {
	/* A fresh zero-filled dataspace of size bytes from ma, in a new slot *ds. */
	long (*ds_alloc)(void *ctx, l4_cap_idx_t ma, unsigned long size, l4_cap_idx_t *ds);
	/* Drop the loader's reference to a dataspace (free its slot). */
	void (*ds_free)(void *ctx, l4_cap_idx_t ds);
	/* Size of a dataspace in bytes. */
	long (*ds_size)(void *ctx, l4_cap_idx_t ds, unsigned long *size);
	/* Make [offs, offs + size) of ds accessible at *addr, writable if rw. */
	long (*attach)(void *ctx, l4_cap_idx_t ds, unsigned long offs, unsigned long size, int rw,
		       void **addr);
	void (*detach)(void *ctx, void *addr, unsigned long size);
	/* A new region map from ma, in a new slot *rm. */
	long (*rm_create)(void *ctx, l4_cap_idx_t ma, char const *name, l4_cap_idx_t *rm);
	/* Attach in the child's region map at exactly addr (rm attach, no search). */
	long (*rm_attach)(void *ctx, l4_cap_idx_t rm, l4_addr_t addr, unsigned long size,
			  unsigned flags, l4_cap_idx_t ds, unsigned long offs);
	/* Destroy a region map (L4REC_RM_OP_RELEASE) and free its slot. */
	void (*rm_release)(void *ctx, l4_cap_idx_t rm);
	/* Capability slots of the caller for the task and the thread. */
	l4_cap_idx_t (*cap_alloc)(void *ctx);
	void (*cap_free)(void *ctx, l4_cap_idx_t cap);
	void *ctx;
};

/* The ops over the caller's L4Re environment (ned, or any l4re program). */
extern const struct l4_loader_ops l4_loader_l4re_ops;
/* Capability slots from libl4re's allocator: the cap_alloc/cap_free of every ops table. */
l4_cap_idx_t l4_loader_cap_alloc(void *ctx);
void l4_loader_cap_free(void *ctx, l4_cap_idx_t cap);

struct l4_loader_params {
	char const *name; /* shown in logs and fault reports; default basename(argv[0]) */
	l4_cap_idx_t bin; /* dataspace holding the ELF image */
	int argc;	  /* argv[0] is the program path, e.g. "rom/hello" */
	char const *const *argv;
	char const *const *envp;	  /* NULL-terminated; NULL = empty */
	struct l4_loader_cap const *caps; /* named capabilities */
	unsigned nr_caps;
	l4_cap_idx_t rom;	  /* given as "rom" unless invalid or caps names "rom" */
	l4_cap_idx_t log;	  /* child's log (env->log, slot 5) */
	l4_cap_idx_t parent;	  /* gate for the child's exit signal (slot 0xc) */
	l4_cap_idx_t mem_alloc;	  /* child's allocator; also makes its rm (slot 0xd) */
	l4_cap_idx_t factory;	  /* kernel factory: creates task and thread; given to the child */
	l4_cap_idx_t scheduler;	  /* runs the thread; given to the child */
	unsigned prio;		  /* 1..254; 0 = default (2) */
	unsigned long stack_size; /* 0 = L4_LOADER_STACK_SIZE */
	unsigned long hwcap;	  /* AT_HWCAP value */
};

/* A started program, in the caller's task. */
struct l4_loader_app {
	char name[32];
	l4_cap_idx_t task, thread, rm;
	l4_addr_t entry, sp;
};

/*
 * Start a program.  0 and *app filled in, or a negative error:
 * -L4_EINVAL not a static AArch64 executable / bad parameters,
 * -L4_ENOMEM, -L4_E2BIG arguments and environment do not fit the stack,
 * or the error of the failing operation.  Nothing is left behind on error.
 */
long l4_loader_start(struct l4_loader_ops const *ops, struct l4_loader_params const *params,
		     struct l4_loader_app *app);

/*
 * Stop and remove a program: delete its thread, task and region map
 * objects (the region map drops its dataspaces) and free the slots.
 */
void l4_loader_kill(struct l4_loader_ops const *ops, struct l4_loader_app *app);

/*
 * Parent side, for whoever serves params->parent: decode a received
 * parent message.  Returns 1 and sets *sig, *val for a well-formed
 * Parent Signal (exit: sig 0, val = status), 0 for anything else.
 */
int l4_loader_parent_decode(l4_msgtag_t tag, l4_utcb_t *u, unsigned long *sig, unsigned long *val);

EXTERN_C_END

#endif /* L4_LOADER_LOADER_H */
