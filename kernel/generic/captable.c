// SPDX-License-Identifier: MIT
/* Capability tables (see captable.h). */
#include <captable.h>
#include <kmem.h>
#include <kobject.h>

#define LEAF_BYTES (CAP_LEAF_SLOTS * sizeof(struct mapnode))

int captable_init(struct captable *ct)
{
	ct->dir = kmem_page_alloc();
	return ct->dir ? 0 : -1;
}

void captable_destroy(struct captable *ct)
{
	unsigned int d, s;

	if (!ct->dir)
		return;
	for (d = 0; d < CAP_DIR_SLOTS; d++) {
		struct mapnode *leaf = ct->dir[d];

		if (!leaf)
			continue;
		for (s = 0; s < CAP_LEAF_SLOTS; s++) {
			if (leaf[s].obj)
				mapdb_revoke(&leaf[s], ~0u, true);
		}
		kmem_free(leaf, LEAF_BYTES);
	}
	kmem_page_free(ct->dir);
	ct->dir = NULL;
}

struct mapnode *captable_slot(struct captable *ct, uint64_t idx)
{
	struct mapnode **leafp;

	if (idx >= CAP_MAX || !ct->dir)
		return NULL;
	leafp = &ct->dir[idx / CAP_LEAF_SLOTS];
	if (!*leafp) {
		*leafp = kmem_alloc(LEAF_BYTES);
		if (!*leafp)
			return NULL;
	}
	return &(*leafp)[idx % CAP_LEAF_SLOTS];
}

int captable_install(struct captable *ct, struct task *owner, uint64_t idx, struct kobject *obj,
		     unsigned int rights)
{
	struct mapnode *n = captable_slot(ct, idx);

	if (!n)
		return -1;
	if (n->obj)
		mapdb_revoke(n, ~0u, true);
	n->kind = MAPNODE_CAP;
	n->task = owner;
	n->key = idx;
	n->obj = obj;
	n->rights = (uint8_t)rights;
	mapdb_link(NULL, n);
	return 0;
}
