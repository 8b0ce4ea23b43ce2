/* SPDX-License-Identifier: MIT */
/*
 * The mapping database: every page mapping and every capability is a node
 * in a derivation tree.  Mapping (or granting) from A to B makes B's node a
 * child of A's; unmap removes a node's whole subtree, so revoking at the root
 * revokes in every task the page or capability reached.  Nodes of one task
 * are found through its vtree (pages) or capability table (capabilities).
 */
#ifndef KERNEL_MAPDB_H
#define KERNEL_MAPDB_H

#include <types.h>

struct task;
struct kobject;

enum mapnode_kind { MAPNODE_MEM = 1, MAPNODE_CAP = 2 };

struct mapnode {
	struct mapnode *parent, *child, *next, *prev; /* derivation tree */
	struct task *task;			      /* owner space */
	uint64_t key;				      /* page VA or capability index */
	union {
		paddr_t pa;	     /* MAPNODE_MEM */
		struct kobject *obj; /* MAPNODE_CAP */
	};
	uint8_t kind;	/* enum mapnode_kind */
	uint8_t rights; /* fpage rights (RWX for memory, RWSD for capabilities) */
	uint8_t attr;	/* memory type for MAPNODE_MEM (PT_DEVICE, ...) */
};

void mapdb_link(struct mapnode *parent, struct mapnode *child);
/* Put `to` in `from`'s place in the tree (grant). */
void mapdb_replace(struct mapnode *from, struct mapnode *to);

/*
 * Revoke `rights` from the subtree below node (and from node itself when
 * `self`).  A node that loses all its rights is removed through
 * mapnode_drop(); one that keeps some is updated through mapnode_reduce().
 * Iterative, so the depth of the tree does not touch the kernel stack.
 */
void mapdb_revoke(struct mapnode *node, unsigned int rights, bool self);

/* Provided by the owner of the nodes (space.c / captable.c). */
void mapnode_drop(struct mapnode *node);
void mapnode_reduce(struct mapnode *node, unsigned int new_rights);

#endif
