/* SPDX-License-Identifier: MIT */
/*
 * A task's capability table: index (the capability selector >> L4_CAP_SHIFT)
 * to mapping node.  Two levels: a directory page and leaf pages of nodes,
 * allocated on first use.
 */
#ifndef KERNEL_CAPTABLE_H
#define KERNEL_CAPTABLE_H

#include <kobject.h>
#include <mapdb.h>

#define CAP_LEAF_SLOTS 64u
#define CAP_DIR_SLOTS 512u
#define CAP_MAX (CAP_LEAF_SLOTS * CAP_DIR_SLOTS)

struct captable {
	struct mapnode **dir; /* CAP_DIR_SLOTS leaf pointers */
};

int captable_init(struct captable *ct);
/* Drop every capability (each through mapdb_revoke) and free the table. */
void captable_destroy(struct captable *ct);
/* The live node at idx, or NULL (empty, out of range, or a dead object).  On every IPC. */
static inline struct mapnode *captable_lookup(struct captable *ct, uint64_t idx)
{
	struct mapnode *leaf, *n;

	if (idx >= CAP_MAX || !ct->dir)
		return NULL;
	leaf = ct->dir[idx / CAP_LEAF_SLOTS];
	if (!leaf)
		return NULL;
	n = &leaf[idx % CAP_LEAF_SLOTS];
	if (!n->obj || n->obj->dead)
		return NULL;
	return n;
}
/*
 * Put obj at idx as a root capability owned by `owner`, releasing what was
 * there.  The caller's reference to obj passes to the slot.
 */
int captable_install(struct captable *ct, struct task *owner, uint64_t idx, struct kobject *obj,
		     unsigned int rights);
/* The slot for idx, allocating its leaf; NULL if out of range or no memory. */
struct mapnode *captable_slot(struct captable *ct, uint64_t idx);

#endif
