/* SPDX-License-Identifier: MIT */
/*
 * moe's internal interfaces.  Every object moe serves (dataspace, region
 * map, namespace, log, allocator, parent) is one slot of the object table
 * with its own IPC gate to moe's thread; the gate label is the slot index
 * << 4 (the low four bits carry the caller's W/S rights, docs/abi.md
 * §4.4).  Protocols: docs/runtime.md.  moe is single-threaded: no locks.
 */
#ifndef MOE_MOE_H
#define MOE_MOE_H

#include <stdbool.h>
#include <stdint.h>

#include <l4/sys/types.h>
#include <l4/sys/utcb.h>

#define MOE_MAX_OBJS 1024
#define MOE_OBJ_CAP_BASE 0x4000 /* gate of object i at selector index base + i */
#define MOE_NAME_MAX 32
#define MOE_LINE_MAX 240

enum moe_obj_type {
	MOE_OBJ_FREE = 0,
	MOE_OBJ_DS,
	MOE_OBJ_RM,
	MOE_OBJ_NS,
	MOE_OBJ_LOG,
	MOE_OBJ_MA,
	MOE_OBJ_PARENT,
};

struct moe_ds {
	uint64_t addr;	/* moe's (1:1) address of the first byte */
	uint64_t size;	/* bytes as requested */
	uint64_t pages; /* bytes backed, page multiple */
	bool rom;	/* a boot module: read-only, never freed */
	unsigned refs;	/* freed at 0 */
};

struct moe_rm {
	char name[MOE_NAME_MAX];
	int regions; /* first region index, -1: none (sorted by address) */
	bool dead;   /* stopped after an unhandled fault */
};

struct moe_ns {
	bool ro;     /* rom/: no register/unlink */
	int entries; /* first entry index, -1: none */
};

struct moe_log {
	char name[MOE_NAME_MAX];
	char line[MOE_LINE_MAX];
	unsigned len;
};

struct moe_parent {
	int app; /* index in app.c's table */
};

struct moe_obj {
	enum moe_obj_type type;
	union {
		struct moe_ds ds;
		struct moe_rm rm;
		struct moe_ns ns;
		struct moe_log log;
		struct moe_parent parent;
	};
};

/* A handler's answer: reply with *reply, or no reply at all. */
typedef bool moe_handler_fn(int obj, l4_umword_t label, l4_msgtag_t tag, l4_msgtag_t *reply);

/* obj.c: the object table, gates, capabilities in messages. */
int moe_obj_new(enum moe_obj_type type);
void moe_obj_delete(int obj);
struct moe_obj *moe_obj(int obj);
int moe_obj_by_label(l4_umword_t label);
int moe_obj_by_cap(l4_cap_idx_t cap); /* a moe gate selector in moe's space */
l4_cap_idx_t moe_obj_cap(int obj);
l4_msgtag_t moe_reply_cap(int obj, unsigned rights);
l4_msgtag_t moe_reply_err(long err);
/* Receive side: set the buffer, and decode item k of a request. */
void moe_rcv_setup(void);
int moe_rcv_item_obj(l4_msgtag_t tag, unsigned k, unsigned *rights);
l4_cap_idx_t moe_rcv_take_cap(l4_msgtag_t tag, unsigned k);
bool moe_get_str(l4_msgtag_t tag, unsigned w, char *buf, unsigned size, unsigned *next);

/* phys.c: physical memory taken from sigma0 at boot, mapped 1:1. */
void moe_phys_init(void);
uint64_t moe_phys_alloc(uint64_t size, unsigned align_order);
void moe_phys_free(uint64_t addr, uint64_t size);
void moe_phys_revoke(uint64_t addr, uint64_t size);
void moe_phys_info(uint64_t *total, uint64_t *free_bytes);

/* ds.c */
int moe_ds_create(uint64_t size, unsigned long flags, unsigned align);
int moe_ds_create_rom(uint64_t addr, uint64_t size);
void moe_ds_take(int ds);
void moe_ds_release(int ds);
moe_handler_fn moe_ds_handle;

/* rm.c */
int moe_rm_create(const char *name);
long moe_rm_attach(int rm, uint64_t *start, uint64_t size, unsigned flags, int ds, uint64_t offs,
		   unsigned ds_rights, l4_cap_idx_t client_ds);
void moe_rm_release(int rm);
/* The dataspace byte backing child address va and the region's rights (0: none). */
unsigned moe_rm_lookup(int rm, uint64_t va, uint64_t *moe_addr);
moe_handler_fn moe_rm_handle;

/* A page of a region backed by another server's dataspace (foreign_ds.c). */
struct moe_foreign_page {
	l4_cap_idx_t fds; /* the dataspace, in moe's space */
	uint64_t offs;	  /* dataspace offset of the page */
	uint64_t win;	  /* where moe receives the page itself */
	unsigned rights;  /* L4RE_RM_F_RWX of the region */
};
long moe_rm_attach_foreign(int rm, uint64_t *start, uint64_t size, unsigned flags, l4_cap_idx_t fds,
			   uint64_t offs, l4_cap_idx_t client_ds);
bool moe_rm_foreign(int rm, uint64_t va, struct moe_foreign_page *fp);

/* foreign_ds.c: the two-stage paging of foreign dataspaces. */
uint64_t moe_foreign_window(uint64_t size);
bool moe_foreign_fault(int rm, const struct moe_foreign_page *fp, l4_umword_t pfa, l4_umword_t pc,
		       l4_msgtag_t *reply);
void moe_foreign_release(l4_cap_idx_t fds, uint64_t win, uint64_t size);
void moe_foreign_drop_cap(l4_cap_idx_t fds);

/* pager.c: page faults and exceptions of the threads an rm pages. */
bool moe_pager_fault(int rm, l4_msgtag_t *reply);
bool moe_pager_exception(int rm, l4_msgtag_t *reply);

/* ns.c */
int moe_ns_create(bool ro);
long moe_ns_add_obj(int ns, const char *name, int obj, unsigned rights);
moe_handler_fn moe_ns_handle;

/* rom.c: the boot modules as rom/. */
int moe_rom_init(void);
int moe_rom_ns(void);
const char *moe_rom_cmdline(void);
int moe_rom_find(const char *name); /* dataspace object, -1 if none */

/* log_server.c */
int moe_log_create(const char *name);
moe_handler_fn moe_log_handle;

/* factory.c: the memory allocator / object factory. */
int moe_factory_init(void);
int moe_factory(void);
moe_handler_fn moe_factory_handle;

/* app.c: programs moe starts itself, and their parent objects. */
int moe_app_start(int argc, char *argv[]);
moe_handler_fn moe_parent_handle;

#endif /* MOE_MOE_H */
